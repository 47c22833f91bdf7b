/**
 * Every collection and index in one place. Kept to what MongoDB and FerretDB v1 both do
 * (../shared/FACTS.md): no TTL, no partial indexes, no nested arrays; exactly-one-winner
 * decisions are inserts against unique indexes.
 */
import { Schema, type Connection, type Model } from 'mongoose';

const media = new Schema({ type: { type: String, enum: ['photo', 'video'], required: true }, fileId: { type: String, required: true } }, { _id: false });

export interface ResidentDoc {
  /** The Telegram id: FerretDB v1 uses an index only for an exact `{_id: value}` filter. */
  _id?: number;
  telegramId: number;
  firstName: string;
  language?: string;
  name?: string;
  phone?: string;
  building?: string;
  unit?: string;
  room?: string;
  registeredAt?: Date;
  updatedAt: Date;
}
const residentSchema = new Schema<ResidentDoc>(
  {
    _id: { type: Number, default: function (this: { telegramId: number }) { return this.telegramId; } },
    telegramId: { type: Number, required: true },
    firstName: { type: String, default: '' },
    language: String,
    name: String,
    phone: String,
    building: String,
    unit: String,
    room: String,
    registeredAt: Date,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'residents', versionKey: false },
);

export interface StaffMembershipDoc {
  chatId: number;
  userId: number;
  member: boolean;
  checkedAt: Date;
}
const staffMembershipSchema = new Schema<StaffMembershipDoc>(
  {
    chatId: { type: Number, required: true },
    userId: { type: Number, required: true },
    member: { type: Boolean, required: true },
    checkedAt: { type: Date, required: true },
  },
  { collection: 'staff_memberships', versionKey: false },
);
staffMembershipSchema.index({ chatId: 1, userId: 1 }, { unique: true });

/**
 * The same memberships under the user's id: who is staff is asked on nearly every update, and
 * staff_memberships also holds a "not a member" row for every resident ever checked, so it is
 * read by `_id` here (FerretDB v1 scans a collection for any other filter).
 */
export interface UserMembershipsDoc {
  _id: number;
  chats: { chatId: number; member: boolean; checkedAt: Date }[];
}
const userMembershipsSchema = new Schema<UserMembershipsDoc>(
  { _id: Number, chats: { type: [new Schema({ chatId: Number, member: Boolean, checkedAt: Date }, { _id: false })], default: [] } },
  { collection: 'staff_user_chats', versionKey: false },
);
staffMembershipSchema.index({ userId: 1 });

export interface StaffProfileDoc {
  telegramId: number;
  firstName: string;
  username?: string;
  privateChatOpen: boolean;
  updatedAt: Date;
}
const staffProfileSchema = new Schema<StaffProfileDoc>(
  {
    telegramId: { type: Number, required: true, unique: true },
    firstName: { type: String, default: '' },
    username: String,
    privateChatOpen: { type: Boolean, default: false },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'staff', versionKey: false },
);

/**
 * The ticket document is a projection of its event log (see src/tickets/projection.ts).
 * Its `_id` is the reference: on FerretDB v1 only an exact `{_id: value}` filter uses an index.
 */
const ticketFields = {
  _id: { type: String, default: function (this: { ref: string }) { return this.ref; } },
  ref: { type: String, required: true },
  seq: { type: Number, required: true },
  kind: { type: String, required: true },
  status: { type: String, required: true },
  department: { type: String, required: true },
  residentId: { type: Number, required: true },
  ownerId: Number,
  day: { type: String, required: true },
  month: { type: String, required: true },
  createdAt: { type: Date, required: true },
  responseDueAt: Date,
  resolutionDueAt: Date,
  onSiteDueAt: Date,
  autoConfirmAt: Date,
  nightIntake: Boolean,
  // Everything else of the projection lives here as plain data.
  state: { type: Schema.Types.Mixed, required: true },
};
const ticketSchema = new Schema(
  {
    ...ticketFields,
    // Where the ticket's cards are (one per staff chat it was posted to), edited with the ticket.
    cards: {
      type: [new Schema({ chatId: Number, threadId: Number, messageId: Number, mediaMessageIds: [Number] }, { _id: false })],
      default: undefined,
    },
  },
  { collection: 'tickets', versionKey: false, minimize: false },
);
// The lists and ticks read the working set (below), not this archive; these serve office-wide
// queries over the history on MongoDB (the dashboard's list and filters).
ticketSchema.index({ residentId: 1, createdAt: -1 });
ticketSchema.index({ department: 1, status: 1 });
ticketSchema.index({ ownerId: 1, status: 1 });

/**
 * The working set: a copy of each ticket's projection while it is not closed or cancelled,
 * removed when it is. What the lists, the handover and every tick read (by status and due
 * times) is scanned here, so its cost follows the open work, not the office's history
 * (FerretDB v1 scans a collection for any filter but `{_id}`).
 */
const liveTicketSchema = new Schema(ticketFields, { collection: 'live_tickets', versionKey: false, minimize: false });
liveTicketSchema.index({ status: 1, resolutionDueAt: 1 });
liveTicketSchema.index({ status: 1, autoConfirmAt: 1 });
liveTicketSchema.index({ status: 1, responseDueAt: 1 });
liveTicketSchema.index({ status: 1, onSiteDueAt: 1 });
liveTicketSchema.index({ status: 1, createdAt: 1 });

/** A resident's own tickets by reference, newest last, under the Telegram id: My tickets reads one `_id`. */
export interface ResidentTicketsDoc {
  _id: number;
  refs: { ref: string; createdAt: Date }[];
}
const residentTicketsSchema = new Schema<ResidentTicketsDoc>(
  { _id: Number, refs: { type: [new Schema({ ref: String, createdAt: Date }, { _id: false })], default: [] } },
  { collection: 'resident_tickets', versionKey: false },
);

/** An event's `_id` is `ref:seq` (see eventId), so a ticket's log is read by `_id`, never scanned. */
const ticketEventSchema = new Schema(
  {
    _id: { type: String, default: function (this: { ref: string; seq: number }) { return eventId(this.ref, this.seq); } },
    ref: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    actor: {
      type: new Schema({ id: Number, role: String, name: String }, { _id: false }),
      required: true,
    },
    text: String,
    media: { type: [media], default: undefined },
    data: Schema.Types.Mixed,
  },
  { collection: 'ticket_events', versionKey: false },
);
// The race decider: two actions on one ticket cannot both take the same sequence number (the
// `_id` ref:seq says the same; the index also guards documents of the old layout).
ticketEventSchema.index({ ref: 1, seq: 1 }, { unique: true });
// The follow-up jobs read closures and new reports from the log by type and time.
ticketEventSchema.index({ type: 1, at: 1 });

const refNumberSchema = new Schema(
  { _id: String, key: { type: String, required: true }, n: { type: Number, required: true }, at: Date },
  { collection: 'ref_numbers', versionKey: false },
);
refNumberSchema.index({ key: 1, n: -1 });

const processedUpdateSchema = new Schema(
  { _id: Number, at: { type: Date, required: true } },
  { collection: 'processed_updates', versionKey: false },
);
processedUpdateSchema.index({ at: 1 });

/** "Done once" markers for scheduled work: the unique _id makes one instance win. */
const jobRunSchema = new Schema({ _id: String, at: { type: Date, required: true } }, { collection: 'job_runs', versionKey: false });

const conversationStateSchema = new Schema(
  { _id: String, json: { type: String, required: true }, updatedAt: { type: Date, required: true } },
  { collection: 'conversation_states', versionKey: false },
);

/**
 * Where a ticket's cards are, one document per ticket by reference. Kept apart from the ticket
 * document: FerretDB rewrites a whole document on update, so a card recorded while the ticket
 * changes (sends are in the background) would otherwise be lost, or undo the change.
 */
const ticketCardsSchema = new Schema(
  {
    _id: String,
    cards: { type: [new Schema({ chatId: Number, threadId: Number, messageId: Number, mediaMessageIds: [Number] }, { _id: false })], default: [] },
  },
  { collection: 'ticket_cards', versionKey: false },
);

/** One document per person who raised an emergency (by Telegram id): their recent ones, newest last. */
const emergencyReportsSchema = new Schema(
  { _id: Number, reports: { type: [new Schema({ ref: String, at: Date }, { _id: false })], default: [] } },
  { collection: 'emergency_reports', versionKey: false },
);

export function createModels(conn: Connection) {
  return {
    Resident: conn.model<ResidentDoc>('Resident', residentSchema),
    StaffProfile: conn.model<StaffProfileDoc>('StaffProfile', staffProfileSchema),
    StaffMembership: conn.model<StaffMembershipDoc>('StaffMembership', staffMembershipSchema),
    UserMemberships: conn.model<UserMembershipsDoc>('UserMemberships', userMembershipsSchema),
    Ticket: conn.model('Ticket', ticketSchema),
    LiveTicket: conn.model('LiveTicket', liveTicketSchema),
    ResidentTickets: conn.model<ResidentTicketsDoc>('ResidentTickets', residentTicketsSchema),
    TicketCards: conn.model('TicketCards', ticketCardsSchema),
    TicketEvent: conn.model('TicketEvent', ticketEventSchema),
    RefNumber: conn.model('RefNumber', refNumberSchema),
    ProcessedUpdate: conn.model('ProcessedUpdate', processedUpdateSchema),
    ConversationState: conn.model('ConversationState', conversationStateSchema),
    JobRun: conn.model('JobRun', jobRunSchema),
    EmergencyReports: conn.model('EmergencyReports', emergencyReportsSchema),
  };
}
export type Models = ReturnType<typeof createModels>;

/** Creates collections and indexes up front: a unique index must exist before the first race. */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createCollection().catch((e: { code?: number }) => {
      if (e.code !== 48) throw e; // 48: already exists
    });
    await model.createIndexes();
  }
}

/** The `_id` of a ticket's event: its position in the ticket's log. */
export function eventId(ref: string, seq: number): string {
  return `${ref}:${seq}`;
}

/**
 * An update by `_id` that creates the document when missing. Two such upserts of a new
 * document race on the `_id` (on MongoDB as on FerretDB): the loser's update is then applied
 * to the winner's document.
 */
export async function upsertById<T>(model: Model<T>, id: unknown, update: Record<string, unknown>): Promise<void> {
  try {
    await model.updateOne({ _id: id }, update, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await model.updateOne({ _id: id }, update);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/** What the driver paths need of a model: its connection and its collection's name. */
type ModelPlace = { db: Connection; collection: { collectionName: string } };

/** A model's collection as the driver sees it, typed by the documents the caller keeps there (the hot paths by `_id`). */
export function driverCollection<T extends { _id: string | number }>(model: ModelPlace) {
  return model.db.collection<T>(model.collection.collectionName);
}

/** The fields of a small record that is written whole: every value set, none left to the schema. */
export type PlainRecord = { _id: string | number } & Record<string, string | number | boolean | Date>;

/**
 * Inserts a small record through the driver. Mongoose's document machinery (casting, defaults,
 * validation, hooks) costs three times the insert itself, and the hot paths insert such
 * records on every update (the update's record) and several times per ticket event (its
 * pending note, its recent copy, the reference's number, claims). Only for records built in
 * code whose values already have their stored types; anything optional or nested goes
 * through the model. A taken `_id` rejects as before (isDuplicateKey).
 */
export async function insertRecord(model: ModelPlace, record: PlainRecord): Promise<void> {
  await driverCollection<PlainRecord>(model).insertOne(record);
}
