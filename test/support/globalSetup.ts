import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';

/**
 * One database server for the whole run: real MongoDB when MONGODB_URI is set, otherwise
 * our embedded FerretDB. Each test file then opens its own database on it (test/support/db.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.HELPDESK_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const db: EmbeddedDatabase = await startEmbeddedDatabase({
    projectRoot: path.resolve(__dirname, '..', '..'),
    backend: (process.env.TEST_DB_BACKEND as 'postgresql' | 'sqlite' | undefined) ?? 'auto',
    sqliteDir: path.join(require('node:os').tmpdir(), `helpdesk-test-${process.pid}`),
    log: (m) => process.stderr.write(`[test db] ${m}\n`),
  });
  process.env.HELPDESK_TEST_MONGODB_URI = db.uri;
  (globalThis as { __helpdeskTestDb?: EmbeddedDatabase }).__helpdeskTestDb = db;
}
