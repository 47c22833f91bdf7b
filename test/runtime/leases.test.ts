/**
 * The polling lease on the test database: of several spares taking over at once exactly one
 * wins; the holder renews only while its lease is the newest; a spare judges staleness by
 * what it has seen change, on its own clock.
 */
import type { Connection } from 'mongoose';
import { spawnSync } from 'node:child_process';
import { LeaseWatch, PollingLeases, holderGoneHere, holderId } from '../../src/polling/leases';
import { createTestDatabase, type TestDatabase } from '../support/db';

let db: TestDatabase;
let conn: Connection;
beforeAll(async () => {
  db = createTestDatabase('leases');
  conn = await db.connect();
});
afterAll(() => db.drop());

test('ten spares take over at once: exactly one gets the next lease', async () => {
  const spares = Array.from({ length: 10 }, (_, i) => new PollingLeases(conn, { holder: `spare-${i}`, takeoverMs: 3000 }));
  const first = await spares[0].take(0);
  expect(first).toBe(1);
  const results = await Promise.all(spares.map((s) => s.take(1)));
  expect(results.filter((r) => r === 2)).toHaveLength(1);
  expect(results.filter((r) => r === null)).toHaveLength(9);
  const winner = spares[results.indexOf(2)];
  expect(await winner.renew(2)).toBe('held');
  // The holder of lease 1 finds it was taken over.
  expect(await spares[0].renew(1)).toBe('lost');
  await winner.release(2);
  expect(await winner.newest()).toMatchObject({ _id: 2, released: true });
});

test('a spare takes over after the lease has not changed for the takeover time, or at once when released', () => {
  let now = 1_000_000;
  const watch = new LeaseWatch({ takeoverMs: 3000, now: () => now });
  const lease = (id: number, renewedAt: number, released?: boolean) => ({ _id: id, holder: 'h', takenAt: new Date(0), renewedAt: new Date(renewedAt), released });
  expect(watch.judge(null)).toEqual({ take: true, after: 0 });
  expect(watch.judge(lease(4, now))).toEqual({ take: false, holder: 'h', id: 4 });
  now += 2000;
  expect(watch.judge(lease(4, now - 1000))).toMatchObject({ take: false }); // renewed: watched anew
  now += 2999;
  expect(watch.judge(lease(4, now - 3999))).toMatchObject({ take: false });
  now += 1;
  expect(watch.judge(lease(4, now - 4000))).toEqual({ take: true, after: 4 });
  // Released: at once. Far in the past by our clock (a holder dead before we looked): at once.
  expect(new LeaseWatch({ takeoverMs: 3000, now: () => now }).judge(lease(5, now, true))).toEqual({ take: true, after: 5 });
  expect(new LeaseWatch({ takeoverMs: 3000, now: () => now }).judge(lease(6, now - 7000))).toEqual({ take: true, after: 6 });
});

test("a holder of this instance whose process is gone is replaced at once; another machine's never by its pid", () => {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  expect(holderGoneHere(`here:${gone}:abc123`, 'here')).toBe(true);
  expect(holderGoneHere(holderId('here'), 'here')).toBe(true); // our own pid: a container restarted as pid 1
  expect(holderGoneHere(`here:${process.ppid}:abc123`, 'here')).toBe(false); // alive
  expect(holderGoneHere(`elsewhere:${gone}:abc123`, 'here')).toBe(false);
  const watch = new LeaseWatch({ takeoverMs: 3000, gone: (h) => holderGoneHere(h, 'here') });
  expect(watch.judge({ _id: 7, holder: `here:${gone}:abc123`, takenAt: new Date(), renewedAt: new Date() })).toEqual({ take: true, after: 7 });
});
