/**
 * What a test's code asks of the database: every command a connection sends while `fn`
 * runs (mongoose's debug hook), for the tests that count round trips or check their filters.
 */
import type { Connection } from 'mongoose';

export interface SentCommand {
  collection: string;
  method: string;
  filter: unknown;
}

export async function commandsDuring(conn: Connection, fn: () => Promise<unknown>): Promise<SentCommand[]> {
  const seen: SentCommand[] = [];
  conn.set('debug', (collection: string, method: string, filter: unknown) => {
    seen.push({ collection, method, filter });
  });
  try {
    await fn();
  } finally {
    conn.set('debug', false);
  }
  return seen;
}
