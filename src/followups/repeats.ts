/**
 * 二次投诉 / repeated repairs: the same resident reporting the same category at the same place
 * again within the configured window. New reports are read from the event log ('created'
 * since the watermark); the earlier ones by the (residentId, createdAt) index. A repeat is
 * flagged on the ticket (the card shows it) and the managers are alerted, once per ticket.
 */
import { inParallel } from '../jobs/parallel';
import { claimOnce } from '../jobs/once';
import type { RecentEvent } from '../tickets/recentEvents';
import type { TicketState } from '../tickets/types';
import { followupPolicy } from './config';
import { categoryKey } from './coverage';
import type { FollowupDeps } from './deps';
import { EventScan } from './eventScan';
import { ensureFollowupIndexes, followupModels } from './model';

/** What "the same place" compares: the resident's own flat, or the typed place without spaces and punctuation. */
export function placeKey(ticket: Pick<TicketState, 'report'>): string {
  if (ticket.report.atHome) return 'home';
  return (ticket.report.location ?? '').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Emergencies are events, not recurring faults, and an inquiry is a question: neither repeats. */
export function canRepeat(ticket: Pick<TicketState, 'kind'>): boolean {
  return ticket.kind === 'repair' || ticket.kind === 'complaint';
}

export function isRepeatOf(later: TicketState, earlier: TicketState): boolean {
  if (earlier.ref === later.ref || earlier.kind !== later.kind || earlier.status === 'cancelled') return false;
  const place = placeKey(later);
  return place !== '' && categoryKey(earlier) === categoryKey(later) && placeKey(earlier) === place;
}

export class RepeatDetector {
  private readonly scan: EventScan;

  constructor(private readonly deps: FollowupDeps) {
    const rules = followupPolicy(deps.policy);
    this.scan = new EventScan(deps.models, followupModels(deps.models), {
      name: 'repeats',
      types: ['created'],
      overlap: rules.scanOverlap,
      firstRunLookback: rules.firstRunLookback,
      batch: rules.batch,
    });
  }

  async tick(): Promise<{ flagged: number }> {
    await ensureFollowupIndexes(this.deps.models);
    const { events, commit } = await this.scan.next(this.deps.clock.now());
    // Each new report is checked against its own resident's earlier ones: independent, side by side.
    const flagged = await inParallel(events, this.deps.policy.scheduler.parallel, (event) => this.check(event));
    await commit();
    return { flagged: flagged.filter(Boolean).length };
  }

  private async check(recent: RecentEvent): Promise<boolean> {
    // The created event holds the whole initial ticket: no need to load the ticket unless it repeats.
    const reported = (await this.deps.tickets.event(recent.ref, recent.seq))?.data as unknown as TicketState | undefined;
    if (!reported || !canRepeat(reported)) return false;
    const createdAt = new Date(recent.at);
    const window = followupPolicy(this.deps.policy).repeatWindow;
    const candidates = (await this.deps.tickets.listForResidentBetween(reported.resident.telegramId, new Date(createdAt.getTime() - window), createdAt)).slice(0, 50);
    const earlier = candidates.find((t) => isRepeatOf({ ...reported, ref: recent.ref }, t));
    if (!earlier) return false;
    if (!(await claimOnce(this.deps.models, `fu:repeat:${recent.ref}`, this.deps.clock.now()))) return false;
    const result = await this.deps.tickets.flagRepeat(recent.ref, earlier.ref, new Date(earlier.createdAt));
    if (!result.ok) return false;
    this.deps.log.info({ ref: recent.ref, of: earlier.ref }, 'repeat report flagged');
    return true;
  }
}
