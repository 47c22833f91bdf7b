/**
 * Two small lookups kept beside the event log, so that neither intake nor My tickets scans
 * the ticket history (FerretDB v1 uses an index only for an exact `{_id}` filter):
 * - `open_places`: one document per live public-area or equipment repair, with its place key
 *   (`equipment/lift@3`) and its estate key (`equipment/lift`); a ticket leaves it when it is
 *   resolved, closed or cancelled, so the collection holds only what is open today and
 *   "Already reported" scans a few dozen documents at most;
 * - `followings`: per resident (`_id` = their Telegram id), the tickets they follow.
 * Both are derived from each event in the same step as its notices (a Reactor observer, also
 * run again by recovery), with writes that are harmless to repeat.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { OfficePolicy } from '../config/office';
import type { Models } from '../db/models';
import type { EventObserver } from '../reactions/reactor';
import { dataOf, type TicketEvent, type TicketState, type TicketStatus } from '../tickets/types';
import { followersPolicy } from './config';
import { claimOnce } from '../jobs/once';

const CATCH_UP_KEY = 'followers:open-places-catch-up';

export const LIVE_STATUSES: TicketStatus[] = ['open', 'claimed', 'on_site', 'reopened'];

interface OpenPlaceDoc {
  _id: string;
  place: string;
  estate: string;
  createdAt: Date;
}

interface FollowingDoc {
  _id: number;
  refs: string[];
}

const openPlaceSchema = new Schema<OpenPlaceDoc>({ _id: String, place: String, estate: String, createdAt: Date }, { collection: 'open_places', versionKey: false });
const followingSchema = new Schema<FollowingDoc>({ _id: Number, refs: [String] }, { collection: 'followings', versionKey: false });

function modelOf<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

/** `equipment/lift`: a repair's category as the follower rules name it. */
export const categoryKeyOf = (kind: string, category: string) => `${kind}/${category}`;
/** `equipment/lift@3`: that category in one building. */
export const placeKeyOf = (kind: string, category: string, building: string) => `${categoryKeyOf(kind, category)}@${building}`;

/** The building a repair is about: the scanned place's, else the reporter's. */
export function buildingOf(ticket: TicketState): string {
  return ticket.report.place?.building ?? ticket.resident.building ?? '';
}

export class FollowerIndexes implements EventObserver {
  readonly openPlaces: Model<OpenPlaceDoc>;
  readonly followings: Model<FollowingDoc>;

  constructor(models: Models, private readonly policy: OfficePolicy) {
    const conn = models.Ticket.db;
    this.openPlaces = modelOf(conn, 'OpenPlace', openPlaceSchema);
    this.followings = modelOf(conn, 'Following', followingSchema);
  }

  async recordEvent(event: TicketEvent, after: TicketState, before: TicketState | undefined): Promise<void> {
    await Promise.all([this.keepOpenPlace(event, after, before), this.keepFollowing(event)]);
  }

  private async keepOpenPlace(event: TicketEvent, after: TicketState, before: TicketState | undefined): Promise<void> {
    if (event.type !== 'created' && before?.status === after.status) return;
    await this.placeOpen(after);
  }

  /** Puts a live public-area or equipment repair under its place, or takes any other ticket out. */
  private async placeOpen(after: TicketState): Promise<void> {
    const { repairKind, category } = after.report;
    if (after.kind !== 'repair' || !repairKind || !category || !followersPolicy(this.policy).offerKinds.includes(repairKind)) return;
    if (!LIVE_STATUSES.includes(after.status)) {
      await this.openPlaces.deleteOne({ _id: after.ref });
      return;
    }
    const doc = { place: placeKeyOf(repairKind, category, buildingOf(after)), estate: categoryKeyOf(repairKind, category), createdAt: new Date(after.createdAt) };
    await this.openPlaces.updateOne({ _id: after.ref }, { $set: doc }, { upsert: true });
  }

  /**
   * Once per database (a marker in `job_runs`, set after the work, so a crash repeats it
   * harmlessly): the repairs that were open before this lookup existed join it. One scan of
   * the live tickets, at start; returns how many were looked at, or null when done before.
   */
  async catchUpOnce(models: Models, now: Date): Promise<number | null> {
    if (await models.JobRun.exists({ _id: CATCH_UP_KEY })) return null;
    const docs = await models.Ticket.find({ status: { $in: LIVE_STATUSES }, kind: 'repair' }, { state: 1 }).lean<{ state: TicketState }[]>();
    for (const doc of docs) await this.placeOpen(doc.state);
    await claimOnce(models, CATCH_UP_KEY, now);
    return docs.length;
  }

  private async keepFollowing(event: TicketEvent): Promise<void> {
    const followed = dataOf(event, 'followed');
    if (followed) await this.followings.updateOne({ _id: followed.follower.telegramId }, { $addToSet: { refs: event.ref } }, { upsert: true });
    const unfollowed = dataOf(event, 'unfollowed');
    if (unfollowed) await this.followings.updateOne({ _id: unfollowed.follower }, { $pull: { refs: event.ref } });
  }

  /** References of live tickets under a place key (`equipment/lift@3`) or, estate-wide, a category key. */
  async openRefs(key: { place: string } | { estate: string }): Promise<string[]> {
    const docs = await this.openPlaces.find(key, { _id: 1 }).sort({ createdAt: 1 }).limit(50).lean<{ _id: string }[]>();
    return docs.map((d) => d._id);
  }

  async followedBy(residentId: number): Promise<string[]> {
    const doc = await this.followings.findById(residentId).lean<FollowingDoc>();
    return doc?.refs ?? [];
  }
}
