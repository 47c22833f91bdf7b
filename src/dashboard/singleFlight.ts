/**
 * Requests that ask the database the same question at the same time share one answer: the
 * second caller joins the read already under way instead of starting its own. Nothing is
 * kept after the read ends, so no answer is older than the request that waits for it. On
 * FerretDB, where each read scans (../shared/FACTS.md), a wall screen and twenty phones
 * refreshing together then cost one scan, not twenty.
 */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const started = read().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
