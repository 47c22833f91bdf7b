/**
 * Hot lookups by `_id`: the embedded database (FerretDB v1) uses no index but `_id`'s, and
 * only for a filter with an `_id` equality (test/db/idIndex.test.ts). A ticket is stored under its reference, an event under
 * `ref:seq`, a resident under the Telegram id, and reading a ticket never scans a collection.
 */
import { residentActor } from '../../src/people/actors';
import { createHarness, people, type Harness } from '../support/harness';
import { commandsDuring as sentDuring } from '../support/commands';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const alice = { telegramId: people.alice.id, name: '王丽', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
const zhang = { id: people.zhang.id, name: '张', role: 'staff' as const, chats: [-1001000000001], headOf: [] };

/** Every database command the connection sends while `fn` runs: collection, method and filter. */
const commandsDuring = (fn: () => Promise<unknown>) => sentDuring(h.database.conn, fn);

test('tickets, events and residents are stored under their natural keys', async () => {
  await h.services.residents.saveProfile(alice.telegramId, 'Alice', { name: alice.name, phone: alice.phone, building: '3', unit: '2', room: '1201' });
  const ticket = await h.services.tickets.createRepair(
    alice,
    { repairKind: 'household', category: 'inspect', location: '', atHome: true, description: '漏水', media: [], visit: { asap: true } },
    residentActor(alice.telegramId, alice.name),
  );
  expect((await h.services.tickets.claim(ticket.ref, zhang)).ok).toBe(true);
  await h.settle();

  const { models } = h.database;
  expect(await models.Ticket.collection.findOne({ _id: ticket.ref as never })).toMatchObject({ ref: ticket.ref, seq: 2, status: 'claimed' });
  const events = await models.TicketEvent.collection.find({ ref: ticket.ref }).sort({ seq: 1 }).toArray();
  expect(events.map((e) => e._id)).toEqual([`${ticket.ref}:1`, `${ticket.ref}:2`]);
  expect(await models.Resident.collection.findOne({ _id: alice.telegramId as never })).toMatchObject({ telegramId: alice.telegramId, name: '王丽' });
  expect((await h.services.residents.get(alice.telegramId))?.registered).toBe(true);

  // A second event with a position already taken is the lost race (the `_id` is taken too).
  expect((await h.services.tickets.claim(ticket.ref, { ...zhang, id: people.li.id, name: '李' })).ok).toBe(false);
  await h.settle();
  expect(await models.TicketEvent.countDocuments({ ref: ticket.ref })).toBe(2);
});

test('loading a ticket reads the projection and the next position by _id, nothing else', async () => {
  const [ticket] = await h.services.tickets.listForResident(alice.telegramId, 1);
  const commands = await commandsDuring(() => h.services.tickets.get(ticket.ref));
  expect(commands).toEqual([
    { collection: 'tickets', method: 'findOne', filter: { _id: ticket.ref } },
    { collection: 'ticket_events', method: 'findOne', filter: { _id: `${ticket.ref}:3` } },
  ]);

  // A projection one event behind its log: caught up from the log by _id, and saved.
  const behindByOne = { $set: { seq: 1, status: 'open', 'state.seq': 1, 'state.status': 'open', 'state.owner': null } };
  await h.database.models.Ticket.updateOne({ _id: ticket.ref }, behindByOne);
  await h.database.models.LiveTicket.updateOne({ _id: ticket.ref }, behindByOne);
  const behind = await commandsDuring(() => h.services.tickets.get(ticket.ref));
  expect(behind.map((c) => [c.collection, c.method, c.filter])).toEqual([
    ['tickets', 'findOne', { _id: ticket.ref }],
    ['ticket_events', 'findOne', { _id: `${ticket.ref}:2` }],
    ['ticket_events', 'findOne', { _id: `${ticket.ref}:3` }],
    // Saved by `_id` with a condition on its position (the _id index finds it), then its working-set copy.
    ['tickets', 'updateOne', { _id: ticket.ref, seq: { $lt: 2 } }],
    ['live_tickets', 'updateOne', { _id: ticket.ref, seq: { $lt: 2 } }],
  ]);
  expect((await h.services.tickets.get(ticket.ref))?.status).toBe('claimed');
  expect(await h.database.models.Ticket.findById(ticket.ref).lean<{ seq: number; status: string }>()).toMatchObject({ seq: 2, status: 'claimed' });
});

test("a ticket's history is read by _id", async () => {
  const [ticket] = await h.services.tickets.listForResident(alice.telegramId, 1);
  const commands = await commandsDuring(async () => {
    expect((await h.services.tickets.history(ticket.ref)).map((e) => e.type)).toEqual(['created', 'claimed']);
  });
  expect(commands.every((c) => JSON.stringify(Object.keys(c.filter as object)) === '["_id"]')).toBe(true);
});

test("a resident's list and the working set are kept under the resident's id and the reference", async () => {
  const [ticket] = await h.services.tickets.listForResident(alice.telegramId, 1);
  const { models } = h.database;
  expect(await models.ResidentTickets.collection.findOne({ _id: alice.telegramId as never })).toMatchObject({ refs: [{ ref: ticket.ref }] });
  expect(await models.LiveTicket.collection.findOne({ _id: ticket.ref as never })).toMatchObject({ status: 'claimed', residentId: alice.telegramId });
  const commands = await commandsDuring(() => h.services.tickets.listForResident(alice.telegramId, 10));
  expect(commands.every((c) => JSON.stringify(Object.keys(c.filter as object)) === '["_id"]')).toBe(true);
  expect(commands[0]).toEqual({ collection: 'resident_tickets', method: 'findOne', filter: { _id: alice.telegramId } });

  // Cancelled: out of the working set, still in the resident's list.
  expect((await h.services.tickets.cancel(ticket.ref, residentActor(alice.telegramId, alice.name), 'no longer needed')).ok).toBe(true);
  await h.settle();
  expect(await models.LiveTicket.collection.findOne({ _id: ticket.ref as never })).toBeNull();
  expect((await h.services.tickets.listForResident(alice.telegramId, 10)).map((t) => [t.ref, t.status])).toEqual([[ticket.ref, 'cancelled']]);
});
