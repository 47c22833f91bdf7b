/**
 * What this process remembers for a short while instead of asking the database on every
 * update (a resident's language, a user's staff-chat memberships). Real time, not office
 * time: it is a cache. What this process writes it keeps at once; another instance's writes
 * are seen once an entry expires; a read that started before a write here is not kept, so
 * it cannot bring the older value back.
 */
export class ShortCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private writes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly max = 10_000,
  ) {}

  /** The fresh value, else `load`'s (kept unless this process wrote meanwhile). */
  async read(key: K, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return entry.value;
    const writes = this.writes;
    const value = await load();
    if (writes === this.writes) this.keep(key, value);
    return value;
  }

  /** What this process just wrote to the database. */
  wrote(key: K, value: V): void {
    this.writes++;
    this.keep(key, value);
  }

  /** The value last kept, however old (for when the database cannot be asked). */
  last(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  private keep(key: K, value: V): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }
}
