/**
 * The dashboard's queries against the test database, on five hand-made tickets whose right
 * answers are read off their stories: every list filter, paging, each role's scope, and the
 * overview's counts (23 November 2026, 10:00 in Shanghai).
 */
import { DashboardQueries, parseFilters, withDefaultPeriod, type TicketFilters } from '../../src/dashboard/queries';
import { factsOfLog } from '../../src/figures/facts';
import { FactStore } from '../../src/figures/store';
import type { Viewer } from '../../src/dashboard/access';
import { TicketRepository } from '../../src/tickets/repository';
import { ticket, type TicketLog } from '../figures/support';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
let queries: DashboardQueries;

const MANAGER: Viewer = { id: 900, name: '陈主任', role: 'manager', departments: ['engineering', 'cleaning', 'security', 'service'] };
const HEAD: Viewer = { id: 801, name: '王主管', role: 'head', departments: ['engineering'] };
/** 张 (601) claimed A, which is closed now; another engineer owns nothing. */
const ZHANG: Viewer = { id: 601, name: '张', role: 'staff', departments: ['engineering'] };
const OTHER: Viewer = { id: 699, name: '赵', role: 'staff', departments: ['engineering'] };

// A: closed this morning; B: open and past its limit; C: a complaint due on the 27th; D: an emergency of today; E: cancelled.
const A = 'BX-20261101-001';
const B = 'BX-20261110-002';
const C = 'TS-20261120-001';
const D = 'JJ-20261123-001';
const E = 'BX-20261122-003';

function office(): TicketLog[] {
  return [
    ticket(A, { created: '2026-11-01T09:00', repairKind: 'public', category: 'inspect', building: '3' }).claim('2026-11-01T09:02').resolve('2026-11-02T08:00').confirm('2026-11-23T08:00'),
    ticket(B, { created: '2026-11-10T09:00', repairKind: 'household', category: 'unblock', building: '5' }),
    ticket(C, { kind: 'complaint', created: '2026-11-20T09:00', building: '7', resolutionHours: 24 * 7 }),
    ticket(D, { kind: 'emergency', created: '2026-11-23T09:30', building: '3' }),
    ticket(E, { created: '2026-11-22T08:00', repairKind: 'public', category: 'cleaning', department: 'cleaning', building: '5' }).cancel('2026-11-22T09:00'),
  ];
}

beforeAll(async () => {
  h = await createHarness();
  const repository = new TicketRepository(h.services.db);
  const facts = new FactStore(h.services.db, h.policy);
  for (const log of office()) {
    for (const event of log.events) await repository.append(event);
    await repository.load(log.ref); // writes the projection from the log
    await facts.record(factsOfLog(log.events, h.policy)); // as the event path records them
  }
  queries = new DashboardQueries({ models: h.services.db, clock: h.clock, policy: h.policy });
});
afterAll(async () => {
  await h.close();
});

async function refs(viewer: Viewer, filters: TicketFilters): Promise<string[]> {
  return (await queries.list(viewer, filters, 0, 50)).tickets.map((t) => t.ref);
}

test.each<[string, TicketFilters, string[]]>([
  ['nothing', {}, [D, E, C, B, A]],
  ['status', { status: 'open' }, [D, C, B]],
  ['kind', { kind: 'complaint' }, [C]],
  ['category', { category: 'household/unblock' }, [B]],
  ['category of a repair kind (ids repeat across kinds)', { category: 'household/inspect' }, []],
  ['category id alone', { category: 'inspect' }, [A]],
  ['department', { department: 'cleaning' }, [E]],
  ['building', { building: '5' }, [E, B]],
  ['date range (office days, both ends)', { from: '2026-11-10', to: '2026-11-20' }, [C, B]],
  ['overdue only', { overdue: true }, [B]],
  ['text in the reference', { text: 'ts-2026' }, [C]],
  ['text in the description', { text: '有问题' }, [D, C]],
  ['text that would be a pattern', { text: '.*' }, []],
  ['several at once', { kind: 'repair', building: '5', status: 'open' }, [B]],
  ['a range within one month', { from: '2026-11-20', to: '2026-11-22' }, [E, C]],
  ['overdue and a status', { overdue: true, status: 'open' }, [B]],
  ['overdue and a closed status', { overdue: true, status: 'closed' }, []],
  ['the default period (this month)', withDefaultPeriod({}, '2026-11-23'), [D, E, C, B, A]],
  ['the default period of December', withDefaultPeriod({}, '2026-12-01'), []],
])('the list filters by %s', async (_what, filters, expected) => {
  expect(await refs(MANAGER, filters)).toEqual(expected);
});

test('pages hold pageSize tickets and say whether there is a next one', async () => {
  const first = await queries.list(MANAGER, {}, 0, 2);
  expect([first.tickets.map((t) => t.ref), first.hasNext]).toEqual([[D, E], true]);
  const last = await queries.list(MANAGER, {}, 2, 2);
  expect([last.tickets.map((t) => t.ref), last.hasNext]).toEqual([[A], false]);
});

test('a head sees their departments; staff their own tickets and their departments\' open ones', async () => {
  expect(await refs(HEAD, {})).toEqual([B, A]);
  expect(await refs(ZHANG, {})).toEqual([B, A]);
  expect(await refs(OTHER, {})).toEqual([B]);
  // A filter never widens the scope.
  expect(await refs(HEAD, { department: 'cleaning' })).toEqual([]);
  expect(await refs(OTHER, { department: 'cleaning' })).toEqual([]);
  expect(await refs(ZHANG, { text: '坏了' })).toEqual([B, A]);
});

test("the overview counts open tickets, today's new and closed, what is overdue and the latest emergencies", async () => {
  const overview = await queries.overview(MANAGER);
  expect(overview.byStatus).toEqual([
    { status: 'open', n: 3 },
    { status: 'claimed', n: 0 },
    { status: 'on_site', n: 0 },
    { status: 'reopened', n: 0 },
  ]);
  expect(overview.byDepartment).toEqual([
    { department: 'engineering', n: 1 },
    { department: 'security', n: 1 },
    { department: 'service', n: 1 },
  ]);
  expect([overview.newToday, overview.closedToday]).toEqual([1, 1]);
  expect(overview.overdue.map((t) => t.ref)).toEqual([B]);
  expect(overview.emergencies.map((t) => t.ref)).toEqual([D]);
  const head = await queries.overview(HEAD);
  expect([head.newToday, head.closedToday, head.overdue.length, head.emergencies.length]).toEqual([0, 1, 1, 0]);
});

test('asking for open work lifts the default period; a given period is kept', () => {
  expect(withDefaultPeriod({ status: 'open' }, '2026-11-23')).toEqual({ status: 'open' });
  expect(withDefaultPeriod({ overdue: true }, '2026-11-23')).toEqual({ overdue: true });
  expect(withDefaultPeriod({ status: 'closed' }, '2026-11-23')).toEqual({ status: 'closed', from: '2026-11-01', to: '2026-11-23' });
  expect(withDefaultPeriod({ text: '门铃' }, '2026-11-23')).toEqual({ text: '门铃', from: '2026-11-01', to: '2026-11-23' });
  expect(withDefaultPeriod({ to: '2026-10-31' }, '2026-11-23')).toEqual({ to: '2026-10-31' });
});

test('filters from a query string keep only well-formed values', () => {
  expect(parseFilters({ status: 'open', kind: 'repair', from: '2026-11-01', to: 'yesterday', overdue: '1', q: '  门铃 ', page: '2' })).toEqual({
    status: 'open',
    kind: 'repair',
    from: '2026-11-01',
    overdue: true,
    text: '门铃',
  });
  expect(parseFilters({ status: 'everything', building: ['3', '5'], overdue: 'yes' })).toEqual({});
});
