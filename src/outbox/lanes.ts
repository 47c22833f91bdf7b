/**
 * One drain at a time per chat within a process: the order of a chat's items is kept by
 * sending them one after another (across processes the claims and the chat's head do it).
 */
export class Lanes {
  private readonly running = new Map<number, Promise<void>>();

  constructor(private readonly now: () => number) {}

  busy(chatId: number): boolean {
    return this.running.has(chatId);
  }

  /** Runs `fn` as the chat's only drain; undefined when the chat stays busy past `until`. */
  async run<T>(chatId: number, until: number, fn: () => Promise<T>): Promise<T | undefined> {
    for (let busy = this.running.get(chatId); busy; busy = this.running.get(chatId)) {
      const left = until - this.now();
      if (left <= 0) return undefined;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([busy, new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
    let release!: () => void;
    this.running.set(chatId, new Promise<void>((resolve) => (release = resolve)));
    try {
      return await fn();
    } finally {
      this.running.delete(chatId);
      release();
    }
  }

  /** Resolves when every drain running now has ended. */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }
}
