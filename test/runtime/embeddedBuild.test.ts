/**
 * The embedded database's first build (Go, minutes on a small machine) is announced before
 * it starts — with how long it takes — and reports progress while it runs. Built here from a
 * copy of testdb/ in a fresh project folder (Go's own cache keeps it short).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureLauncherBuilt, launcherUpToDate } from '../../src/db/embedded';

const root = path.resolve(__dirname, '..', '..');
let project: string;
beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-launcher-'));
  cpSync(path.join(root, 'testdb'), path.join(project, 'testdb'), { recursive: true });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

test('says what it builds and how long before building, then progress, then the time it took', async () => {
  const binary = path.join(project, '.cache', 'ferretdb-launcher');
  const lines: { message: string; binaryExisted: boolean }[] = [];
  const built = await ensureLauncherBuilt(project, (message) => lines.push({ message, binaryExisted: existsSync(binary) }), { every: 50 });
  expect(built).toBe(binary);
  expect(launcherUpToDate(project)).toBe(true);

  expect(lines[0].message).toMatch(/^building the embedded database \(FerretDB v1\.24\.2, from testdb\/ with Go\) once: about 2 minutes/);
  expect(lines[0].binaryExisted).toBe(false);
  const progress = lines.filter((l) => l.message.startsWith('still building the embedded database'));
  expect(progress.length).toBeGreaterThan(0);
  expect(progress[0].message).toMatch(/\d+ s so far, \d+ of about 540 packages compiled \(\d+%\)/);
  expect(lines.at(-1)!.message).toMatch(/^embedded database built in \d+ s$/);

  // Built once: the next start says nothing.
  const again: string[] = [];
  await ensureLauncherBuilt(project, (m) => again.push(m));
  expect(again).toEqual([]);
}, 300_000);
