/**
 * Sends the surveys that are due, re-sends the unanswered ones once, and finally records
 * "no answer". A tick reads the due timers (src/followups/timers.ts: only what is pending),
 * then each survey by `_id`.
 *
 * Exactly once with several instances: the message goes through the notifier's queue with a
 * key per survey and step (a second enqueue of the key is ignored), and the log event is
 * written by whoever wins the step's unique claim. The survey's own fields are then set by
 * both — same values — so a crash between the steps is finished by the next tick.
 */
import { claimOnce } from '../jobs/once';
import { perTicketInParallel } from '../jobs/parallel';
import { isWithinHours, nextOpening } from '../policy/hours';
import type { TicketState } from '../tickets/types';
import { isFollowing } from '../tickets/rules';
import { SurveyAnswers, questionsOf, isAnswered } from './answers';
import { followupHours, followupPolicy } from './config';
import type { FollowupDeps } from './deps';
import { refOfSurvey } from './closures';
import { ensureFollowupIndexes, followupModels, type FollowupModels, type SurveyDoc } from './model';
import { inDaytime } from './schedule';
import { SurveyTimers } from './timers';

/** The statuses with a step still to come. */
const PENDING: SurveyDoc['status'][] = ['scheduled', 'sent', 'resent'];

type Step = 'sent' | 'resent' | 'no_answer' | 'answered' | 'cancelled' | 'postponed';

export class SurveySender {
  private readonly followups: FollowupModels;
  private readonly answers: SurveyAnswers;
  private readonly timers: SurveyTimers;

  constructor(private readonly deps: FollowupDeps) {
    this.followups = followupModels(deps.models);
    this.answers = new SurveyAnswers(deps);
    this.timers = new SurveyTimers(deps.models);
  }

  async tick(): Promise<Partial<Record<Step, number>>> {
    await ensureFollowupIndexes(this.deps.models);
    const now = this.deps.clock.now();
    const ids = await this.timers.due(now, followupPolicy(this.deps.policy).batch);
    // One ticket's surveys (reporter, followers, recheck) in turn: each records on its log.
    const steps = await perTicketInParallel(ids, refOfSurvey, this.deps.policy.scheduler.parallel, (id) => this.due(id, now));
    const counts: Partial<Record<Step, number>> = {};
    for (const step of steps) if (step) counts[step] = (counts[step] ?? 0) + 1;
    return counts;
  }

  private async due(id: string, now: Date): Promise<Step | undefined> {
    const survey = await this.followups.Survey.findById(id).lean<SurveyDoc>();
    // A timer outliving its step (answered meanwhile, or a step interrupted after the timer).
    if (!survey || !PENDING.includes(survey.status) || !survey.nextAt || new Date(survey.nextAt) > now) {
      if (survey?.nextAt && PENDING.includes(survey.status)) await this.timers.set(id, new Date(survey.nextAt));
      else await this.timers.clear(id);
      return undefined;
    }
    return this.advance(survey, now);
  }

  private async advance(survey: SurveyDoc, now: Date): Promise<Step | undefined> {
    const { policy } = this.deps;
    const rules = followupPolicy(policy);
    const hours = followupHours(policy);
    if (survey.status === 'resent') return this.giveUp(survey, now);

    const ticket = await this.deps.tickets.get(survey.ref);
    // Reopened since (or closed again later: a newer closure has its own survey).
    // ... or a follower's, who stopped following since.
    const unfollowed = survey.follower && !!ticket && !isFollowing(ticket, survey.residentId);
    if (!ticket || unfollowed || ticket.status !== 'closed' || new Date(ticket.closedAt!).getTime() !== new Date(survey.closedAt).getTime()) {
      await this.set(survey, { status: 'cancelled', skipReason: 'ticket_changed' }, ['nextAt']);
      return 'cancelled';
    }
    // Never at night, whatever the stored time says (a tick that ran late, changed hours).
    if (!isWithinHours(now, hours, policy.timezone)) {
      await this.set(survey, { nextAt: nextOpening(now, hours, policy.timezone) });
      return 'postponed';
    }
    if (survey.status === 'scheduled') {
      await this.recordOnce(survey, 'sent', ticket);
      const nextAt = inDaytime(new Date(now.getTime() + rules.resendAfter), hours, policy.timezone);
      await this.set(survey, { status: 'sent', sentAt: now, nextAt }, [], 'scheduled');
      return 'sent';
    }
    await this.recordOnce(survey, 'resent', ticket);
    await this.set(survey, { status: 'resent', resentAt: now, nextAt: new Date(now.getTime() + rules.noAnswerAfter) }, [], 'sent');
    return 'resent';
  }

  /** The wait after the reminder is over: what was answered is the answer; nothing is "no answer". */
  private async giveUp(survey: SurveyDoc, now: Date): Promise<Step> {
    if (questionsOf(survey).some((q) => isAnswered(survey, q))) {
      await this.answers.finish(survey, false);
      return 'answered';
    }
    if (await claimOnce(this.deps.models, `fu:${survey._id}:no_answer`, now)) {
      await this.deps.tickets.record(survey.ref, 'survey_no_answer', { data: { survey: survey._id, stage: survey.stage } });
    }
    await this.set(survey, { status: 'no_answer', noAnswerAt: now }, ['nextAt'], 'resent');
    return 'no_answer';
  }

  /** The event, once per survey and step whatever the instances; the survey message follows from it (src/reactions). */
  private async recordOnce(survey: SurveyDoc, step: 'sent' | 'resent', ticket: TicketState): Promise<void> {
    const type = step === 'sent' ? 'survey_sent' : 'survey_resent';
    const to = survey.follower ? { follower: survey.residentId } : {};
    const recorded = await this.deps.tickets.recordOnce(ticket.ref, `fu:${survey._id}:${step}`, type, { data: { survey: survey._id, stage: survey.stage, round: survey.round, ...to } });
    if (recorded !== 'done') this.deps.log.info({ ref: ticket.ref, survey: survey._id, step }, 'follow-up survey sent');
  }

  /** Sets fields unless the survey moved on meanwhile (the resident finished it between the steps). */
  private async set(survey: SurveyDoc, fields: Partial<SurveyDoc>, unset: (keyof SurveyDoc)[] = [], fromStatus?: SurveyDoc['status']): Promise<void> {
    const filter: Record<string, unknown> = { _id: survey._id };
    filter.status = fromStatus ?? survey.status;
    const update: Record<string, unknown> = { $set: fields };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    // The timer first: a step interrupted between the two leaves a timer the next tick checks.
    if (fields.nextAt) await this.timers.set(survey._id, fields.nextAt);
    await this.followups.Survey.updateOne(filter, update);
    if (unset.includes('nextAt')) await this.timers.clear(survey._id);
  }
}
