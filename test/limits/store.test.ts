/**
 * The jobs' reads: indexed on status and one due field, so the closed archive and tickets
 * far from their limits are never read; a major complaint's first answer is found in its log.
 */
import { LimitStore } from '../../src/limits/store';
import { residentActor } from '../../src/people/actors';
import { createHarness, people, type Harness } from '../support/harness';
import { ALICE_CONTACT, eventsOf, limitJobs, newRepair, SEC, secondsPolicy, sentTo } from './support';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: secondsPolicy(), start: new Date('2026-11-23T10:00:00+08:00') });
});
afterAll(async () => {
  await h.close();
});

test('the due-time indexes exist on the working set', async () => {
  await new LimitStore(h.database.models).init();
  const indexes = (await h.database.models.LiveTicket.collection.indexes()).map((i) => JSON.stringify(i.key));
  for (const key of [
    { status: 1, responseDueAt: 1 },
    { status: 1, onSiteDueAt: 1 },
    { status: 1, resolutionDueAt: 1 },
    { status: 1, createdAt: 1 },
    { status: 1, 'state.complaint.firstAnswerDueAt': 1 },
  ]) {
    expect(indexes).toContain(JSON.stringify(key));
  }
});

test('closed tickets and tickets far from their limits are not candidates', async () => {
  const store = new LimitStore(h.database.models);
  const now = h.clock.now();
  const live = await newRepair(h, '还在处理的');
  // The archive: long closed, every due time long past.
  const archive = Array.from({ length: 300 }, (_, i) => ({
    ref: `BX-20250101-${String(i + 1).padStart(3, '0')}`,
    seq: 5,
    kind: 'repair',
    status: 'closed',
    department: 'engineering',
    residentId: 1,
    day: '2025-01-01',
    month: '2025-01',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    responseDueAt: new Date('2025-01-01T00:05:00Z'),
    resolutionDueAt: new Date('2025-01-02T00:00:00Z'),
    state: { ref: `BX-20250101-${String(i + 1).padStart(3, '0')}`, status: 'closed' },
  }));
  await h.database.models.Ticket.insertMany(archive);
  expect((await store.resolutionDueBy(new Date(now.getTime() + 200 * SEC))).map((t) => t.ref)).toEqual([live.ref]);
  expect(await store.resolutionDueBy(new Date(now.getTime() + 50 * SEC))).toEqual([]);
  expect((await store.responseDueBy(new Date(now.getTime() + 10 * SEC))).map((t) => t.ref)).toEqual([live.ref]);
  expect(await store.unclaimedSince(new Date(now.getTime() - 1))).toEqual([]);
});

test("a major complaint's first answer: reminded and escalated until a note reaches the resident", async () => {
  h.clock.set(new Date('2026-11-24T10:00:00+08:00'));
  const complaint = await h.services.tickets.createComplaint(
    ALICE_CONTACT,
    { subject: 'fees', when: '本月', where: '物业费', what: '物业费多收了三个月', wants: '退还', media: [], anonymous: false, showUnit: true },
    residentActor(ALICE_CONTACT.telegramId, ALICE_CONTACT.name),
  );
  await h.settle();
  const manager = await h.services.staff.actorFor({ id: people.manager.id, firstName: '陈主任' });
  expect((await h.services.tickets.classify(complaint.ref, manager, 'major', { manager: { id: manager.id, name: manager.name } })).ok).toBe(true);
  // The manager has a private chat with the bot: the owner's reminder goes there.
  await h.services.staff.rememberProfile({ id: manager.id, firstName: manager.name }, true);
  const run = limitJobs(h);
  const created = new Date(complaint.createdAt).getTime();

  // The first answer is due in 50 s: the owner (the manager) is reminded at 40 s.
  h.clock.set(new Date(created + 40 * SEC));
  await run('alerts');
  expect(sentTo(h, people.manager.id, '首次答复时限')).toHaveLength(1);
  h.clock.set(new Date(created + 50 * SEC));
  await run('alerts');
  expect((await eventsOf(h, complaint.ref, 'escalated')).map((e) => (e.data as Record<string, unknown> | undefined)?.limit)).toEqual(['firstAnswer']);

  // A note to the resident is the first answer: the manager's level never comes.
  await h.services.tickets.note(complaint.ref, manager, { text: '已核实，正在办理退费', media: [], toResident: true });
  h.clock.set(new Date(created + 100 * SEC));
  await run('alerts');
  expect((await eventsOf(h, complaint.ref, 'escalated')).map((e) => `${(e.data as Record<string, unknown> | undefined)?.limit}:${(e.data as Record<string, unknown> | undefined)?.level}`)).toEqual(['firstAnswer:head']);
});
