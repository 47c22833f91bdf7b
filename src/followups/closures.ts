/**
 * Every closure gets its follow-up decision, once. Closures are read from the event log
 * ('confirmed' by the resident, 'auto_confirmed' by the scheduler: the only two ways a ticket
 * closes), so no closing path can be missed, and a closure is decided exactly once: its
 * survey document's id is the closing event's (ref, seq) and the insert is unique.
 *
 * An inquiry the resident closes ("got my answer") counts like any other closure: it is in
 * the sampled pool with SPEC.md's "anything else: within 7 days".
 */
import { localDateKey, localMonthKey } from '../time/zoned';
import { dataOf, type TicketEvent, type TicketEventType, type TicketState } from '../tickets/types';
import { isDuplicateKey } from '../db/models';
import { perTicketInParallel } from '../jobs/parallel';
import { followupHours, followupPolicy, type CoverageClass } from './config';
import { categoryKey, coverageOf, timingClass } from './coverage';
import type { FollowupDeps } from './deps';
import type { RecentEvent } from '../tickets/recentEvents';
import { EventScan } from './eventScan';
import { ensureFollowupIndexes, followupModels, type FollowupModels, type SurveyDoc } from './model';
import { SampleDraws } from './sampling';
import { firstFollowupTimes, recheckTimes } from './schedule';
import { SurveyTimers } from './timers';

/** The only two ways a ticket closes. */
const CLOSING_TYPES: TicketEventType[] = ['confirmed', 'auto_confirmed'];

export const surveyIdOf = (event: Pick<TicketEvent, 'ref' | 'seq'>) => `${event.ref}.${event.seq}`;
/** The ticket a survey id belongs to (ids are the closure's `ref.seq`, perhaps with a follower's or recheck's suffix). */
export const refOfSurvey = (surveyId: string) => surveyId.slice(0, surveyId.lastIndexOf('.'));

export class ClosureWatcher {
  private readonly followups: FollowupModels;
  private readonly scan: EventScan;
  private readonly draws: SampleDraws;
  private readonly timers: SurveyTimers;

  constructor(private readonly deps: FollowupDeps) {
    const rules = followupPolicy(deps.policy);
    this.followups = followupModels(deps.models);
    this.scan = new EventScan(deps.models, this.followups, {
      name: 'closures',
      types: [...CLOSING_TYPES],
      overlap: rules.scanOverlap,
      firstRunLookback: rules.firstRunLookback,
      batch: rules.batch,
    });
    this.draws = new SampleDraws(this.followups, deps.random ?? Math.random);
    this.timers = new SurveyTimers(deps.models);
  }

  /** Decides the closures since the last tick; returns how many were new and how many get a survey. */
  async tick(): Promise<{ closures: number; scheduled: number }> {
    await ensureFollowupIndexes(this.deps.models);
    const { events, commit } = await this.scan.next(this.deps.clock.now());
    // One ticket's closures in order: a later round counts the earlier.
    const decisions = await perTicketInParallel(events, (event) => event.ref, this.deps.policy.scheduler.parallel, (event) => this.onClosed(event));
    const made = decisions.filter((d): d is boolean => d !== undefined);
    await commit();
    return { closures: made.length, scheduled: made.filter(Boolean).length };
  }

  /** True: a survey is scheduled; false: decided against; undefined: decided before. */
  private async onClosed(event: RecentEvent): Promise<boolean | undefined> {
    const { Survey } = this.followups;
    const id = surveyIdOf(event);
    if (await Survey.exists({ _id: id })) return undefined;
    const ticket = await this.deps.tickets.getReaching(event.ref, event.seq);
    // Internal tasks are staff's own work: no follow-up survey, nothing to decide.
    if (!ticket || ticket.kind === 'task') return undefined;
    const { policy } = this.deps;
    const rules = followupPolicy(policy);
    const closedAt = new Date(event.at);
    const month = localMonthKey(closedAt, policy.timezone);
    // Rounds count the reporter's surveys; any dissatisfied answer (a follower's too) makes the next one rework.
    const firsts = await this.earlierSurveys(ticket, event.seq);
    const earlier = firsts.filter((s) => !s.follower);
    const { coverage, rule } = coverageOf(ticket, rules, firsts.some((s) => s.dissatisfied));
    const sampled = rule === 'sampled';
    const selected = rule === 'always' || (sampled && (await this.draws.decide(id, coverage, month, rules.share, this.deps.clock.now())));

    const hours = followupHours(policy);
    const timing = timingClass(ticket);
    const times = firstFollowupTimes(closedAt, timing, rules, hours, policy.timezone);
    const common = this.commonFields(ticket, closedAt, coverage, timing, sampled);
    if (selected && ticket.kind === 'repair' && ticket.report.repairKind === 'defect') {
      // Inserted before the first survey, whose id marks the closure as decided.
      const recheck = recheckTimes(closedAt, rules, hours, policy.timezone);
      await this.insert({ ...common, _id: `${id}r`, round: earlier.length + 1, stage: 'recheck', status: 'scheduled', ...recheck, nextAt: recheck.dueAt });
    }
    const decision = selected
      ? { status: 'scheduled' as const, ...times, nextAt: times.dueAt }
      : { status: 'skipped' as const, skipReason: rule === 'never' ? coverage : 'not_drawn' };
    // Followers are asked too, by the same decision (before the reporter's, whose id marks the closure as decided).
    if (selected) {
      for (const follower of ticket.followers ?? []) {
        await this.insert({ ...common, _id: `${id}f${follower.telegramId}`, residentId: follower.telegramId, follower: true, round: earlier.length + 1, stage: 'first', ...decision });
      }
    }
    await this.insert({ ...common, _id: id, round: earlier.length + 1, stage: 'first', ...decision });
    this.deps.log.info({ ref: ticket.ref, survey: id, coverage, selected }, 'follow-up decided');
    return selected;
  }

  /**
   * The first-stage surveys of the ticket's earlier closures, the reporter's and every
   * follower's, by `_id` from its log (the surveys collection is never scanned).
   */
  private async earlierSurveys(ticket: TicketState, beforeSeq: number): Promise<Pick<SurveyDoc, 'dissatisfied' | 'follower'>[]> {
    // A ticket closes again only after a reopening: never reopened, this is its first closure (most are; no log to read).
    if (ticket.reopenCount === 0) return [];
    const log = (await this.deps.tickets.history(ticket.ref)).filter((e) => e.seq < beforeSeq);
    const followers = [...new Set(log.flatMap((e) => dataOf(e, 'followed')?.follower.telegramId ?? []))];
    const ids = log.filter((e) => CLOSING_TYPES.includes(e.type)).flatMap((e) => [surveyIdOf(e), ...followers.map((id) => `${surveyIdOf(e)}f${id}`)]);
    const found = await Promise.all(ids.map((id) => this.followups.Survey.findById(id, { dissatisfied: 1, follower: 1 }).lean<Pick<SurveyDoc, 'dissatisfied' | 'follower'>>()));
    return found.filter((s): s is Pick<SurveyDoc, 'dissatisfied' | 'follower'> => s !== null);
  }

  private commonFields(ticket: TicketState, closedAt: Date, coverage: CoverageClass, timing: SurveyDoc['timing'], sampled: boolean) {
    const tz = this.deps.policy.timezone;
    return {
      ref: ticket.ref,
      kind: ticket.kind,
      department: ticket.department,
      category: categoryKey(ticket),
      building: ticket.resident.building ?? '',
      residentId: ticket.resident.telegramId,
      coverage,
      timing,
      sampled,
      month: localMonthKey(closedAt, tz),
      day: localDateKey(closedAt, tz),
      closedAt,
    };
  }

  private async insert(doc: SurveyDoc): Promise<void> {
    // The timer first (see src/followups/timers.ts): one without its survey is dropped when due.
    if (doc.nextAt) await this.timers.set(doc._id, doc.nextAt);
    try {
      await this.followups.Survey.create(doc);
    } catch (error) {
      // Another instance decided the same closure a moment earlier: same facts, keep theirs.
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
