/**
 * A database of the earlier layout (tickets, events and residents under ObjectIds, unique
 * indexes on ref, (ref, seq) and telegramId) is moved to lookups by `_id` at start, once,
 * and everything in it is read through the services as before.
 */
import { ObjectId, type Document } from 'mongodb';
import { attachDatabase } from '../../src/db/connection';
import { ID_LAYOUT_MIGRATION, migrateDatabase } from '../../src/db/migrations';
import { WORKING_SET_MIGRATION } from '../../src/db/workingSetMigration';
import { residentActor } from '../../src/people/actors';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const alice = { telegramId: people.alice.id, name: '王丽', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
const zhang = { id: people.zhang.id, name: '张', role: 'staff' as const, chats: [STAFF_CHAT], headOf: [] };
const repair = (description: string) => ({ repairKind: 'household' as const, category: 'inspect', location: '', atHome: true, description, media: [], visit: { asap: true as const } });

/** Rewrites the database as the earlier version left it: the same documents, under ObjectIds. */
async function toOldLayout(): Promise<void> {
  const db = h.database.conn.db!;
  for (const name of ['tickets', 'ticket_events', 'residents']) {
    const collection = db.collection<Document>(name);
    const docs = await collection.find({}).toArray();
    await collection.deleteMany({});
    for (const doc of docs) await collection.insertOne({ ...doc, _id: new ObjectId() });
  }
  await db.collection('tickets').createIndex({ ref: 1 }, { unique: true });
  await db.collection('residents').createIndex({ telegramId: 1 }, { unique: true });
  await db.collection('migrations').deleteMany({});
}

test('tickets, their logs and residents of the earlier layout are moved once and read through the services', async () => {
  await h.services.residents.saveProfile(alice.telegramId, 'Alice', { name: alice.name, phone: alice.phone, building: '3', unit: '2', room: '1201' });
  const first = await h.services.tickets.createRepair(alice, repair('厨房漏水'), residentActor(alice.telegramId, alice.name));
  const second = await h.services.tickets.createRepair(alice, repair('门锁坏了'), residentActor(alice.telegramId, alice.name));
  expect((await h.services.tickets.claim(first.ref, zhang)).ok).toBe(true);
  expect((await h.services.tickets.arrive(first.ref, zhang)).ok).toBe(true);
  await h.settle();
  await toOldLayout();
  const old = h.database.conn.db!;
  expect(await old.collection('ticket_events').countDocuments({ _id: { $type: 'objectId' } })).toBe(4);
  // Lookups by _id do not see the old documents: this is what the migration is for.
  expect(await h.services.tickets.get(first.ref)).toBeNull();

  // Two instances starting at once: one migrates, the other waits for it.
  const other = await attachDatabase(await h.db.connect());
  await Promise.all([migrateDatabase(other, { pollMs: 20 }), h.restart()]);
  const db = h.database.conn.db!;

  for (const name of ['tickets', 'ticket_events', 'residents']) {
    expect(await db.collection(name).countDocuments({ _id: { $type: 'objectId' } })).toBe(0);
  }
  expect(await db.collection('tickets').countDocuments({})).toBe(2);
  expect(await db.collection('ticket_events').countDocuments({})).toBe(4);
  expect(await db.collection('migrations').findOne({ _id: ID_LAYOUT_MIGRATION as never })).toMatchObject({ doneAt: expect.any(Date) });

  // Read through the services, as the office does.
  expect(await h.services.tickets.get(first.ref)).toMatchObject({ ref: first.ref, status: 'on_site', seq: 3, owner: { id: zhang.id } });
  expect((await h.services.tickets.history(first.ref)).map((e) => e.type)).toEqual(['created', 'claimed', 'arrived']);
  expect((await h.services.tickets.listForResident(alice.telegramId, 10)).map((t) => t.ref).sort()).toEqual([first.ref, second.ref].sort());
  expect(await h.services.residents.get(alice.telegramId)).toMatchObject({ name: '王丽', registered: true });

  // The log carries on at the next position, and (ref, seq) still decides races.
  expect((await h.services.tickets.claim(second.ref, zhang)).ok).toBe(true);
  expect(await db.collection('ticket_events').findOne({ _id: `${second.ref}:2` as never })).toMatchObject({ type: 'claimed' });
  const indexes = (await db.collection('ticket_events').indexes()).map((i) => ({ key: i.key, unique: !!i.unique }));
  expect(indexes).toContainEqual({ key: { ref: 1, seq: 1 }, unique: true });
  await expect(db.collection('ticket_events').insertOne({ ref: second.ref, seq: 2, type: 'claimed' })).rejects.toMatchObject({ code: 11000 });

  // The resident's own view through the bot.
  await h.send(h.u.text(people.alice, '/my'));
  expect(h.fake.messagesIn(people.alice.id).at(-1)?.text).toContain(first.ref);
  await h.settle();
  await other.close();
});

test('once done, a start reads the marker and moves nothing', async () => {
  const db = h.database.conn.db!;
  await db.collection('tickets').insertOne({ _id: new ObjectId(), ref: 'BX-20260101-001' });
  await migrateDatabase(h.database);
  expect(await db.collection('tickets').countDocuments({ _id: { $type: 'objectId' } })).toBe(1);
});

test('a run that stopped half-way is run again after its marker goes stale, and what it had set aside is written back', async () => {
  const db = h.database.conn.db!;
  const ref = 'BX-20260102-001';
  await db.collection('migrations').updateOne({ _id: ID_LAYOUT_MIGRATION as never }, { $set: { startedAt: new Date(Date.now() - 60_000) }, $unset: { doneAt: 1 } });
  // Set aside and removed from ticket_events, not yet written back under its new _id.
  const event = { _id: `${ref}:1`, ref, seq: 1, type: 'created', at: new Date(), actor: { id: 1, role: 'resident', name: '' } };
  await db.collection('migration_hold').insertOne({ _id: `ticket_events:${ref}:1` as never, collection: 'ticket_events', doc: event });
  await migrateDatabase(h.database, { staleMs: 1000 });
  expect(await db.collection('ticket_events').findOne({ _id: `${ref}:1` as never })).toMatchObject({ ref, seq: 1, type: 'created' });
  expect(await db.collection('migration_hold').countDocuments({})).toBe(0);
  expect(await db.collection('tickets').countDocuments({ _id: { $type: 'objectId' } })).toBe(0);
});

test('a database without the working set gets it built once: lists, My tickets, recent reports and pending surveys read as before', async () => {
  const db = h.database.conn.db!;
  const open = await h.services.tickets.createRepair(alice, repair('水管爆了'), residentActor(alice.telegramId, alice.name));
  await h.settle();
  const survey = { _id: 'BX-20260101-009.5', ref: 'BX-20260101-009', residentId: alice.telegramId, status: 'scheduled', nextAt: new Date(Date.now() + 3600_000), commentPrompt: { messageId: 77, at: new Date() } };
  await db.collection('surveys').insertOne(survey as never);
  await h.services.staff.recordMembership(STAFF_CHAT, people.zhang.id, true);
  // As an earlier version left it: none of the small collections.
  for (const name of ['live_tickets', 'resident_tickets', 'survey_timers', 'comment_prompts', 'recent_events', 'staff_user_chats']) await db.collection(name).deleteMany({});
  await db.collection('migrations').deleteOne({ _id: WORKING_SET_MIGRATION as never });
  expect(await h.services.tickets.listForResident(alice.telegramId, 10)).toEqual([]);

  await migrateDatabase(h.database, { now: () => h.clock.now() });
  expect(await db.collection('migrations').findOne({ _id: WORKING_SET_MIGRATION as never })).toMatchObject({ doneAt: expect.any(Date) });
  const live = (await h.services.tickets.listLive({})).map((t) => t.ref);
  expect(live).toContain(open.ref);
  const everyTicket = await db.collection('tickets').find({}, { projection: { _id: 1, status: 1 } }).toArray();
  const openTickets = everyTicket.filter((t) => !['closed', 'cancelled'].includes(t.status as string));
  expect(await db.collection('live_tickets').countDocuments({})).toBe(openTickets.length);
  expect((await h.services.tickets.listForResident(alice.telegramId, 10)).map((t) => t.ref)).toContain(open.ref);
  expect(await h.services.tickets.countForResident(alice.telegramId)).toBe(await db.collection('tickets').countDocuments({ residentId: alice.telegramId }));
  expect(await db.collection('recent_events').findOne({ _id: `${open.ref}:1` as never })).toMatchObject({ type: 'created' });
  expect(await db.collection('survey_timers').findOne({ _id: survey._id as never })).toMatchObject({ nextAt: survey.nextAt });
  expect(await db.collection('comment_prompts').findOne({ _id: alice.telegramId as never })).toMatchObject({ prompts: [{ surveyId: survey._id, messageId: 77 }] });
  expect(await db.collection('staff_user_chats').findOne({ _id: people.zhang.id as never })).toMatchObject({ chats: [{ chatId: STAFF_CHAT, member: true }] });
  expect((await h.services.staff.actorFor({ id: people.zhang.id, firstName: '张' })).chats).toContain(STAFF_CHAT);
});
