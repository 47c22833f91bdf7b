/**
 * The embedded database answers a lookup by `_id` from the `_id` index (testdb/patches: as
 * FerretDB v1.24.2 is released, SQLite scanned the table for it and PostgreSQL could not use
 * the index). Checked through the database's own query plan, on whichever backend the tests
 * run, with a filter on another field as the control that must scan; and the whole filter is
 * still applied to what the index finds.
 */
import type { Connection } from 'mongoose';
import { createTestDatabase, type TestDatabase } from '../support/db';

let db: TestDatabase;
let conn: Connection;

beforeAll(async () => {
  db = createTestDatabase();
  conn = await db.connect();
  await conn.db!.collection('by_text').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `BX-${i}`, status: 'open' })) as never[]);
  await conn.db!.collection('by_number').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: 5_000_000_000 + i, status: 'open' })) as never[]);
});
afterAll(() => db.drop());

/** True when the plan the database reports for `find(filter)` reads the collection's `_id` index. */
async function usesIdIndex(collection: string, filter: object): Promise<boolean> {
  const explained = await conn.db!.command({ explain: { find: collection, filter } });
  const plan = JSON.stringify(explained.queryPlanner);
  // SQLite: "SEARCH <table> USING INDEX <table>__id_"; PostgreSQL: an "Index Scan" on "<table>__id__…_idx"; MongoDB: an _id stage.
  return /USING INDEX \w+__id_/.test(plan) || (plan.includes('"Index Scan"') && /"Index Name":"\w+__id__/.test(plan)) || /"stage":"(IDHACK|EXPRESS_IXSCAN|IXSCAN)"/.test(plan);
}

test.each([
  ['a text _id', 'by_text', { _id: 'BX-7' }],
  ['a Telegram id (a number beyond 32 bits)', 'by_number', { _id: 5_000_000_007 }],
  ['an _id with a further condition (a guarded update)', 'by_text', { _id: 'BX-7', status: 'open' }],
])('%s is looked up through the _id index', async (_name, collection, filter) => {
  expect(await usesIdIndex(collection, filter)).toBe(true);
});

test('a filter without _id reads the table (the control: the check above can fail)', async () => {
  expect(await usesIdIndex('by_text', { status: 'open' })).toBe(false);
});

test('what the index finds is still held to the whole filter', async () => {
  const numbers = conn.db!.collection('by_number');
  expect(await numbers.findOne({ _id: 5_000_000_007 as never })).toEqual({ _id: 5_000_000_007, status: 'open' });
  expect(await numbers.findOne({ _id: 5_000_000_007 as never, status: 'closed' })).toBeNull();
  expect(await numbers.findOne({ _id: 5_000_000_099 as never })).toBeNull();
  const updated = await conn.db!.collection('by_text').updateOne({ _id: 'BX-8' as never, status: 'closed' }, { $set: { status: 'gone' } });
  expect(updated.matchedCount).toBe(0);
  expect((await conn.db!.collection('by_text').deleteOne({ _id: 'BX-9' as never })).deletedCount).toBe(1);
  expect(await conn.db!.collection('by_text').countDocuments()).toBe(49);
});

test('one update command of many updates that each find their document completes (each read is closed when its update is done)', async () => {
  // Released FerretDB v1.24.2 held every update's read open until the command ended: the 101st stalled for ever.
  const many = Array.from({ length: 150 }, (_, i) => ({ _id: `many-${i}`, n: 0 }));
  const collection = conn.db!.collection('many');
  await collection.insertMany(many as never[]);
  const result = await collection.bulkWrite(
    many.map((doc) => ({ updateOne: { filter: { _id: doc._id as never }, update: { $set: { n: 1 } } } })),
    { ordered: false },
  );
  expect(result.modifiedCount).toBe(150);
  expect(await collection.countDocuments({ n: 1 })).toBe(150);
});
