/** What residents are told about their tickets, in their own language. */
import { InlineKeyboard } from 'grammy';
import type { Lang, OfficePolicy } from '../../src/config/office';
import { formatDuration } from '../../src/time/duration';
import type { TicketEvent, TicketState } from '../../src/tickets/types';
import { residentData } from '../callbacks';
import type { Texts } from '../texts';
import type { RenderedMessage } from './card';
import { departmentName, when } from './format';

export function renderAccepted(ticket: TicketState, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const responseMs = new Date(ticket.responseDueAt).getTime() - new Date(ticket.createdAt).getTime();
  return texts.t(lang, 'resident-accepted', {
    ref: ticket.ref,
    department: departmentName(policy, ticket.department, lang),
    response: formatDuration(responseMs, lang),
    resolution: when(ticket.resolutionDueAt, policy, lang),
  });
}

/** The message for one change of the ticket, or null when the resident need not hear of it. */
export function renderResidentUpdate(
  ticket: TicketState,
  event: TicketEvent,
  policy: OfficePolicy,
  texts: Texts,
  lang: Lang,
): RenderedMessage | null {
  const t = (key: string, args?: Parameters<Texts['t']>[2]) => texts.t(lang, key, args);
  switch (event.type) {
    case 'claimed':
      return { text: t('resident-claimed', { ref: ticket.ref, name: event.actor.name, onsite: when(ticket.onSiteDueAt, policy, lang) }) };
    case 'arrived':
      return { text: t('resident-arrived', { ref: ticket.ref, name: event.actor.name }) };
    case 'resolved': {
      const lines = [t('resident-resolved', { ref: ticket.ref, name: event.actor.name, result: event.text ?? '' })];
      if (ticket.result?.fee !== undefined && ticket.result.fee > 0) lines.push(t('resident-fee', { amount: String(ticket.result.fee) }));
      lines.push(t('resident-ask-confirm', { days: formatDuration(policy.confirmation.autoConfirmAfter, lang) }));
      const keyboard = new InlineKeyboard()
        .text(t('btn-solved'), residentData('ok', ticket.ref))
        .text(t('btn-not-solved'), residentData('no', ticket.ref));
      return { text: lines.join('\n'), keyboard };
    }
    case 'confirmed':
      return { text: t('resident-closed', { ref: ticket.ref }) };
    case 'reopened':
      return { text: t('resident-reopened', { ref: ticket.ref }) };
    default:
      return null;
  }
}
