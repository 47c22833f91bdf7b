import mongoose, { type Connection } from 'mongoose';
import { createModels, ensureIndexes, type Models } from './models';

export interface Database {
  conn: Connection;
  models: Models;
  close(): Promise<void>;
}

/** Opens a dedicated connection (not mongoose's global one) so two can coexist in tests. */
export async function openDatabase(uri: string, dbName?: string): Promise<Database> {
  const conn = await mongoose
    .createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000, autoIndex: false, autoCreate: false })
    .asPromise();
  return attachDatabase(conn);
}

export async function attachDatabase(conn: Connection): Promise<Database> {
  const models = createModels(conn);
  await ensureIndexes(models);
  return { conn, models, close: () => conn.close() };
}
