import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedDatabase } from '../../src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __helpdeskTestDb?: EmbeddedDatabase }).__helpdeskTestDb;
  if (db) await db.stop();
  rmSync(path.join(os.tmpdir(), `helpdesk-test-${process.pid}`), { recursive: true, force: true });
}
