/**
 * Builds, once, the small collections that the ticks, the lists and a resident's typed
 * messages read, from a database that did not have them yet:
 *   live_tickets      every ticket not closed or cancelled (src/tickets/repository.ts);
 *   resident_tickets  each resident's references (My tickets, repeat reports);
 *   survey_timers     every survey with a step still to come (src/followups/timers.ts);
 *   comment_prompts   the surveys awaiting a comment (src/followups/commentPrompts.ts);
 *   recent_events     the last days of new reports and closures (src/tickets/recentEvents.ts);
 *   staff_user_chats  each user's staff-chat memberships (src/people/staff.ts).
 * It reads the history once, at start; from then on the code keeps them in step. Every write
 * is an upsert or an insert that skips what exists, so a run that stopped is run again whole.
 * Raw collections by name: this step must not depend on the models of the day.
 */
import type { mongo } from 'mongoose';
import type { Database } from './connection';
import { isDuplicateKey } from './models';

export const WORKING_SET_MIGRATION = '2026-12-working-set';

type Collection = mongo.Collection;
type Document = mongo.Document;

const FINISHED = ['closed', 'cancelled'];
const PENDING_SURVEY = ['scheduled', 'sent', 'resent'];
/** The watched types of recent_events, and how far back the first copy reaches (the scans' first-run lookback and more). */
const RECENT_TYPES = ['created', 'confirmed', 'auto_confirmed'];
const RECENT_DAYS = 8;

export async function buildWorkingSet(database: Database, now: Date): Promise<Record<string, number>> {
  const db = database.conn.db!;
  const col = (name: string) => db.collection(name);
  const counts = { live: 0, residents: 0, timers: 0, prompts: 0, recent: 0, members: 0 };

  const byResident = new Map<number, { ref: string; createdAt: Date }[]>();
  for await (const ticket of col('tickets').find({}, { projection: { cards: 0 } })) {
    const entry = { ref: ticket.ref as string, createdAt: new Date(ticket.createdAt as Date) };
    append(byResident, ticket.residentId as number, entry);
    if (FINISHED.includes(ticket.status as string)) continue;
    await col('live_tickets').replaceOne({ _id: ticket._id }, ticket, { upsert: true });
    counts.live++;
  }
  for (const [residentId, refs] of byResident) {
    await col('resident_tickets').updateOne({ _id: residentId as never }, { $addToSet: { refs: { $each: refs } } }, { upsert: true });
    counts.residents++;
  }

  const prompts = new Map<number, { surveyId: string; messageId: number; at: Date }[]>();
  for await (const survey of col('surveys').find({ $or: [{ status: { $in: PENDING_SURVEY } }, { commentPrompt: { $exists: true } }] })) {
    if (PENDING_SURVEY.includes(survey.status as string) && survey.nextAt) {
      await col('survey_timers').updateOne({ _id: survey._id }, { $set: { nextAt: survey.nextAt } }, { upsert: true });
      counts.timers++;
    }
    const prompt = survey.commentPrompt as { messageId: number; at: Date } | undefined;
    if (prompt) append(prompts, survey.residentId as number, { surveyId: survey._id as unknown as string, ...prompt });
  }
  for (const [residentId, list] of prompts) {
    const latest = list.sort((a, b) => +new Date(a.at) - +new Date(b.at)).slice(-5);
    await col('comment_prompts').updateOne({ _id: residentId as never }, { $set: { prompts: latest } }, { upsert: true });
    counts.prompts++;
  }

  const memberships = new Map<number, { chatId: number; member: boolean; checkedAt: Date }[]>();
  for await (const m of col('staff_memberships').find({})) {
    append(memberships, m.userId as number, { chatId: m.chatId as number, member: !!m.member, checkedAt: m.checkedAt as Date });
  }
  for (const [userId, chats] of memberships) {
    await col('staff_user_chats').updateOne({ _id: userId as never }, { $set: { chats } }, { upsert: true });
    counts.members++;
  }

  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 3600_000);
  const recent: Document[] = [];
  for await (const event of col('ticket_events').find({ type: { $in: RECENT_TYPES }, at: { $gte: since } })) recent.push(event);
  await insertIgnoringDuplicates(col('recent_events'), recent);
  counts.recent = recent.length;
  return counts;
}

function append<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** Inserts what is not there yet (a duplicate `_id` was written by an earlier, interrupted run). */
export async function insertIgnoringDuplicates(collection: Collection, docs: Document[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch {
    for (const doc of docs) {
      try {
        await collection.insertOne(doc);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }
}
