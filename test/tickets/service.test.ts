/**
 * TicketService on the real test database (FerretDB): reference numbers under concurrency,
 * due times from the office's table, races decided by the event log, and a projection that
 * fell behind its log being repaired on the next load.
 */
import pino from 'pino';
import { OutboxStore } from '../../src/outbox/store';
import { Reactor } from '../../src/reactions/reactor';
import { ManualClock } from '../../src/clock';
import type { OfficePolicy } from '../../src/config/office';
import { attachDatabase, type Database } from '../../src/db/connection';
import { residentActor, type Actor } from '../../src/people/actors';
import { TicketRepository } from '../../src/tickets/repository';
import { TicketService } from '../../src/tickets/service';
import type { RepairReport, ResidentContact } from '../../src/tickets/types';
import { commandsDuring } from '../support/commands';
import { createTestDatabase } from '../support/db';
import { STAFF_CHAT, testPolicy } from '../support/harness';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const db = createTestDatabase();
let database: Database;
const clock = new ManualClock(new Date('2026-11-22T17:30:00Z')); // 01:30 on 23 Nov in Shanghai

const resident = (id: number): ResidentContact => ({ telegramId: id, name: `住户${id}`, phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' });
const report = (repairKind: RepairReport['repairKind'], category: string, extra: Partial<RepairReport> = {}): RepairReport => ({
  repairKind, category, location: '3栋2单元1201', atHome: true, description: '描述', media: [], visit: { asap: true }, ...extra,
});
const staff = (id: number, name: string): Actor => ({ id, name, role: 'staff', chats: [STAFF_CHAT], headOf: [] });
const zhang = staff(601, '张');
const li = staff(602, '李');

function service(policy: OfficePolicy = testPolicy()): TicketService {
  const log = pino({ level: 'silent' });
  const reactor = new Reactor({ models: database.models, outbox: new OutboxStore(database.conn), policy, log });
  return new TicketService({ models: database.models, clock, policy, log, reactor });
}

beforeAll(async () => {
  database = await attachDatabase(await db.connect());
});
afterAll(() => db.drop());

test('20 residents confirming at the same moment get 20 distinct numbers of the office-local day', async () => {
  const tickets = service();
  const created = await Promise.all(
    Array.from({ length: 20 }, (_, i) => tickets.createRepair(resident(1000 + i), report('household', 'inspect'), residentActor(1000 + i, 'r'))),
  );
  const refs = created.map((t) => t.ref).sort();
  // 17:30 UTC on the 22nd is already the 23rd in Shanghai.
  expect(refs).toEqual(Array.from({ length: 20 }, (_, i) => `BX-20261123-${String(i + 1).padStart(3, '0')}`));
  expect(created.every((t) => t.day === '2026-11-23' && t.month === '2026-11')).toBe(true);
  expect(await database.models.Ticket.countDocuments({ day: '2026-11-23' })).toBe(20);
  expect(await database.models.TicketEvent.countDocuments({ type: 'created' })).toBe(20);
  // Each number belongs to its own resident's ticket.
  for (const t of created) expect((await tickets.get(t.ref))!.resident.telegramId).toBe(t.resident.telegramId);

  // The next office day starts again at 001.
  clock.set(new Date('2026-11-23T16:00:00Z')); // 00:00 on the 24th in Shanghai
  expect((await tickets.createRepair(resident(1), report('household', 'inspect'), residentActor(1, 'r'))).ref).toBe('BX-20261124-001');
});

test('two instances of the bot confirming at the same moment still give distinct numbers with none skipped', async () => {
  // Each service remembers its own sequence, as each process does; they meet only in the database.
  const before = clock.now();
  clock.set(new Date('2026-11-25T02:00:00Z'));
  const [one, two] = [service(), service()];
  const file = (tickets: TicketService, i: number) => tickets.createRepair(resident(2000 + i), report('household', 'inspect'), residentActor(2000 + i, 'r'));
  const created = await Promise.all(Array.from({ length: 30 }, (_, i) => file(i % 2 === 0 ? one : two, i)));
  expect(created.map((t) => t.ref).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `BX-20261125-${String(i + 1).padStart(3, '0')}`));
  // Each goes on from where the other left off.
  expect((await file(two, 30)).ref).toBe('BX-20261125-031');
  expect((await file(one, 31)).ref).toBe('BX-20261125-032');
  clock.set(before);
});

// [kind, category, department, response limit, resolution limit] — SPEC.md's table.
const dueTable: [RepairReport['repairKind'], string, string, number, number][] = [
  ['household', 'unblock', 'engineering', 20 * MIN, 1 * DAY], // paid: a price-and-feasibility answer in 20 min
  ['household', 'inspect', 'engineering', 5 * MIN, 1 * DAY],
  ['household', 'housekeeping', 'cleaning', 20 * MIN, 1 * DAY],
  ['public', 'inspect', 'engineering', 5 * MIN, 2 * DAY],
  ['public', 'unblock', 'engineering', 5 * MIN, 2 * DAY],
  ['public', 'cleaning', 'cleaning', 5 * MIN, 1 * DAY],
  ['public', 'parking', 'security', 5 * MIN, 1 * DAY],
  ['defect', 'waterproof', 'engineering', 5 * MIN, 20 * DAY],
  ['defect', 'civil', 'engineering', 5 * MIN, 10 * DAY],
  ['defect', 'door', 'engineering', 5 * MIN, 7 * DAY],
  ['equipment', 'lift', 'engineering', 5 * MIN, 3 * DAY],
  ['equipment', 'smart', 'engineering', 5 * MIN, 7 * DAY],
];

test.each(dueTable)('%s/%s goes to %s with the table\'s due times', async (kind, category, department, response, resolution) => {
  const now = clock.now().getTime();
  const t = await service().createRepair(resident(2), report(kind, category), residentActor(2, 'r'));
  expect(t).toMatchObject({ status: 'open', department, seq: 1 });
  expect(new Date(t.responseDueAt).getTime() - now).toBe(response);
  expect(new Date(t.resolutionDueAt).getTime() - now).toBe(resolution);
  // The indexed fields the scheduler will query hold the same times.
  const stored = await database.models.Ticket.findOne({ ref: t.ref }).lean<{ responseDueAt: Date; resolutionDueAt: Date }>();
  expect(stored!.resolutionDueAt.getTime()).toBe(now + resolution);
});

test('due times follow an office that changed its table', async () => {
  const policy = testPolicy();
  policy.response = { ...policy.response, dispatch: 7 * MIN, onSiteAfterClaim: 30 * MIN };
  policy.repairKinds = policy.repairKinds.map((k) => ({ ...k, categories: k.categories.map((c) => (c.id === 'lift' ? { ...c, resolution: 2 * DAY } : c)) }));
  const tickets = service(policy);
  const now = clock.now().getTime();
  const t = await tickets.createRepair(resident(3), report('equipment', 'lift'), residentActor(3, 'r'));
  expect(new Date(t.responseDueAt).getTime() - now).toBe(7 * MIN);
  expect(new Date(t.resolutionDueAt).getTime() - now).toBe(2 * DAY);
  clock.advance(3 * MIN);
  const claimed = await tickets.claim(t.ref, zhang);
  expect(claimed.ok && new Date(claimed.ticket.onSiteDueAt!).getTime()).toBe(now + 33 * MIN);
});

test('on site by: 15 minutes after the claim, or the end of a booked visit', async () => {
  const tickets = service();
  const asap = await tickets.createRepair(resident(4), report('household', 'inspect'), residentActor(4, 'r'));
  const slotEnd = new Date(clock.now().getTime() + 6 * 60 * MIN);
  const booked = await tickets.createRepair(resident(4), report('household', 'inspect', { visit: { asap: false, slotStart: new Date(slotEnd.getTime() - 120 * MIN), slotEnd } }), residentActor(4, 'r'));
  const claimAt = clock.now().getTime();
  const a = await tickets.claim(asap.ref, zhang);
  const b = await tickets.claim(booked.ref, zhang);
  expect(a.ok && new Date(a.ticket.onSiteDueAt!).getTime()).toBe(claimAt + 15 * MIN);
  expect(b.ok && new Date(b.ticket.onSiteDueAt!).getTime()).toBe(slotEnd.getTime());
});

test('a second claim loses with already_claimed and the winner named; at the same moment too', async () => {
  const tickets = service();
  const one = await tickets.createRepair(resident(5), report('household', 'inspect'), residentActor(5, 'r'));
  expect(await tickets.claim(one.ref, zhang)).toMatchObject({ ok: true, ticket: { status: 'claimed', owner: { id: 601, name: '张' } } });
  expect(await tickets.claim(one.ref, li)).toMatchObject({ ok: false, reason: 'already_claimed', owner: { id: 601, name: '张' } });
  expect((await tickets.history(one.ref)).map((e) => e.type)).toEqual(['created', 'claimed']);

  const two = await tickets.createRepair(resident(5), report('household', 'inspect'), residentActor(5, 'r'));
  const results = await Promise.all([tickets.claim(two.ref, zhang), tickets.claim(two.ref, li)]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const lost = results.find((r) => !r.ok)!;
  const winner = results.find((r) => r.ok)!;
  expect(lost).toMatchObject({ reason: 'already_claimed', owner: winner.ok ? winner.ticket.owner : undefined });
  expect((await tickets.history(two.ref)).filter((e) => e.type === 'claimed')).toHaveLength(1);
  expect((await tickets.get(two.ref))!.owner).toEqual(winner.ok && winner.ticket.owner);
});

test('a projection left behind its log is repaired on the next load', async () => {
  const tickets = service();
  const t = await tickets.createRepair(resident(6), report('household', 'inspect'), residentActor(6, 'r'));
  await tickets.claim(t.ref, zhang);
  // A process died between appending the event and updating the ticket document.
  clock.advance(10 * MIN);
  const repo = new TicketRepository(database.models);
  expect(await repo.append({ ref: t.ref, seq: 3, type: 'arrived', at: clock.now(), actor: { id: 601, role: 'staff', name: '张' } })).toBe(true);
  const behind = await database.models.Ticket.findOne({ ref: t.ref }).lean<{ seq: number; status: string }>();
  expect(behind).toMatchObject({ seq: 2, status: 'claimed' });

  const loaded = (await tickets.get(t.ref))!;
  expect(loaded).toMatchObject({ seq: 3, status: 'on_site', arrivedAt: clock.now() });
  const repaired = await database.models.Ticket.findOne({ ref: t.ref }).lean<{ seq: number; status: string; state: { status: string } }>();
  expect(repaired).toMatchObject({ seq: 3, status: 'on_site', state: { status: 'on_site' } });

  // The next action builds on the repaired state: it takes seq 4, and arriving again is refused.
  expect(await tickets.arrive(t.ref, zhang)).toMatchObject({ ok: false, reason: 'wrong_state', status: 'on_site' });
  const resolved = await tickets.resolve(t.ref, zhang, { text: '修好了', media: [] });
  expect(resolved).toMatchObject({ ok: true, event: { seq: 4 }, ticket: { status: 'resolved' } });
});

test('the ticket as of an event: the projection when it has reached it, in one read; caught up from the log when it is behind', async () => {
  const tickets = service();
  const t = await tickets.createRepair(resident(7), report('household', 'inspect'), residentActor(7, 'r'));
  await tickets.claim(t.ref, zhang);
  const reached = await commandsDuring(database.conn, () => tickets.getReaching(t.ref, 2));
  expect(reached.map((c) => c.collection)).toEqual(['tickets']);
  expect((await tickets.getReaching(t.ref, 2))!.status).toBe('claimed');

  // Its writer died after appending seq 3: asked as of seq 3, the log is read and the projection repaired.
  clock.advance(10 * MIN);
  await new TicketRepository(database.models).append({ ref: t.ref, seq: 3, type: 'arrived', at: clock.now(), actor: { id: 601, role: 'staff', name: '张' } });
  expect(await tickets.getReaching(t.ref, 3)).toMatchObject({ seq: 3, status: 'on_site' });
  expect(await database.models.Ticket.findOne({ ref: t.ref }).lean<{ seq: number }>()).toMatchObject({ seq: 3 });
});

test('a lost append is not stored twice: the same sequence number cannot be taken again', async () => {
  const tickets = service();
  const t = await tickets.createRepair(resident(7), report('household', 'inspect'), residentActor(7, 'r'));
  const repo = new TicketRepository(database.models);
  const claimed = { ref: t.ref, seq: 2, type: 'claimed' as const, at: clock.now(), actor: { id: 601, role: 'staff' as const, name: '张' }, data: {} };
  expect(await repo.append(claimed)).toBe(true);
  expect(await repo.append({ ...claimed, actor: { id: 602, role: 'staff', name: '李' } })).toBe(false);
  expect((await tickets.history(t.ref)).map((e) => e.actor.id)).toEqual([7, 601]);
});

test('resolve sets the auto-confirm time; confirm closes; unknown references are refused', async () => {
  const tickets = service();
  const alice = residentActor(8, 'r');
  const t = await tickets.createRepair(resident(8), report('household', 'inspect'), alice);
  await tickets.claim(t.ref, zhang);
  const resolvedAt = clock.now().getTime();
  const resolved = await tickets.resolve(t.ref, zhang, { text: '修好了', media: [] });
  expect(resolved.ok && new Date(resolved.ticket.autoConfirmAt!).getTime()).toBe(resolvedAt + 3 * DAY);
  expect(await tickets.confirm(t.ref, residentActor(9, 'other'))).toMatchObject({ ok: false, reason: 'not_your_ticket' });
  expect(await tickets.confirm(t.ref, alice)).toMatchObject({ ok: true, ticket: { status: 'closed' } });
  expect((await tickets.get(t.ref))!.autoConfirmAt).toBeUndefined();
  expect(await tickets.claim('BX-20991231-001', zhang)).toEqual({ ok: false, reason: 'not_found' });
  expect(await tickets.check('BX-20991231-001', 'resolve', zhang)).toEqual({ ticket: null, refusal: { reason: 'not_found' } });
});
