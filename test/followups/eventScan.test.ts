/**
 * Reading the event log from a watermark: a tick reads what happened since the last one, from
 * the recent copy of the watched types (never the whole log), an event written a moment late
 * is still read, what is older than the lookback is pruned, and a
 * backlog larger than a batch — even one where everything shares one instant — is worked
 * off batch by batch without skipping or looping; one process is not handed again what it
 * handled, while the overlap still brings it what another wrote late.
 */
import { EventScan } from '../../src/followups/eventScan';
import { ensureFollowupIndexes, followupModels } from '../../src/followups/model';
import { RecentEvents, recentEventsModel, type RecentEvent } from '../../src/tickets/recentEvents';
import type { TicketEvent } from '../../src/tickets/types';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
const T0 = new Date('2026-11-23T02:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let seq = 0;

beforeAll(async () => {
  h = await createHarness({ start: T0 });
  await ensureFollowupIndexes(h.database.models);
});
afterAll(async () => {
  await h.close();
});

async function write(count: number, when: Date, type: TicketEvent['type'] = 'confirmed'): Promise<void> {
  const events = Array.from({ length: count }, (): TicketEvent => ({ ref: `BX-20261123-${String(++seq).padStart(4, '0')}`, seq: 4, type, at: when, actor: { id: 0, role: 'system', name: 'system' } }) as TicketEvent);
  // As the Reactor does with each event it reacts to.
  for (const event of events) await new RecentEvents(h.database.models).recordEvent(event);
}

function scan(batch = 100) {
  return new EventScan(h.database.models, followupModels(h.database.conn), { name: 'test-scan', types: ['confirmed', 'auto_confirmed'], overlap: 2000, firstRunLookback: 60_000, batch });
}

async function read(now: Date, batch?: number): Promise<RecentEvent[]> {
  const { events, commit } = await scan(batch).next(now);
  await commit();
  return events;
}

test('the recent copy is indexed on (type, at) and keeps only the watched types', async () => {
  await write(1, at(-5), 'claimed');
  const recent = recentEventsModel(h.database.models);
  const indexes = await recent.collection.indexes();
  expect(indexes.some((i) => JSON.stringify(i.key) === JSON.stringify({ type: 1, at: 1 }))).toBe(true);
  expect(await recent.countDocuments({ type: 'claimed' })).toBe(0);
});

test('first run looks back a while; then each read returns what came since, plus a late writer', async () => {
  await write(3, at(-3600)); // before the first-run lookback: never read
  await write(2, at(-30));
  await write(4, at(-10), 'created'); // not a watched type
  expect(await read(at(0))).toHaveLength(2);
  // Older than the lookback: read by no scan, so no longer kept.
  expect(await recentEventsModel(h.database.models).countDocuments({ at: at(-3600) })).toBe(0);

  await write(5, at(10));
  expect(await read(at(20))).toHaveLength(5);
  // Written "at 19.5 s" by a slow instance, inserted after the read at 20 s: still seen.
  await write(1, at(19.5));
  const next = await read(at(40));
  expect(next.map((e) => new Date(e.at).getTime())).toEqual([at(19.5).getTime()]);
  expect(await read(at(60))).toHaveLength(0);
});

test('a backlog larger than a batch, sharing one instant, is worked off without skipping or looping', async () => {
  await write(250, at(100));
  await write(30, at(101));
  await write(30, at(102));
  const seen = new Set<string>();
  const sizes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const events = await read(at(500));
    sizes.push(events.length);
    for (const e of events) seen.add(e.ref);
    if (events.length === 0) break;
  }
  expect(seen.size).toBe(310);
  expect(sizes[0]).toBe(250); // one instant is taken whole
  expect(sizes.at(-1)).toBe(0);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(310); // nothing read twice
});

test('one process is not handed again what it handled in the overlap; a late writer\'s event and an uncommitted read still come', async () => {
  const running = scan(); // one instance, as a running process keeps its jobs
  const take = async (now: Date, commit = true) => {
    const next = await running.next(now);
    if (commit) await next.commit();
    return next.events.map((e) => e.ref);
  };
  await take(at(900)); // whatever earlier tests left
  await write(3, at(1000));
  const first = await take(at(1001));
  expect(first).toHaveLength(3);
  // The next tick reads 2 s back again: those 3 are in the overlap, but this process handled them.
  await write(1, at(1000.5)); // written "at 1000.5 s" by another instance, inserted only now
  const late = await take(at(1002));
  expect(late).toHaveLength(1);
  expect(first).not.toContain(late[0]);

  // A read whose caller did not finish (no commit) is handed out again.
  await write(2, at(1003.5));
  expect(await take(at(1004), false)).toHaveLength(2);
  expect(await take(at(1004.5))).toHaveLength(2);
  expect(await take(at(1005))).toHaveLength(0);
  // Another process (a new scan) still reads the overlap as before.
  expect(await scan().next(at(1005)).then((n) => n.events.length)).toBe(2);
});
