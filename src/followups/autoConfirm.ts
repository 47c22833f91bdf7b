/**
 * Auto-confirmation: a resolved ticket the resident neither confirmed nor disputed within the
 * quiet period is confirmed for them (SPEC.md: 签字确认 or auto-confirmed). Found by the
 * (status, autoConfirmAt) range of the working set (open tickets only); the domain's event race makes one instance the
 * winner. The resident is told by the closure watcher, which reads the 'auto_confirmed' event
 * from the log: so a crash right after confirming loses no message.
 */
import { inParallel } from '../jobs/parallel';
import { isWithinHours } from '../policy/hours';
import type { TicketState } from '../tickets/types';
import { followupHours, followupPolicy } from './config';
import type { FollowupDeps } from './deps';

export class AutoConfirmJob {
  constructor(private readonly deps: FollowupDeps) {}

  /** Confirms what is due; returns how many this instance confirmed. */
  async tick(): Promise<{ confirmed: number }> {
    const { models, clock, policy, tickets, log } = this.deps;
    const now = clock.now();
    // The resident is messaged about it, so not at night: a quiet period of "at least three
    // days" ends at the next opening instead.
    if (!isWithinHours(now, followupHours(policy), policy.timezone)) return { confirmed: 0 };
    const rules = followupPolicy(policy);
    // The working set's copy is the whole state: the confirmation starts from it instead of loading the ticket again.
    const due = await models.LiveTicket.find({ status: 'resolved', autoConfirmAt: { $lte: now } }, { ref: 1, state: 1 })
      .sort({ autoConfirmAt: 1 })
      .limit(rules.batch)
      .lean<{ ref: string; state?: TicketState }[]>();
    const outcomes = await inParallel(due, policy.scheduler.parallel, async ({ ref, state }) => {
      const result = await tickets.autoConfirm(ref, state);
      // Lost to another instance, or the resident answered a moment ago.
      if (result.ok) log.info({ ref }, 'ticket auto-confirmed');
      return result.ok;
    });
    return { confirmed: outcomes.filter(Boolean).length };
  }
}
