/**
 * What a follower ("me too", or a linked duplicate's resident) is told about a ticket someone
 * else reported: the same changes the reporter hears of, in a follower's words — the category,
 * who of the staff works on it, times and the result — and never the reporter's or another
 * follower's name, phone, room, description or words. No Solved / Not solved: only the
 * reporter confirms.
 */
import type { Lang, OfficePolicy } from '../../src/config/office';
import type { TicketEvent, TicketState } from '../../src/tickets/types';
import type { TextArgs, Texts } from '../texts';
import { categoryName, departmentName, kindName, when } from './format';

/** "设备报修 · 电梯": what the ticket is about, from the office's own names only. */
export function followedWhat(ticket: TicketState, policy: OfficePolicy, lang: Lang): string {
  return [kindName(policy, ticket.report.repairKind ?? '', lang), categoryName(policy, ticket, lang)].filter(Boolean).join(' · ');
}

/** The change in a follower's words; null when a follower need not hear of it. */
function change(ticket: TicketState, event: TicketEvent, policy: OfficePolicy, t: (key: string, args?: TextArgs) => string, lang: Lang): string | null {
  const name = event.actor.name;
  switch (event.type) {
    case 'claimed':
      return t('follower-claimed', { name });
    case 'arrived':
      return t('follower-arrived', { name });
    case 'resolved':
      return t('follower-resolved', { name, result: event.text ?? '' });
    case 'confirmed':
    case 'auto_confirmed':
      return t('follower-closed');
    case 'reopened':
      return t('follower-reopened');
    case 'transferred':
      return t('follower-transferred', { department: departmentName(policy, ticket.department, lang) });
    case 'released':
      return t('follower-released');
    case 'reassigned':
      return t('follower-reassigned', { name: ticket.owner?.name ?? '' });
    case 'rescheduled':
      return t('follower-rescheduled', { until: when(ticket.waiting?.until, policy, lang) });
    case 'cancelled':
      return t('follower-cancelled');
    case 'closed_as_duplicate':
      return t('follower-duplicate', { of: event.data?.of ?? '' });
    default:
      return null;
  }
}

export function renderFollowerUpdate(ticket: TicketState, event: TicketEvent, policy: OfficePolicy, texts: Texts, lang: Lang): string | null {
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const what = change(ticket, event, policy, t, lang);
  return what === null ? null : t('follower-update', { ref: ticket.ref, what: followedWhat(ticket, policy, lang), change: what });
}
