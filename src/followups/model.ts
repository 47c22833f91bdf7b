/**
 * The follow-up collections. One survey document per closure decision (sent or not), so the
 * month's figures — follow-up rate, satisfaction, on-time — are `$match` + one `$sum` per
 * `$group` on stored numbers and precomputed keys (../shared/FACTS.md: no $avg, no $month).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Models } from '../db/models';
import type { CoverageClass, TimingClass } from './config';

export type SurveyStage = 'first' | 'recheck';
/**
 * scheduled → sent → resent → no_answer, or → answered at any point after sending.
 * skipped: not followed up (not drawn, anonymous, invalid); cancelled: the ticket was no
 * longer closed when it was due.
 */
export type SurveyStatus = 'scheduled' | 'sent' | 'resent' | 'answered' | 'no_answer' | 'skipped' | 'cancelled';
export type ScoreQuestion = 'timeliness' | 'attitude' | 'quality';
export const SCORE_QUESTIONS: ScoreQuestion[] = ['timeliness', 'attitude', 'quality'];

export interface SurveyDoc {
  /** `<ref>.<seq of the closing event>`, plus `r` for a defect's recheck: short enough for callback data. */
  _id: string;
  ref: string;
  /** 1 for the first closure of the ticket, 2 after a rework, …; a recheck keeps its closure's round. */
  round: number;
  stage: SurveyStage;
  kind: string;
  department: string;
  category: string;
  building: string;
  residentId: number;
  /** A follower's survey (residentId is the follower's): the same closure and rules as the reporter's. */
  follower?: boolean;
  coverage: CoverageClass;
  timing: TimingClass;
  /** Whether it was drawn by sampling (false: mandatory or skipped by rule). */
  sampled: boolean;
  /** Office-local 'YYYY-MM' and 'YYYY-MM-DD' of the closure: the month the figures count it in. */
  month: string;
  day: string;
  closedAt: Date;
  dueAt?: Date;
  deadlineAt?: Date;
  /** When the next step (send, re-send, give up) is due; absent once nothing more will happen. */
  nextAt?: Date;
  status: SurveyStatus;
  skipReason?: string;
  sentAt?: Date;
  resentAt?: Date;
  answeredAt?: Date;
  noAnswerAt?: Date;
  scores?: Partial<Record<ScoreQuestion, number>>;
  solved?: boolean;
  comment?: string;
  /** All questions answered (false: finished with what was given when the time ran out). */
  complete?: boolean;
  dissatisfied?: boolean;
  /** The message the resident last pressed a button on: edited when the comment arrives. */
  lastMessageId?: number;
  /** The "write your comment" prompt, awaiting a reply. */
  commentPrompt?: { messageId: number; at: Date };
}

const surveySchema = new Schema<SurveyDoc>(
  {
    _id: String,
    ref: { type: String, required: true },
    round: { type: Number, required: true },
    stage: { type: String, required: true },
    kind: { type: String, required: true },
    department: { type: String, required: true },
    category: { type: String, default: '' },
    building: { type: String, default: '' },
    residentId: { type: Number, required: true },
    follower: Boolean,
    coverage: { type: String, required: true },
    timing: { type: String, required: true },
    sampled: { type: Boolean, default: false },
    month: { type: String, required: true },
    day: { type: String, required: true },
    closedAt: { type: Date, required: true },
    dueAt: Date,
    deadlineAt: Date,
    nextAt: Date,
    status: { type: String, required: true },
    skipReason: String,
    sentAt: Date,
    resentAt: Date,
    answeredAt: Date,
    noAnswerAt: Date,
    scores: { timeliness: Number, attitude: Number, quality: Number },
    solved: Boolean,
    comment: String,
    complete: Boolean,
    dissatisfied: Boolean,
    lastMessageId: Number,
    commentPrompt: { type: new Schema({ messageId: Number, at: Date }, { _id: false }), default: undefined },
  },
  { collection: 'surveys', versionKey: false, minimize: true },
);
// The scheduler's one query: what is due now.
surveySchema.index({ status: 1, nextAt: 1 });
surveySchema.index({ ref: 1 });
surveySchema.index({ residentId: 1, 'commentPrompt.at': -1 });
// Step 4's monthly figures.
surveySchema.index({ month: 1, status: 1 });

/**
 * The sampling draws: one per closure of a sampled class (the persisted decision), numbered
 * per class and month. The unique (pool, month, n) index makes concurrent draws take turns,
 * so the running count each draw is based on is exact (counters on FerretDB: insert-and-retry).
 */
export interface SampleDrawDoc {
  _id: string;
  pool: string;
  month: string;
  n: number;
  /** Drawn so far this month in this pool, this one included. */
  selectedCount: number;
  selected: boolean;
  at: Date;
}
const sampleDrawSchema = new Schema<SampleDrawDoc>(
  {
    _id: String,
    pool: { type: String, required: true },
    month: { type: String, required: true },
    n: { type: Number, required: true },
    selectedCount: { type: Number, required: true },
    selected: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'followup_draws', versionKey: false },
);
sampleDrawSchema.index({ pool: 1, month: 1, n: -1 }, { unique: true });

/** How far each event scan has read. */
export interface WatermarkDoc {
  _id: string;
  at: Date;
  /** Set at the end of a full batch: the next read continues right after it, without overlap. */
  exact?: boolean;
}
const watermarkSchema = new Schema<WatermarkDoc>(
  { _id: String, at: { type: Date, required: true }, exact: Boolean },
  { collection: 'followup_watermarks', versionKey: false },
);

export interface FollowupModels {
  Survey: Model<SurveyDoc>;
  SampleDraw: Model<SampleDrawDoc>;
  Watermark: Model<WatermarkDoc>;
}

/** The follow-up models on a connection, or on the connection the core's models live on. */
export function followupModels(on: Connection | Models): FollowupModels {
  const conn = 'Ticket' in on ? connectionOf(on) : on;
  return {
    Survey: (conn.models.Survey as Model<SurveyDoc>) ?? conn.model<SurveyDoc>('Survey', surveySchema),
    SampleDraw: (conn.models.SampleDraw as Model<SampleDrawDoc>) ?? conn.model<SampleDrawDoc>('SampleDraw', sampleDrawSchema),
    Watermark: (conn.models.Watermark as Model<WatermarkDoc>) ?? conn.model<WatermarkDoc>('Watermark', watermarkSchema),
  };
}


/** The connection the core's models live on (the adapter only hands those around). */
function connectionOf(models: Models): Connection {
  return models.Ticket.db;
}

const ready = new WeakMap<Connection, Promise<void>>();

/**
 * Creates the collections and indexes once per connection: the unique draw index must exist
 * before the first race. Also the event log's (type, at) index the scans read by, which
 * belongs with the log's other indexes in src/db/models.ts (creating it again is a no-op).
 */
export function ensureFollowupIndexes(models: Models): Promise<void> {
  const conn = connectionOf(models);
  let done = ready.get(conn);
  if (!done) {
    done = (async () => {
      for (const model of Object.values(followupModels(conn)) as Model<unknown>[]) {
        await model.createCollection().catch((e: { code?: number }) => {
          if (e.code !== 48) throw e; // 48: already exists
        });
        await model.createIndexes();
      }
      await models.TicketEvent.collection.createIndex({ type: 1, at: 1 });
    })();
    done.catch(() => ready.delete(conn));
    ready.set(conn, done);
  }
  return done;
}
