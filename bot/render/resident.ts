/** What residents are told about their tickets, in their own language. */
import { InlineKeyboard } from 'grammy';
import type { Lang, OfficePolicy } from '../../src/config/office';
import { formatDuration } from '../../src/time/duration';
import type { TicketEvent, TicketState } from '../../src/tickets/types';
import { residentData } from '../callbacks';
import type { TextArgs, Texts } from '../texts';
import type { RenderedMessage } from './card';
import { departmentName, when } from './format';
import { renderTaskUpdate } from './task';

export function renderAccepted(ticket: TicketState, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const responseMs = new Date(ticket.responseDueAt).getTime() - new Date(ticket.createdAt).getTime();
  return texts.t(lang, `resident-accepted-${ticket.kind}`, {
    ref: ticket.ref,
    department: departmentName(policy, ticket.department, lang),
    response: formatDuration(responseMs, lang),
    resolution: when(ticket.resolutionDueAt, policy, lang),
  });
}

/** Solved / Not solved — for an answered inquiry: Close / Ask once more. */
function confirmKeyboard(ticket: TicketState, t: (key: string) => string): InlineKeyboard {
  const inquiry = ticket.kind === 'inquiry';
  return new InlineKeyboard()
    .text(t(inquiry ? 'btn-inquiry-close' : 'btn-solved'), residentData('ok', ticket.ref))
    .text(t(inquiry ? 'btn-inquiry-more' : 'btn-not-solved'), residentData('no', ticket.ref));
}

/** The message for one change of the ticket, or null when the resident need not hear of it. */
export function renderResidentUpdate(
  ticket: TicketState,
  event: TicketEvent,
  policy: OfficePolicy,
  texts: Texts,
  lang: Lang,
): RenderedMessage | null {
  // The filer of an internal task is a colleague: told in a colleague's words.
  if (ticket.kind === 'task') return renderTaskUpdate(ticket, event, policy, texts, lang);
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const plain = (key: string) => texts.plain(lang, key);
  const ref = ticket.ref;
  const name = event.actor.name;
  switch (event.type) {
    case 'claimed':
      if (ticket.kind === 'repair') return { text: t('resident-claimed', { ref, name, onsite: when(ticket.onSiteDueAt, policy, lang) }) };
      if (ticket.kind === 'emergency') return { text: t('resident-claimed-emergency', { ref, name }) };
      return { text: t('resident-claimed-other', { ref, name }) };
    case 'arrived':
      return { text: t('resident-arrived', { ref, name }) };
    case 'resolved': {
      const key = ticket.kind === 'inquiry' ? 'resident-answered' : ticket.kind === 'complaint' ? 'resident-complaint-answered' : 'resident-resolved';
      const lines = [t(key, { ref, name, result: event.text ?? '' })];
      if (ticket.result?.fee !== undefined && ticket.result.fee > 0) lines.push(t('resident-fee', { amount: String(ticket.result.fee) }));
      lines.push(t(ticket.kind === 'inquiry' ? 'resident-ask-close' : 'resident-ask-confirm', { days: formatDuration(policy.confirmation.autoConfirmAfter, lang) }));
      return { text: lines.join('\n'), keyboard: confirmKeyboard(ticket, plain) };
    }
    case 'confirmed':
      return { text: t('resident-closed', { ref }) };
    case 'reopened':
      return { text: t(ticket.kind === 'inquiry' ? 'resident-inquiry-reopened' : 'resident-reopened', { ref }) };
    case 'transferred':
      return { text: t('resident-transferred', { ref, department: departmentName(policy, ticket.department, lang) }) };
    case 'released':
      return { text: t('resident-released', { ref }) };
    case 'reassigned':
      return { text: t('resident-reassigned', { ref, name: ticket.owner?.name ?? '' }) };
    case 'rescheduled':
      return {
        text: t(ticket.waiting?.parts ? 'resident-waiting-parts' : 'resident-rescheduled', {
          ref,
          reason: event.text ?? '',
          until: when(ticket.waiting?.until, policy, lang),
        }),
      };
    case 'note_added':
      return event.data?.toResident ? { text: t('resident-note', { ref, name, note: event.text ?? '' }) } : null;
    case 'cancelled':
      return { text: t('resident-cancelled', { ref }) };
    case 'closed_as_duplicate':
      return { text: t('resident-duplicate', { ref, of: event.data?.of ?? '' }) };
    case 'classified': {
      const cls = ticket.complaint?.class;
      if (cls === 'invalid') {
        return {
          text: [t('resident-classified-invalid', { ref, explanation: event.text ?? '' }), t('resident-ask-confirm', { days: formatDuration(policy.confirmation.autoConfirmAfter, lang) })].join('\n'),
          keyboard: confirmKeyboard(ticket, plain),
        };
      }
      const due = cls === 'major' ? ticket.complaint?.firstAnswerDueAt ?? ticket.resolutionDueAt : ticket.resolutionDueAt;
      return { text: t('resident-classified', { ref, due: when(due, policy, lang) }) };
    }
    default:
      return null;
  }
}
