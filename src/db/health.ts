/**
 * Whether the database can be reached, known to everyone who must behave differently while it
 * cannot: updates are answered with a "briefly unavailable" notice at once instead of waiting,
 * the outbox dispatcher and the scheduler pause instead of failing every tick. One log line
 * when it goes away, one when it is back — never one per failed operation. While it is away,
 * a ping every `probeEvery` ms notices its return (the driver reconnects by itself; this only
 * learns that it has).
 */

/**
 * The driver's and mongoose's names for "no server to talk to" — not for a refused operation,
 * nor for a connection this process closed itself (MongoTopologyClosedError, MongoNotConnectedError).
 */
const UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoPoolClearedError',
]);

/** True when the error (or what it wraps) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { name, cause, error: inner } = error as { name?: string; cause?: unknown; error?: unknown };
  if (typeof name === 'string' && UNAVAILABLE.has(name)) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(inner, depth + 1);
}

/** What background work needs to know: whether to rest, and whether a failure was the database being away. */
export interface DatabaseWatch {
  readonly down: boolean;
  failed(error: unknown): boolean;
}

export interface HealthLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DatabaseHealthDeps {
  /** Resolves when the database answers (a ping); rejects otherwise. */
  ping(): Promise<unknown>;
  log: HealthLog;
  probeEvery?: number;
  now?: () => number;
}

export class DatabaseHealth implements DatabaseWatch {
  private downSince?: number;
  private probe?: NodeJS.Timeout;
  private probing = false;
  private readonly backListeners: (() => void)[] = [];
  private closed = false;

  constructor(private readonly deps: DatabaseHealthDeps) {}

  /** True while the database is known to be unreachable. */
  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** Called with `listener` each time the database is back after being away. */
  onBack(listener: () => void): void {
    this.backListeners.push(listener);
  }

  /**
   * For an operation that failed: true (and the database is marked down) when the error says
   * it could not be reached, so the caller stays quiet; false for any other error.
   */
  failed(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.markDown((error as { name?: string }).name ?? 'unknown');
    return true;
  }

  /** The connection reported the server gone (mongoose's 'disconnected'). */
  markDown(reason: string): void {
    if (this.closed || this.down) return;
    this.downSince = (this.deps.now ?? Date.now)();
    this.deps.log.warn(
      { reason },
      'database unreachable: updates are answered with a "briefly unavailable" notice, the outbox and the scheduler pause until it is back',
    );
    this.probe = setInterval(() => void this.check(), this.deps.probeEvery ?? 1000);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    if (this.probing || !this.down) return;
    this.probing = true;
    try {
      await this.deps.ping();
      const seconds = Math.round(((this.deps.now ?? Date.now)() - this.downSince!) / 100) / 10;
      this.downSince = undefined;
      clearInterval(this.probe);
      this.deps.log.info({ downSeconds: seconds }, 'database reachable again: updates, the outbox and the scheduler resume');
      for (const listener of this.backListeners) listener();
    } catch {
      // Still away: the next probe tries again.
    } finally {
      this.probing = false;
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.probe);
  }
}
