/**
 * The resident's answers: stored as they come, in any order, days later if need be; the
 * survey finishes when every question is answered (or when its time runs out with some of
 * them). A dissatisfied finish reopens the ticket for rework.
 */
import { claimOnce } from '../jobs/once';
import { CommentPrompts } from './commentPrompts';
import { SurveyTimers } from './timers';
import { followupPolicy } from './config';
import type { FollowupDeps } from './deps';
import { followupModels, SCORE_QUESTIONS, type FollowupModels, type ScoreQuestion, type SurveyDoc } from './model';

export type Question = ScoreQuestion | 'solved';

export type AnswerOutcome =
  | { outcome: 'recorded'; survey: SurveyDoc }
  | { outcome: 'finished'; survey: SurveyDoc }
  | { outcome: 'already_answered'; survey: SurveyDoc }
  | { outcome: 'expired'; survey: SurveyDoc }
  | { outcome: 'not_yours' | 'not_found' };

/** Statuses in which the resident may still answer (scheduled: the message may be out before the status says so). */
const OPEN = ['scheduled', 'sent', 'resent'];

/** The questions a survey asks: a recheck only whether the problem came back. */
export function questionsOf(survey: Pick<SurveyDoc, 'stage'>): Question[] {
  return survey.stage === 'recheck' ? ['solved'] : [...SCORE_QUESTIONS, 'solved'];
}

export function isAnswered(survey: SurveyDoc, question: Question): boolean {
  return question === 'solved' ? survey.solved !== undefined && survey.solved !== null : typeof survey.scores?.[question] === 'number';
}

export function isComplete(survey: SurveyDoc): boolean {
  return questionsOf(survey).every((q) => isAnswered(survey, q));
}

/** Not solved, or any score at or below the office's threshold. */
export function isDissatisfied(survey: SurveyDoc, threshold: number): boolean {
  if (survey.solved === false) return true;
  return SCORE_QUESTIONS.some((q) => typeof survey.scores?.[q] === 'number' && survey.scores[q]! <= threshold);
}

export class SurveyAnswers {
  private readonly followups: FollowupModels;
  private readonly prompts: CommentPrompts;
  private readonly timers: SurveyTimers;

  constructor(private readonly deps: FollowupDeps) {
    this.followups = followupModels(deps.models);
    this.prompts = new CommentPrompts(deps.models);
    this.timers = new SurveyTimers(deps.models);
  }

  get(id: string): Promise<SurveyDoc | null> {
    return this.followups.Survey.findById(id).lean<SurveyDoc>();
  }

  /** One answer (a score 1-5, or solved true/false); a change of mind before finishing is allowed. */
  async answer(id: string, residentId: number, question: Question, value: number | boolean, messageId?: number): Promise<AnswerOutcome> {
    const found = await this.open(id, residentId);
    if (found.outcome !== 'recorded') return found;
    if (!questionsOf(found.survey).includes(question)) return { outcome: 'not_found' };
    const field = question === 'solved' ? 'solved' : `scores.${question}`;
    const set: Record<string, unknown> = { [field]: question === 'solved' ? !!value : Number(value) };
    if (messageId !== undefined) set.lastMessageId = messageId;
    await this.followups.Survey.updateOne({ _id: id }, { $set: set });
    const survey = (await this.get(id))!;
    if (!isComplete(survey)) return { outcome: 'recorded', survey };
    const finished = await this.finish(survey, true);
    const now = (await this.get(id))!;
    return finished ? { outcome: 'finished', survey: now } : { outcome: 'already_answered', survey: now };
  }

  /**
   * The optional comment, before or after the other answers. After a dissatisfied finish it
   * also goes to staff, who have already been told about the rest.
   */
  async comment(id: string, residentId: number, text: string): Promise<AnswerOutcome> {
    const survey = await this.get(id);
    if (!survey) return { outcome: 'not_found' };
    if (survey.residentId !== residentId) return { outcome: 'not_yours' };
    if (!OPEN.includes(survey.status) && survey.status !== 'answered') return { outcome: 'expired', survey };
    await this.followups.Survey.updateOne({ _id: id }, { $set: { comment: text }, $unset: { commentPrompt: 1 } });
    await this.prompts.forget(residentId, id);
    const updated = (await this.get(id))!;
    if (survey.status === 'answered') {
      // After a dissatisfied survey, staff see the late comment too (src/reactions).
      await this.deps.tickets.record(survey.ref, 'survey_answered', { text, data: { survey: id, part: 'comment', dissatisfied: !!survey.dissatisfied } });
    }
    return { outcome: 'recorded', survey: updated };
  }

  /** Whether the resident may still write a comment (asked before the prompt is sent). */
  async commentable(id: string, residentId: number): Promise<AnswerOutcome> {
    const survey = await this.get(id);
    if (!survey) return { outcome: 'not_found' };
    if (survey.residentId !== residentId) return { outcome: 'not_yours' };
    if (!OPEN.includes(survey.status) && survey.status !== 'answered') return { outcome: 'expired', survey };
    if (survey.comment) return { outcome: 'already_answered', survey };
    return { outcome: 'recorded', survey };
  }

  /** Remembers the comment prompt, so that the reply to it finds its survey. */
  async awaitComment(id: string, promptMessageId: number, surveyMessageId?: number): Promise<void> {
    const at = this.deps.clock.now();
    const set: Record<string, unknown> = { commentPrompt: { messageId: promptMessageId, at } };
    if (surveyMessageId !== undefined) set.lastMessageId = surveyMessageId;
    await this.followups.Survey.updateOne({ _id: id }, { $set: set });
    const survey = await this.get(id);
    if (survey) await this.prompts.remember(survey.residentId, { surveyId: id, messageId: promptMessageId, at });
  }

  /** The survey a typed message is the comment for: a reply to the prompt, or a message soon after it. */
  async awaitingComment(residentId: number, replyTo?: number): Promise<SurveyDoc | null> {
    const since = new Date(this.deps.clock.now().getTime() - followupPolicy(this.deps.policy).commentWait);
    const match = replyTo !== undefined ? { replyTo } : { since };
    for (const id of await this.prompts.candidates(residentId, match)) {
      const survey = await this.get(id);
      const prompt = survey?.residentId === residentId ? survey.commentPrompt : undefined;
      if (!prompt) continue;
      if (replyTo !== undefined ? prompt.messageId === replyTo : new Date(prompt.at) >= since) return survey;
    }
    return null;
  }

  /**
   * Finishes a survey once (the first of two simultaneous presses, or the scheduler giving up
   * on an incomplete one): records the answer and reopens the ticket when dissatisfied.
   * False when it was finished already.
   */
  async finish(survey: SurveyDoc, complete: boolean): Promise<boolean> {
    const { models, clock, policy, tickets, log } = this.deps;
    const now = clock.now();
    if (!(await claimOnce(models, `fu:${survey._id}:answered`, now))) return false;
    const dissatisfied = isDissatisfied(survey, followupPolicy(policy).dissatisfiedAtOrBelow);
    await this.followups.Survey.updateOne(
      { _id: survey._id },
      { $set: { status: 'answered', answeredAt: now, complete, dissatisfied }, $unset: { nextAt: 1 } },
    );
    await this.timers.clear(survey._id);
    const data = { survey: survey._id, stage: survey.stage, scores: survey.scores ?? {}, solved: survey.solved, complete, dissatisfied };
    await tickets.record(survey.ref, 'survey_answered', { text: survey.comment, data });
    log.info({ ref: survey.ref, survey: survey._id, dissatisfied, complete }, 'follow-up answered');
    if (!dissatisfied) return true;
    const reopened = await tickets.reopenAfterSurvey(survey.ref, survey.comment ?? '', survey._id);
    if (!reopened.ok) log.warn({ ref: survey.ref, reason: reopened.reason }, 'a dissatisfied follow-up could not reopen its ticket');
    return true;
  }

  private async open(id: string, residentId: number): Promise<AnswerOutcome> {
    const survey = await this.get(id);
    if (!survey) return { outcome: 'not_found' };
    if (survey.residentId !== residentId) return { outcome: 'not_yours' };
    if (survey.status === 'answered') return { outcome: 'already_answered', survey };
    if (!OPEN.includes(survey.status)) return { outcome: 'expired', survey };
    return { outcome: 'recorded', survey };
  }
}
