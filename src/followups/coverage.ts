/** Which follow-up rules apply to a closed ticket: its coverage class and its timing row. */
import type { TicketState } from '../tickets/types';
import type { Coverage, CoverageClass, FollowupPolicy, TimingClass } from './config';

/**
 * The coverage class of a closed ticket. Order matters: anonymity outranks everything (no
 * follow-up, ever), and a paid defect repair is a paid service (the stricter timing).
 * `rework` is decided by the caller, who knows the ticket's survey history.
 */
export function coverageClass(ticket: TicketState): Exclude<CoverageClass, 'rework'> {
  if (ticket.anonymous) return 'anonymous';
  switch (ticket.kind) {
    case 'emergency':
      return 'emergency';
    case 'inquiry':
      return 'inquiry';
    case 'complaint': {
      const cls = ticket.complaint?.class;
      if (cls === 'invalid') return 'invalid';
      if (cls === 'help' || cls === 'inquiry' || cls === 'venting') return 'help';
      // Valid, major, or closed before anyone classified it: treated as the office failing a duty.
      return 'complaint';
    }
    case 'repair':
      if (ticket.report.agreedPrice || (ticket.result?.fee ?? 0) > 0) return 'paid';
      if (ticket.report.repairKind === 'defect') return 'defect';
      return 'repair';
    case 'task':
      // Staff's internal tasks are never followed up (closures.ts skips them before asking).
      throw new Error(`internal task ${ticket.ref} has no follow-up coverage`);
  }
}

/** The row of SPEC.md's timing table ("complaint within 3 days, repair within 5, …"). */
export function timingClass(ticket: TicketState): TimingClass {
  if (ticket.kind === 'complaint') return 'complaint';
  if (ticket.kind === 'emergency') return 'emergency';
  if (ticket.kind === 'inquiry') return 'other';
  if (ticket.report.agreedPrice || (ticket.result?.fee ?? 0) > 0) return 'paid';
  return 'repair';
}

/** A short category id for figures and repeat detection: 'defect/waterproof', 'complaint/staff', 'emergency/flood'. */
export function categoryKey(ticket: Pick<TicketState, 'kind' | 'report' | 'complaint' | 'emergency'>): string {
  switch (ticket.kind) {
    case 'repair':
      return `${ticket.report.repairKind ?? ''}/${ticket.report.category ?? ''}`;
    case 'complaint':
      return `complaint/${ticket.complaint?.subject ?? 'other'}`;
    case 'emergency':
      return `emergency/${ticket.emergency?.what ?? 'other'}`;
    case 'inquiry':
      return 'inquiry';
    case 'task':
      return `task/${ticket.report.category ?? 'other'}`;
  }
}

/**
 * The rule for one closure. After a dissatisfied answer the rework is always followed up
 * (`rework`), except for the anonymous, who were never asked in the first place.
 */
export function coverageOf(ticket: TicketState, rules: Pick<FollowupPolicy, 'coverage'>, afterDissatisfied: boolean): { coverage: CoverageClass; rule: Coverage } {
  const base = coverageClass(ticket);
  const coverage: CoverageClass = afterDissatisfied && base !== 'anonymous' ? 'rework' : base;
  return { coverage, rule: rules.coverage[coverage] };
}
