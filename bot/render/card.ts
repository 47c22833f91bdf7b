/**
 * The staff card: one rendering used for posting and for every edit, so a card always looks
 * the same. The resident's name, phone and room stay off it until someone has claimed it,
 * and even then only when the office's config puts contacts on cards.
 */
import { InlineKeyboard } from 'grammy';
import type { OfficePolicy } from '../../src/config/office';
import { formatBuildingUnit, formatAddress } from '../../src/people/address';
import type { TicketState } from '../../src/tickets/types';
import { staffData } from '../callbacks';
import { escapeHtml, html } from '../html';
import type { Texts } from '../texts';
import { categoryName, departmentName, kindName, visitLabel, when } from './format';

export interface RenderedMessage {
  text: string;
  keyboard?: InlineKeyboard;
}

export function renderCard(ticket: TicketState, policy: OfficePolicy, texts: Texts): RenderedMessage {
  const lang = policy.language;
  const t = (key: string, args?: Parameters<Texts['t']>[2]) => texts.t(lang, key, args);
  const r = ticket.report;
  const lines: string[] = [
    t('card-title', { ref: ticket.ref, kind: kindName(policy, r.repairKind, lang) }),
    t('card-category', { category: categoryName(policy, ticket, lang), department: departmentName(policy, ticket.department, lang) }),
    t('card-priority', { priority: t(`priority-${ticket.priority}`) }),
  ];
  if (r.agreedPrice) {
    lines.push(t('card-fee-agreed', { price: texts.t(lang, 'price', { amount: String(r.agreedPrice.amount), unit: r.agreedPrice.unit, note: r.agreedPrice.note ?? '' }).trim() }));
  }
  const place = formatBuildingUnit({ building: ticket.resident.building, unit: ticket.resident.unit }, lang);
  lines.push(r.atHome ? t('card-location-home', { place }) : t('card-location', { location: r.location, place }));
  lines.push(t('card-description', { description: r.description }));
  if (r.media.length > 0) lines.push(t('card-media', { count: r.media.length }));
  lines.push(t('card-visit', { visit: visitLabel(r.visit, policy, texts, lang) }));
  lines.push(t('card-due', { response: when(ticket.responseDueAt, policy, lang), resolution: when(ticket.resolutionDueAt, policy, lang) }));
  lines.push('');
  lines.push(statusLine(ticket, policy, texts));
  if (ticket.owner && policy.contactOnCard) {
    lines.push(
      t('card-contact', {
        name: ticket.resident.name,
        phone: ticket.resident.phone,
        address: formatAddress(ticket.resident, lang),
      }),
    );
  }
  if (ticket.result && (ticket.status === 'resolved' || ticket.status === 'closed')) {
    lines.push(t('card-result', { result: ticket.result.text }));
    if (ticket.result.fee !== undefined) lines.push(t('card-fee-charged', { amount: String(ticket.result.fee) }));
  }
  return { text: lines.join('\n'), keyboard: cardKeyboard(ticket, texts, policy) };
}

function statusLine(ticket: TicketState, policy: OfficePolicy, texts: Texts): string {
  const lang = policy.language;
  const owner = ticket.owner?.name ?? '';
  const args = { owner, at: when(ticket.lastEventAt, policy, lang), onsite: when(ticket.onSiteDueAt, policy, lang), count: ticket.reopenCount };
  return texts.t(lang, `card-status-${ticket.status}`, args);
}

function cardKeyboard(ticket: TicketState, texts: Texts, policy: OfficePolicy): InlineKeyboard | undefined {
  const lang = policy.language;
  const kb = new InlineKeyboard();
  switch (ticket.status) {
    case 'open':
      return kb.text(texts.t(lang, 'btn-claim'), staffData('claim', ticket.ref));
    case 'claimed':
    case 'reopened':
      return kb.text(texts.t(lang, 'btn-arrived'), staffData('arr', ticket.ref)).text(texts.t(lang, 'btn-resolve'), staffData('res', ticket.ref));
    case 'on_site':
      return kb.text(texts.t(lang, 'btn-resolve'), staffData('res', ticket.ref));
    default:
      return undefined;
  }
}

/** What the claimant receives privately: the contact the card withholds. */
export function renderContact(ticket: TicketState, policy: OfficePolicy, texts: Texts): string {
  const lang = policy.language;
  return texts.t(lang, 'contact-for-claimant', {
    ref: ticket.ref,
    name: ticket.resident.name,
    phone: ticket.resident.phone,
    address: formatAddress(ticket.resident, lang),
    location: ticket.report.atHome ? html(escapeHtml(formatAddress(ticket.resident, lang))) : ticket.report.location,
  });
}
