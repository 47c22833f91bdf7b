import mongoose, { type Connection } from 'mongoose';
import { createModels, ensureIndexes, type Models } from './models';

export interface Database {
  conn: Connection;
  models: Models;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * How long an operation waits for a reachable server before it fails (ms). Short, so that an
   * update during an outage is answered within a second or two instead of hanging: the driver
   * reconnects in the background, and work that can wait pauses (src/db/health.ts).
   */
  selectionTimeoutMs?: number;
  /** At start, how long to keep trying to reach the database (ms) before giving up. */
  startupWaitMs?: number;
  /** Told of each failed attempt at start. */
  onRetry?(error: unknown, attempt: number): void;
}

/** Opens a dedicated connection (not mongoose's global one) so two can coexist in tests. */
export async function openDatabase(uri: string, dbName?: string, options: OpenOptions = {}): Promise<Database> {
  const selection = options.selectionTimeoutMs ?? 10_000;
  const deadline = Date.now() + (options.startupWaitMs ?? 0);
  for (let attempt = 1; ; attempt += 1) {
    const conn = mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: selection, autoIndex: false, autoCreate: false });
    try {
      await conn.asPromise();
      return await attachDatabase(conn);
    } catch (error) {
      await conn.close().catch(() => undefined);
      if (Date.now() >= deadline) throw error;
      options.onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export async function attachDatabase(conn: Connection): Promise<Database> {
  const models = createModels(conn);
  await ensureIndexes(models);
  return { conn, models, close: () => conn.close() };
}
