/**
 * FactStore on the real test database, fed by the real ticket service: facts recorded
 * event by event (as the event path will record them) and facts rebuilt from the event
 * log give the same figures; recording twice and rebuilding twice add nothing.
 */
import pino from 'pino';
import { OutboxStore } from '../../src/outbox/store';
import { Reactor } from '../../src/reactions/reactor';
import { ManualClock } from '../../src/clock';
import { attachDatabase, type Database } from '../../src/db/connection';
import { factsOfLog } from '../../src/figures/facts';
import { monthlyFigures } from '../../src/figures/monthly';
import { FactStore, factCollectionName, monthBounds } from '../../src/figures/store';
import { residentActor, type Actor } from '../../src/people/actors';
import { TicketService, type ActionResult } from '../../src/tickets/service';
import type { RepairReport, TicketState } from '../../src/tickets/types';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { STAFF_CHAT } from '../support/harness';
import { figuresPolicy, local } from './support';

const policy = figuresPolicy();
const resident = { telegramId: 501, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
const report: RepairReport = { repairKind: 'public', category: 'inspect', location: '3栋大堂', atHome: false, description: '灯不亮', media: [], visit: { asap: true } };
const alice = residentActor(501, '爱丽丝');
const zhang: Actor = { id: 601, name: '张', role: 'staff', chats: [STAFF_CHAT], headOf: [] };

let db: TestDatabase;
let database: Database;
let store: FactStore;
let tickets: TicketService;
let clock: ManualClock;

beforeAll(async () => {
  db = createTestDatabase();
  database = await attachDatabase(await db.connect());
  store = new FactStore(database.models, policy);
  clock = new ManualClock(local('2026-10-31T23:50'));
  const log = pino({ level: 'silent' });
  tickets = new TicketService({ models: database.models, clock, policy, log, reactor: new Reactor({ models: database.models, outbox: new OutboxStore(database.conn), policy, log }) });
});
afterAll(() => db.drop());

/** What the event path does after each stored event: record its facts with the states before and after. */
async function live(ref: string, action: () => Promise<ActionResult>): Promise<TicketState> {
  const before = (await tickets.get(ref)) ?? undefined;
  const result = await action();
  if (!result.ok) throw new Error(`${ref}: ${result.reason}`);
  await store.recordEvent(result.event, result.ticket, before);
  return result.ticket;
}

async function created(at: string): Promise<string> {
  clock.set(local(at));
  const ticket = await tickets.createRepair(resident, report, alice);
  const [event] = await tickets.history(ticket.ref);
  await store.recordEvent(event, ticket, undefined);
  return ticket.ref;
}

async function step(at: string, ref: string, action: () => Promise<ActionResult>): Promise<void> {
  clock.set(local(at));
  await live(ref, action);
}

test('recorded live or rebuilt from the log: the same figures, in the office\'s months', async () => {
  // Received at 23:50 on 31 October and answered at 23:52; resolved and confirmed after midnight.
  const a = await created('2026-10-31T23:50');
  await step('2026-10-31T23:52', a, () => tickets.claim(a, zhang));
  await step('2026-11-01T00:10', a, () => tickets.resolve(a, zhang, { text: '换了灯管', media: [] }));
  await step('2026-11-01T00:20', a, () => tickets.confirm(a, alice));
  // Disputed once, then closed: not fixed the first time.
  const b = await created('2026-11-03T09:00');
  await step('2026-11-03T09:30', b, () => tickets.claim(b, zhang));
  await step('2026-11-03T10:00', b, () => tickets.resolve(b, zhang, { text: '修了', media: [] }));
  await step('2026-11-03T11:00', b, () => tickets.dispute(b, alice, '还是不亮'));
  await step('2026-11-03T12:00', b, () => tickets.resolve(b, zhang, { text: '换了线', media: [] }));
  await step('2026-11-03T13:00', b, () => tickets.confirm(b, alice));
  // Claimed and cancelled.
  const c = await created('2026-11-05T09:00');
  await step('2026-11-05T09:01', c, () => tickets.claim(c, zhang));
  await step('2026-11-05T09:30', c, () => tickets.cancel(c, alice, '自己修好了'));
  // A note and an urge count nothing.
  const d = await created('2026-11-06T09:00');
  await step('2026-11-06T09:10', d, () => tickets.urge(d, alice));
  await step('2026-11-06T09:20', d, () => tickets.note(d, zhang, { text: '明天去', media: [], toResident: false }));

  const october = await monthlyFigures(store, '2026-10');
  expect([october.received, october.responseOnTime.value, october.resolved, october.closed]).toEqual([1, 1, 0, 0]);
  const november = await monthlyFigures(store, '2026-11');
  expect(november.received).toBe(3); // b c d
  expect(november.cancelled).toBe(1);
  expect(november.responseOnTime).toEqual({ num: 0, den: 2, value: 0 }); // b took 30 minutes; c cancelled; d unanswered
  expect(november.resolutionOnTime).toEqual({ num: 2, den: 2, value: 1 }); // a, b (its second resolution)
  expect(november.firstTimeFix).toEqual({ num: 1, den: 2, value: 0.5 }); // a yes, b no
  expect(november.reopened).toBe(1);

  // The same events recorded again: nothing new.
  for (const ref of [a, b, c, d]) {
    expect(await store.record(factsOfLog(await tickets.history(ref), policy))).toBe(0);
  }

  // Lost facts (as after a crash between an event and its facts): the rebuild restores exactly them.
  const stored = async (month: string) => (await store.collection(month).find({}).sort({ _id: 1 }).toArray()).map((f) => f._id);
  const octoberIds = await stored('2026-10');
  const novemberIds = await stored('2026-11');
  await database.conn.dropCollection(factCollectionName('2026-10'));
  expect((await store.collection('2026-11').deleteMany({ _id: { $regex: `^${b}:` } })).deletedCount).toBe(8);
  expect(await monthlyFigures(store, '2026-10')).not.toEqual(october);

  expect(await store.rebuild('2026-10')).toEqual({ tickets: 1, facts: 3, inserted: 3 }); // a: received, its building, responded
  expect(await store.rebuild('2026-11')).toMatchObject({ tickets: 4, inserted: 8 }); // b's 8 facts were missing
  expect(await stored('2026-10')).toEqual(octoberIds);
  expect(await stored('2026-11')).toEqual(novemberIds);
  expect(await monthlyFigures(store, '2026-10')).toEqual(october);
  expect(await monthlyFigures(store, '2026-11')).toEqual(november);
  // A second rebuild is a no-op.
  expect(await store.rebuild('2026-11')).toMatchObject({ inserted: 0 });
});

test('months are office-local: their bounds and their collections', () => {
  expect(monthBounds('2026-11', 'Asia/Shanghai')).toEqual({ start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') });
  expect(monthBounds('2026-12', 'Asia/Shanghai').end).toEqual(new Date('2026-12-31T16:00:00Z'));
  expect(factCollectionName('2026-11')).toBe('facts_2026_11');
  expect(() => factCollectionName('2026-11; drop')).toThrow(/YYYY-MM/);
});
