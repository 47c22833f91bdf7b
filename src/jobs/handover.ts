/**
 * 交接班: when the front desk opens, the tickets received overnight and still unclaimed are
 * listed in the front desk's group. Runs from the scheduler's tick; exactly once per day
 * even with several bot instances (a unique insert decides).
 */
import type { Clock } from '../clock';
import type { OfficePolicy } from '../config/office';
import type { Models } from '../db/models';
import { isWithinHours } from '../policy/hours';
import { localDateKey, localParts, parseHHMM, zonedTime } from '../time/zoned';
import type { TicketService } from '../tickets/service';
import type { TicketState } from '../tickets/types';
import { claimOnce } from './once';

/** The adapter's side: posts the list (rendered in the office's language) to the front desk. */
export type HandoverDelivery = (tickets: TicketState[], openedAt: Date) => Promise<void>;

export interface HandoverDeps {
  models: Models;
  clock: Clock;
  policy: OfficePolicy;
  tickets: TicketService;
  deliver: HandoverDelivery;
  /** How late after opening a missed tick may still hand over (a restart at 08:03 still does). */
  graceMs: number;
}

/** Today's opening instant of the front desk, in the office's zone. */
function openingToday(now: Date, policy: OfficePolicy): Date {
  const { year, month, day } = localParts(now, policy.timezone);
  const { hour, minute } = parseHHMM(policy.frontDesk.start);
  return zonedTime(policy.timezone, year, month, day, hour, minute);
}

export class HandoverJob {
  constructor(private readonly deps: HandoverDeps) {}

  /** Hands over if the front desk opened within the grace period and nobody has yet. */
  async runIfDue(): Promise<'handed_over' | 'not_due' | 'already_done'> {
    const { clock, policy, models } = this.deps;
    const now = clock.now();
    const opened = openingToday(now, policy);
    if (now < opened || now.getTime() - opened.getTime() > this.deps.graceMs || !isWithinHours(now, policy.frontDesk, policy.timezone)) return 'not_due';
    if (!(await claimOnce(models, `handover:${localDateKey(opened, policy.timezone)}`, now))) return 'already_done';
    // Overnight: since the desk closed, which is a day before it opened again at most.
    const since = new Date(opened.getTime() - 24 * 3600_000);
    const overnight = (await this.deps.tickets.listNightUnclaimed(since)).filter((t) => new Date(t.createdAt) < opened);
    await this.deps.deliver(overnight, opened);
    return 'handed_over';
  }
}

