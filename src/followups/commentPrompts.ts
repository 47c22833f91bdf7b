/**
 * Which surveys a resident was last asked to comment on, under the resident's Telegram id.
 * Every plain message a resident types outside a form asks "is this a survey comment?"; the
 * surveys collection grows with the office's history and FerretDB v1 scans it for any filter
 * but `{_id}`, so the question is answered from this one document instead.
 *
 * The survey's own `commentPrompt` stays the truth; this only says where to look. A resident's
 * private chat handles one update at a time, so rewriting the small list is safe.
 */
import { Schema, type Model } from 'mongoose';
import { upsertById, type Models } from '../db/models';

interface Prompt {
  surveyId: string;
  messageId: number;
  at: Date;
}

interface CommentPromptsDoc {
  _id: number;
  prompts: Prompt[];
}

/** A resident has a handful of surveys at most; older prompts have long expired. */
const KEPT = 5;

const promptsSchema = new Schema<CommentPromptsDoc>(
  { _id: Number, prompts: { type: [new Schema({ surveyId: String, messageId: Number, at: Date }, { _id: false })], default: [] } },
  { collection: 'comment_prompts', versionKey: false },
);

export class CommentPrompts {
  private readonly model: Model<CommentPromptsDoc>;

  constructor(models: Models) {
    const conn = models.Ticket.db;
    this.model = (conn.models.CommentPrompts as Model<CommentPromptsDoc>) ?? conn.model<CommentPromptsDoc>('CommentPrompts', promptsSchema);
  }

  async remember(residentId: number, prompt: Prompt): Promise<void> {
    const others = (await this.list(residentId)).filter((p) => p.surveyId !== prompt.surveyId);
    const prompts = [...others, prompt].sort((a, b) => +new Date(a.at) - +new Date(b.at)).slice(-KEPT);
    await upsertById(this.model, residentId, { $set: { prompts } });
  }

  async forget(residentId: number, surveyId: string): Promise<void> {
    const prompts = await this.list(residentId);
    if (!prompts.some((p) => p.surveyId === surveyId)) return;
    await this.model.updateOne({ _id: residentId }, { $set: { prompts: prompts.filter((p) => p.surveyId !== surveyId) } });
  }

  /** The surveys whose prompt is the message `replyTo`, or (without it) prompted since `since`, newest first. */
  async candidates(residentId: number, match: { replyTo: number } | { since: Date }): Promise<string[]> {
    const prompts = await this.list(residentId);
    const fits = 'replyTo' in match ? (p: Prompt) => p.messageId === match.replyTo : (p: Prompt) => new Date(p.at) >= match.since;
    return prompts
      .filter(fits)
      .sort((a, b) => +new Date(b.at) - +new Date(a.at))
      .map((p) => p.surveyId);
  }

  private async list(residentId: number): Promise<Prompt[]> {
    return (await this.model.findById(residentId).lean<CommentPromptsDoc>())?.prompts ?? [];
  }
}
