import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';

export interface TestDatabase {
  uri: string;
  dbName: string;
  /** A fresh connection to the same database, as a restarted process would open. */
  connect(): Promise<Connection>;
  /** Drops the database and closes every connection opened through `connect`. */
  drop(): Promise<void>;
}

export function testServerUri(): string {
  const uri = process.env.HELPDESK_TEST_MONGODB_URI;
  if (!uri) throw new Error('HELPDESK_TEST_MONGODB_URI is not set: run the tests with `npm test` (jest globalSetup starts the database)');
  return uri;
}

/** Each test file gets its own database so files can run in parallel. */
export function createTestDatabase(label?: string): TestDatabase {
  const file = label ?? path.basename(expect.getState().testPath ?? 'test', '.test.ts');
  const dbName = `t_${file.replace(/[^a-zA-Z0-9]/g, '_').slice(0, 30)}_${randomBytes(3).toString('hex')}`;
  const uri = testServerUri();
  const open: Connection[] = [];
  return {
    uri,
    dbName,
    async connect() {
      const conn = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
      open.push(conn);
      return conn;
    },
    async drop() {
      if (open.length === 0) await this.connect();
      const live = open.find((c) => c.readyState === 1);
      if (live) await live.dropDatabase();
      await Promise.all(open.map((c) => c.close()));
      open.length = 0;
    },
  };
}
