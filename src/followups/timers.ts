/**
 * The pending steps of follow-up surveys (send, re-send, give up), one document per survey
 * that still has one, removed when it has none. The surveys collection keeps every closure's
 * decision for the figures and grows with the office's history; the scheduler's tick reads
 * only this one, so it costs what is pending (FerretDB v1 scans a collection for any filter
 * but `{_id}`).
 *
 * The survey document stays the truth: a timer is written before the survey step it mirrors
 * and checked against the survey when due, so a timer left by an interrupted step is
 * removed, never acted on blindly.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { upsertById, type Models } from '../db/models';

export interface SurveyTimerDoc {
  /** The survey's `_id`. */
  _id: string;
  nextAt: Date;
}

const timerSchema = new Schema<SurveyTimerDoc>({ _id: String, nextAt: { type: Date, required: true } }, { collection: 'survey_timers', versionKey: false });
timerSchema.index({ nextAt: 1 });

export function surveyTimerModel(conn: Connection): Model<SurveyTimerDoc> {
  return (conn.models.SurveyTimer as Model<SurveyTimerDoc>) ?? conn.model<SurveyTimerDoc>('SurveyTimer', timerSchema);
}

export class SurveyTimers {
  private readonly model: Model<SurveyTimerDoc>;

  constructor(models: Models) {
    this.model = surveyTimerModel(models.Ticket.db);
  }

  async set(surveyId: string, nextAt: Date): Promise<void> {
    await upsertById(this.model, surveyId, { $set: { nextAt } });
  }

  async clear(surveyId: string): Promise<void> {
    await this.model.deleteOne({ _id: surveyId });
  }

  /** The surveys with a step due by `now`, earliest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const docs = await this.model.find({ nextAt: { $lte: now } }, { _id: 1 }).sort({ nextAt: 1 }).limit(limit).lean<Pick<SurveyTimerDoc, '_id'>[]>();
    return docs.map((d) => d._id);
  }
}
