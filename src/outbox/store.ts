/**
 * The outbox in the database. An item is written when the event is recorded and claimed
 * by a dispatcher with an insert of `<item>:<attempt>` against the claims' unique _id —
 * the one primitive that picks exactly one winner on MongoDB and FerretDB alike (no increments,
 * no compare-and-swap: ../../../shared/FACTS.md). A claim older than the lease is taken to
 * be a dead instance's, and the next attempt number is claimed, again with a unique insert.
 */
import type { Connection, Model } from 'mongoose';
import { insertRecord, isDuplicateKey } from '../db/models';
import { outboxModels, type ItemDoc, type OutboxModels } from './models';
import type { ItemStatus, NewItem, OutboxItem } from './types';

/** How old the list of marked people may be. */
const MARKS_REFRESH = 30_000;

/** How long a keyed item waits for its key to be recorded (only a crash makes that take long). */
const KEY_HOLD = 60_000;

function toItem(doc: ItemDoc): OutboxItem {
  return {
    id: doc._id,
    chatId: doc.chatId,
    order: doc.order,
    kind: doc.kind,
    ref: doc.ref ?? undefined,
    purpose: doc.purpose,
    payload: doc.payload ? JSON.parse(doc.payload) : undefined,
    status: doc.status,
    dueAt: new Date(doc.dueAt).getTime(),
    attempt: doc.attempt,
    failures: doc.failures,
    progress: doc.progress ? JSON.parse(doc.progress) : {},
    messageIds: doc.messageIds ?? [],
  };
}

export interface Claim {
  attempt: number;
  at: number;
  /** The previous claimant died holding it. */
  tookOver: boolean;
}

export class OutboxStore {
  private readonly models: OutboxModels;
  private ready?: Promise<void>;
  private lastOrder = 0;
  /** The people marked unreachable, as last read (the list is short; most sends need no query). */
  private marked?: { ids: Set<number>; at: number };

  constructor(
    conn: Connection,
    readonly now: () => number = Date.now,
  ) {
    this.models = outboxModels(conn);
  }

  /** Collections and indexes first: the unique claims must exist before the first race. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      for (const model of Object.values(this.models) as Model<unknown>[]) {
        await model.createCollection().catch((e: { code?: number }) => {
          if (e.code !== 48) throw e; // 48: already exists
        });
        await model.createIndexes();
      }
    })();
    return this.ready;
  }

  /** A new item's document; the order keeps enqueue order within a chat (the time across instances, the counter within one millisecond). */
  private pendingDoc(item: NewItem, id: string, now: number, holdMs: number): ItemDoc {
    this.lastOrder = Math.max(this.lastOrder + 1, now * 1024);
    return {
      _id: id,
      chatId: item.chatId,
      order: this.lastOrder,
      kind: item.kind,
      ref: item.ref,
      purpose: item.purpose,
      payload: JSON.stringify(item.payload ?? null),
      status: 'pending',
      dueAt: new Date(now + holdMs),
      attempt: 0,
      failures: 0,
      keyed: !!item.key,
      createdAt: new Date(now),
    };
  }

  /**
   * Records an item; undefined when its key (or id) was used before. A keyed item is held
   * back a moment until its key is recorded for good (a crash in between only delays it).
   */
  async add(item: NewItem): Promise<string | undefined> {
    await this.init();
    const now = this.now();
    const id = item.key ? `k:${item.key}` : item.id ?? `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      await this.models.Item.create(this.pendingDoc(item, id, now, item.key ? KEY_HOLD : 0));
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
    if (item.key) {
      if (!(await this.recordKey(item.key))) {
        // Sent long ago (its item since cleaned up): not again.
        await this.models.Item.deleteOne({ _id: id });
        return undefined;
      }
      await this.models.Item.updateOne({ _id: id }, { $set: { dueAt: new Date(now) } });
    }
    return id;
  }

  /**
   * Records several items with their own ids in one command; an id recorded before is
   * skipped (a reaction derived again after a crash). `holdMs` keeps them from the running
   * loop for that long: the caller sends them itself once its direct answer is out.
   */
  async addMany(items: (NewItem & { id: string })[], holdMs = 0): Promise<void> {
    if (items.length === 0) return;
    await this.init();
    const now = this.now();
    const docs = items.map((item) => this.pendingDoc(item, item.id, now, holdMs));
    try {
      await this.models.Item.insertMany(docs, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
      const all = Array.isArray(writeErrors) ? writeErrors : [error];
      if (!all.every((e) => isDuplicateKey(e) || isDuplicateKey((e as { err?: unknown }).err))) throw error;
    }
  }

  /** Items held back for their writer to send are due now (it could not send them itself). */
  async release(ids: string[]): Promise<void> {
    await this.models.Item.updateMany({ _id: { $in: ids }, status: 'pending', attempt: 0, dueAt: { $gt: new Date(this.now()) } }, { $set: { dueAt: new Date(this.now()) } });
  }

  private async recordKey(key: string): Promise<boolean> {
    try {
      await insertRecord(this.models.Key, { _id: key, at: new Date(this.now()) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<OutboxItem | null> {
    const doc = await this.models.Item.findById(id).lean<ItemDoc>();
    return doc ? toItem(doc) : null;
  }

  /** The chat's oldest unfinished item: only it may go (the order within a chat). */
  async head(chatId: number): Promise<OutboxItem | null> {
    const doc = await this.models.Item.findOne({ chatId, status: 'pending' }).sort({ order: 1 }).lean<ItemDoc>();
    return doc ? toItem(doc) : null;
  }

  /** Chats with an item due now, the longest-waiting first. */
  async dueChats(limit: number): Promise<number[]> {
    const docs = await this.models.Item.find({ status: 'pending', dueAt: { $lte: new Date(this.now()) } }, { chatId: 1 })
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean<{ chatId: number }[]>();
    return [...new Set(docs.map((d) => d.chatId))];
  }

  /** When the next pending item falls due (undefined: nothing pending). */
  async nextDueAt(): Promise<number | undefined> {
    const doc = await this.models.Item.findOne({ status: 'pending' }, { dueAt: 1 }).sort({ dueAt: 1 }).lean<{ dueAt: Date }>();
    return doc ? new Date(doc.dueAt).getTime() : undefined;
  }

  /** Is a later item of the same kind for the same ticket waiting in this chat? (it will do the same, later) */
  async supersededBy(item: OutboxItem): Promise<boolean> {
    const later = await this.models.Item.exists({ chatId: item.chatId, status: 'pending', kind: item.kind, ref: item.ref, order: { $gt: item.order } });
    return !!later;
  }

  /** Card edits recorded before `before` are void once a post rendered the ticket after them. */
  async dropEditsBefore(ref: string, before: number): Promise<void> {
    await this.models.Item.updateMany(
      { ref, kind: { $in: ['card.refresh', 'notice:card_refresh'] }, status: 'pending', createdAt: { $lte: new Date(before) } },
      { $set: { status: 'dropped', finishedAt: new Date(this.now()), error: 'the card was posted with this state' } },
    );
  }

  /**
   * Claims the item for one attempt; undefined when another instance holds it. A claim
   * older than the lease belongs to a dead instance: the next attempt number is claimed.
   */
  async claim(item: OutboxItem, lease: number, by: string): Promise<Claim | undefined> {
    let tookOver = false;
    for (let attempt = item.attempt; attempt < item.attempt + 20; attempt++) {
      const now = this.now();
      try {
        await insertRecord(this.models.Claim, { _id: `${item.id}:${attempt}`, at: new Date(now), by });
        // Pollers skip the item until the lease ends (the claim itself is what decides).
        // A takeover is written down (and counts as a failure: an item that kills its sender
        // must not do so forever). A first claim is not: the claim alone decides, and the
        // item stays findable for a takeover should this process die.
        if (tookOver) await this.models.Item.updateOne({ _id: item.id }, { $set: { attempt, dueAt: new Date(now + lease), failures: item.failures + 1 } });
        return { attempt, at: now, tookOver };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const held = await this.models.Claim.findById(`${item.id}:${attempt}`).lean<{ at: Date }>();
      if (!held || new Date(held.at).getTime() + lease > now) return undefined;
      tookOver = true;
    }
    return undefined;
  }

  async saveProgress(id: string, progress: Record<string, unknown>): Promise<void> {
    await this.models.Item.updateOne({ _id: id }, { $set: { progress: JSON.stringify(progress) } });
  }

  async finish(id: string, status: Exclude<ItemStatus, 'pending'>, details: { messageIds?: number[]; error?: string } = {}): Promise<void> {
    const set: Record<string, unknown> = { status, finishedAt: new Date(this.now()) };
    if (details.messageIds) set.messageIds = details.messageIds;
    if (details.error) set.error = details.error.slice(0, 500);
    await this.models.Item.updateOne({ _id: id }, { $set: set });
  }

  /** Back to the queue: the next try takes the next attempt number; the chat's later items wait with it. */
  async retry(item: OutboxItem, next: { attempt: number; dueAt: number; failures: number; error: string }): Promise<void> {
    await this.models.Item.updateOne(
      { _id: item.id },
      { $set: { attempt: next.attempt, dueAt: new Date(next.dueAt), failures: next.failures, error: next.error.slice(0, 500) } },
    );
    await this.postpone(item.chatId, next.dueAt);
  }

  /** Nothing of this chat is due before `dueAt` (its head waits; the poll need not see the rest). */
  async postpone(chatId: number, dueAt: number): Promise<void> {
    await this.models.Item.updateMany({ chatId, status: 'pending', dueAt: { $lt: new Date(dueAt) } }, { $set: { dueAt: new Date(dueAt) } });
  }

  /** True when the person was not marked before. */
  async markUnreachable(chatId: number, error: string): Promise<boolean> {
    this.marked?.ids.add(chatId);
    try {
      await this.models.Unreachable.create({ _id: chatId, at: new Date(this.now()), error: error.slice(0, 200) });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  /**
   * True when the person was marked (and now is not). Called after every message that got
   * through, so it asks the database only about people on the list of the marked.
   */
  async clearUnreachable(chatId: number): Promise<boolean> {
    if (!(await this.isUnreachable(chatId))) return false;
    this.marked!.ids.delete(chatId);
    const result = await this.models.Unreachable.deleteOne({ _id: chatId });
    return result.deletedCount > 0;
  }

  /** From a list of the marked read at most MARKS_REFRESH ago (marks by another instance show within it). */
  async isUnreachable(chatId: number): Promise<boolean> {
    await this.init();
    const now = this.now();
    if (!this.marked || now - this.marked.at > MARKS_REFRESH) {
      const docs = await this.models.Unreachable.find({}, { _id: 1 }).lean<{ _id: number }[]>();
      this.marked = { ids: new Set(docs.map((d) => d._id)), at: now };
    }
    return this.marked.ids.has(chatId);
  }

  async countByStatus(status: ItemStatus): Promise<number> {
    return this.models.Item.countDocuments({ status });
  }

  /**
   * Deletes finished items and claims older than `before` (no TTL indexes on FerretDB, and
   * FerretDB scans: a small outbox keeps every poll cheap). Keys stay in outbox_keys.
   */
  async cleanup(before: Date): Promise<{ deleted: number }> {
    const finished = { status: { $in: ['sent', 'failed', 'dropped'] as ItemStatus[] }, finishedAt: { $lt: before } };
    // A key whose recording was cut short by a crash is recorded now, before its item goes.
    const keyed = await this.models.Item.find({ ...finished, keyed: true }, { _id: 1 }).lean<{ _id: string }[]>();
    for (const { _id } of keyed) await this.recordKey(_id.slice(2));
    const deleted = await this.models.Item.deleteMany(finished);
    await this.models.Claim.deleteMany({ at: { $lt: before } });
    return { deleted: deleted.deletedCount };
  }
}
