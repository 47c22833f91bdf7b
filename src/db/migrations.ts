/**
 * Moves a database of an earlier layout up to date, at start, before the bot takes updates:
 * first tickets, events and residents from ObjectIds to lookups by `_id` (a ticket under its
 * reference, an event under `ref:seq`, a resident under the Telegram id); then the small
 * collections the ticks and lists read (src/db/workingSetMigration.ts). Nothing in it depends on
 * indexes being dropped, so an instance opening the database meanwhile is not disturbed.
 *
 * Each step once: a marker in `migrations` is inserted with a unique `_id`, so of several instances
 * starting together one migrates and the others wait for it. Every step is a copy to the new
 * `_id` followed by the removal of the old document, so a run that stopped half-way (its
 * marker never marked done) is simply run again by the next start once the marker is stale.
 */
import type { mongo } from 'mongoose';
import type { Database } from './connection';
import { eventId, isDuplicateKey } from './models';
import { buildWorkingSet, insertIgnoringDuplicates, WORKING_SET_MIGRATION } from './workingSetMigration';

export const ID_LAYOUT_MIGRATION = '2026-12-ids';

export interface MigrationLog {
  info(obj: object, msg?: string): void;
}

export interface MigrationOptions {
  log?: MigrationLog;
  /** A marker not done after this long belongs to a run that stopped: run it again. */
  staleMs?: number;
  pollMs?: number;
  /** The office's clock: how far back the recent events are copied from. */
  now?: () => Date;
}

interface Marker {
  _id: string;
  startedAt: Date;
  doneAt?: Date;
}

type Collection = mongo.Collection;
type Document = mongo.Document;

const BATCH = 500;

/** Brings an earlier layout up to date; a no-op (one `_id` read per step) once done. */
export async function migrateDatabase(database: Database, options: MigrationOptions = {}): Promise<void> {
  await runOnce(database, ID_LAYOUT_MIGRATION, () => idLayout(database), options);
  await runOnce(database, WORKING_SET_MIGRATION, () => buildWorkingSet(database, options.now?.() ?? new Date()), options);
}

/** Runs one step once across instances: the first to insert its marker runs it, the others wait. */
async function runOnce(database: Database, id: string, run: () => Promise<object>, options: MigrationOptions): Promise<void> {
  const markers = database.conn.db!.collection<Marker>('migrations');
  const staleMs = options.staleMs ?? 10 * 60_000;
  for (;;) {
    const marker = await markers.findOne({ _id: id });
    if (marker?.doneAt) return;
    if (!marker) {
      try {
        await markers.insertOne({ _id: id, startedAt: new Date() });
        break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue; // another instance is migrating
      }
    }
    if (marker && Date.now() - new Date(marker.startedAt).getTime() > staleMs) {
      options.log?.info({ migration: id }, 'migration: an earlier run stopped half-way; running it again');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
  const counts = await run();
  await markers.updateOne({ _id: id }, { $set: { doneAt: new Date() } });
  options.log?.info({ migration: id, ...counts }, 'migration done');
}

async function idLayout(database: Database): Promise<{ tickets: number; events: number; residents: number }> {
  const { models } = database;
  const db = database.conn.db!;
  const collection = (name: string) => db.collection(name);
  const hold = collection('migration_hold');
  // Documents an interrupted run had set aside but not yet written back.
  const held = await hold.find({}).toArray();
  for (const { _id, collection: name, doc } of held as unknown as { _id: string; collection: string; doc: Document }[]) {
    await insertIgnoringDuplicates(collection(name), [doc]);
    await hold.deleteOne({ _id: _id as never });
  }
  const counts = {
    tickets: await moveAll(collection(models.Ticket.collection.collectionName), hold, (doc) => doc.ref as string),
    events: await moveAll(collection(models.TicketEvent.collection.collectionName), hold, (doc) => eventId(doc.ref as string, doc.seq as number)),
    residents: await moveAll(collection(models.Resident.collection.collectionName), hold, (doc) => doc.telegramId as number),
  };
  // The old layout's unique indexes on what is now the `_id` only cost writes. The (ref, seq)
  // index of the event log stays: it decides races, as the `_id` ref:seq now does too.
  await dropIndexIfPresent(collection(models.Ticket.collection.collectionName), 'ref_1');
  await dropIndexIfPresent(collection(models.Resident.collection.collectionName), 'telegramId_1');
  return counts;
}

/**
 * Moves every document under an ObjectId to its new `_id`. The unique indexes of the old
 * layout ((ref, seq) above all, which must never be missing) refuse the copy while the
 * original exists, so each batch is first set aside in `migration_hold`, the originals
 * removed, the copies written, and the held ones removed: a stop at any point loses nothing.
 */
async function moveAll(target: Collection, hold: Collection, newId: (doc: Document) => unknown): Promise<number> {
  let moved = 0;
  for (;;) {
    const batch = await target.find({ _id: { $type: 'objectId' } }).limit(BATCH).toArray();
    if (batch.length === 0) return moved;
    const copies = batch.map((doc) => ({ ...doc, _id: newId(doc) as never }));
    const holdIds = copies.map((doc) => `${target.collectionName}:${String(doc._id)}`);
    await insertIgnoringDuplicates(hold, copies.map((doc, i) => ({ _id: holdIds[i] as never, collection: target.collectionName, doc })));
    await target.deleteMany({ _id: { $in: batch.map((d) => d._id) } });
    await insertIgnoringDuplicates(target, copies);
    await hold.deleteMany({ _id: { $in: holdIds as never[] } });
    moved += batch.length;
  }
}

async function dropIndexIfPresent(collection: Collection, name: string): Promise<void> {
  const indexes = await collection.indexes().catch(() => [] as { name?: string }[]);
  if (!indexes.some((i) => i.name === name)) return;
  await collection.dropIndex(name).catch(() => undefined); // another instance dropped it first
}
