/**
 * The scheduler's time-limit work, one class per job, each run from the scheduler's tick:
 * - LimitAlertJob: reminders, head and manager escalations (rules.ts);
 * - ReannounceJob: unclaimed tickets announced again in their group;
 * - NoProgressReleaseJob: claimed tickets nobody works on go back to the pool;
 * - WeeklyProgressJob: a word to the resident every week a ticket stays open.
 *
 * Exactly once, with any number of instances: each alert is an event recorded once per key
 * (tickets.recordOnce: a unique claim, then the event); who hears of it follows from the event
 * (src/reactions, LIMIT_LEVELS) and is written with it, so nothing is sent or recorded twice.
 */
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import type { Models } from '../db/models';
import { perTicketInParallel } from '../jobs/parallel';
import { isWithinHours } from '../policy/hours';
import type { DomainLogger, TicketService } from '../tickets/service';
import type { EventDataByType, TicketState } from '../tickets/types';
import { alertsDue, announcementDue, announcementKey, lookaheads, progressKey, progressWeekDue, releaseDue, type DueAlert } from './rules';
import type { TimeLimitSettings } from './settings';
import { LimitStore, uniqueTickets } from './store';

/** The adapter's side (bot/limits/notices.ts): lines for the office's record, in its language. */
export interface LimitRecords {
  /** Who was reminded or alerted, for the event's text. */
  describe(ticket: TicketState, alert: DueAlert): Promise<string>;
  /** Why the scheduler released it. */
  releaseReason(ticket: TicketState): string;
}

export interface LimitJobDeps {
  models: Models;
  clock: Clock;
  policy: OfficePolicy;
  settings: TimeLimitSettings;
  tickets: TicketService;
  records: LimitRecords;
  log: DomainLogger & { error(obj: object, msg?: string): void };
  store?: LimitStore;
}

interface Pending {
  ticket: TicketState;
  key: string;
}

/** Records the not-yet-done items, each once per key; what they cause follows from the events. Returns how many this instance recorded. */
async function recordOnce<T extends Pending, E extends 'reminded' | 'escalated' | 'reannounced' | 'progress_sent'>(
  deps: LimitJobDeps,
  store: LimitStore,
  items: T[],
  record: (item: T) => Promise<{ type: E; text?: string; data: EventDataByType[E] }>,
): Promise<number> {
  const done = await store.done(items.map((i) => i.key));
  const pending = items.filter((i) => !done.has(i.key));
  const recorded = await perTicketInParallel(pending, (item) => item.ticket.ref, deps.policy.scheduler.parallel, async (item) => {
    try {
      const { type, text, data } = await record(item);
      const result = await deps.tickets.recordOnce(item.ticket.ref, item.key, type, { text, data });
      return result !== 'done' && result.ok;
    } catch (error) {
      // One ticket's failure (a chat gone) must not hold up the others; the next tick retries it.
      deps.log.error({ err: error, ref: item.ticket.ref, key: item.key }, 'time-limit notice failed');
      return false;
    }
  });
  return recorded.filter(Boolean).length;
}

abstract class LimitJob {
  protected readonly store: LimitStore;

  constructor(protected readonly deps: LimitJobDeps) {
    this.store = deps.store ?? new LimitStore(deps.models);
  }

  abstract run(): Promise<unknown>;
}

export class LimitAlertJob extends LimitJob {
  async run(): Promise<{ due: number; sent: number }> {
    const { clock, policy, settings } = this.deps;
    const now = clock.now();
    const ahead = lookaheads(policy, settings);
    const by = (ms: number) => new Date(now.getTime() + ms);
    const candidates = uniqueTickets(
      await Promise.all([
        this.store.responseDueBy(by(ahead.response)),
        this.store.onSiteDueBy(by(ahead.onSite)),
        this.store.resolutionDueBy(by(ahead.resolution)),
        this.store.firstAnswerDueBy(by(ahead.firstAnswer)),
      ]),
    );
    const majors = candidates.filter((t) => t.complaint?.class === 'major' && t.complaint.firstAnswerDueAt).map((t) => t.ref);
    const answered = await this.store.firstAnswered(majors);
    const due = candidates.flatMap((ticket) =>
      alertsDue(ticket, now, policy, settings, { firstAnswered: answered.has(ticket.ref) }).map((alert) => ({ ticket, key: alert.key, alert })),
    );
    const sent = await recordOnce(this.deps, this.store, due, async ({ ticket, alert }) => ({
      type: alert.level === 'remind' ? 'reminded' : 'escalated',
      text: await this.deps.records.describe(ticket, alert),
      data: { limit: alert.limit, level: alert.level, due: alert.due },
    }));
    return { due: due.length, sent };
  }
}

export class ReannounceJob extends LimitJob {
  async run(): Promise<{ due: number; sent: number }> {
    const { clock, settings } = this.deps;
    const now = clock.now();
    const shortest = Math.min(settings.reannounceAfter, settings.emergencyReannounceEvery);
    const unclaimed = await this.store.unclaimedSince(new Date(now.getTime() - shortest));
    const since = await this.store.openSince(unclaimed.map((t) => t.ref));
    const due = unclaimed.flatMap((ticket) => {
      const openSince = since.get(ticket.ref) ?? new Date(ticket.createdAt);
      const number = announcementDue(ticket, openSince, now, settings);
      return number > 0 ? [{ ticket, number, openSince, key: announcementKey(ticket.ref, openSince, number) }] : [];
    });
    const sent = await recordOnce(this.deps, this.store, due, async (item) => ({ type: 'reannounced', data: { number: item.number, openSince: item.openSince } }));
    return { due: due.length, sent };
  }
}

export class NoProgressReleaseJob extends LimitJob {
  async run(): Promise<{ released: number }> {
    const { clock, settings, tickets, records } = this.deps;
    const now = clock.now();
    const candidates = await this.store.claimedOnSiteBefore(new Date(now.getTime() - settings.noProgressRelease));
    let released = 0;
    for (const ticket of candidates.filter((t) => releaseDue(t, now, settings))) {
      try {
        // The domain decides the race: a second instance (or an Arrived a moment ago) is refused.
        const result = await tickets.autoRelease(ticket.ref, records.releaseReason(ticket));
        if (result.ok) released++;
      } catch (error) {
        this.deps.log.error({ err: error, ref: ticket.ref }, 'automatic release failed');
      }
    }
    return { released };
  }
}

export class WeeklyProgressJob extends LimitJob {
  async run(): Promise<{ due: number; sent: number } | 'night'> {
    const { clock, policy, settings } = this.deps;
    const now = clock.now();
    // A resident hears from the office in daytime: a week that ends at 3 a.m. is told at opening.
    if (!isWithinHours(now, policy.frontDesk, policy.timezone)) return 'night';
    const open = await this.store.liveSince(new Date(now.getTime() - settings.weeklyProgressEvery));
    const due = open.flatMap((ticket) => {
      const week = progressWeekDue(ticket, now, settings);
      return week > 0 ? [{ ticket, week, key: progressKey(ticket.ref, week) }] : [];
    });
    const sent = await recordOnce(this.deps, this.store, due, async (item) => ({ type: 'progress_sent', data: { week: item.week } }));
    return { due: due.length, sent };
  }
}
