/**
 * The staff card: one rendering used for posting and for every edit, so a card looks the
 * same wherever it is. The resident's name, phone and room never appear before a claim
 * (after it only with `contactOnCard`), never for anonymous complaints, and always for
 * emergencies, where finding the person matters more.
 */
import type { InlineKeyboard } from 'grammy';
import type { OfficePolicy } from '../../src/config/office';
import { formatAddress, formatBuildingUnit } from '../../src/people/address';
import { nextOpening } from '../../src/policy/hours';
import { formatTime } from '../../src/time/zoned';
import type { TicketState } from '../../src/tickets/types';
import { escapeHtml, html } from '../html';
import type { TextArgs, Texts } from '../texts';
import { cardKeyboard } from './cardKeyboard';
import { affectedCount } from '../../src/followers/service';
import { categoryName, departmentName, kindName, priceLabel, visitLabel, when } from './format';
import { taskCardLines } from './task';

export interface RenderedMessage {
  text: string;
  keyboard?: InlineKeyboard;
}

/** Building, and the unit when staff may see it; never the room. */
export function placeOf(ticket: TicketState, policy: OfficePolicy): string {
  const { building, unit } = ticket.resident;
  return formatBuildingUnit({ building, unit: ticket.showUnit ? unit : undefined }, policy.language);
}

function headLines(ticket: TicketState, policy: OfficePolicy, texts: Texts): string[] {
  const lang = policy.language;
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const r = ticket.report;
  const place = placeOf(ticket, policy);
  switch (ticket.kind) {
    case 'repair': {
      const lines = [
        t('card-title', { ref: ticket.ref, kind: kindName(policy, r.repairKind ?? '', lang) }),
        t('card-category', { category: categoryName(policy, ticket, lang), department: departmentName(policy, ticket.department, lang) }),
        t('card-priority', { priority: t(`priority-${ticket.priority}`) }),
      ];
      if (r.agreedPrice) lines.push(t('card-fee-agreed', { price: priceLabel(r.agreedPrice, texts, lang) }));
      lines.push(r.atHome ? t('card-location-home', { place }) : t('card-location', { location: r.location, place }));
      lines.push(t('card-description', { description: r.description }));
      if (r.media.length > 0) lines.push(t('card-media', { count: r.media.length }));
      if (r.visit) lines.push(t('card-visit', { visit: visitLabel(r.visit, policy, texts, lang) }));
      return lines;
    }
    case 'complaint': {
      const c = ticket.complaint!;
      const lines = [
        t('card-complaint-title', { ref: ticket.ref, department: departmentName(policy, ticket.department, lang) }),
        t('card-complaint-subject', { subject: t(`complaint-subject-${c.subject}`) }),
      ];
      if (c.staffDepartment) lines.push(t('card-complaint-staff-department', { department: departmentName(policy, c.staffDepartment, lang) }));
      lines.push(ticket.anonymous ? t('card-complaint-anonymous', { place }) : t('card-complaint-resident', { place }));
      lines.push(t('card-complaint-when', { when: c.when, where: r.location }));
      lines.push(t('card-description', { description: r.description }));
      lines.push(t('card-complaint-wants', { wants: c.wants }));
      if (r.media.length > 0) lines.push(t('card-media', { count: r.media.length }));
      if (c.class) lines.push(t('card-complaint-class', { class: t(`complaint-class-${c.class}`), by: c.classifiedBy?.name ?? '' }));
      if (c.firstAnswerDueAt) lines.push(t('card-complaint-first-answer', { due: when(c.firstAnswerDueAt, policy, lang) }));
      return lines;
    }
    case 'emergency': {
      // An emergency is never hidden: whoever can help must be able to call and find the resident.
      const { name, phone, building, room } = ticket.resident;
      const address = building && room ? formatAddress(ticket.resident, lang) : t('card-emergency-no-address');
      return [
        t('card-emergency-title', { ref: ticket.ref, what: t(`emergency-${ticket.emergency!.what}`) }),
        t('card-emergency-where', { location: r.location || address }),
        t('card-emergency-contact', { name, phone: phone || t('card-emergency-no-phone'), address }),
      ];
    }
    case 'inquiry': {
      const lines = [
        t('card-inquiry-title', { ref: ticket.ref, department: departmentName(policy, ticket.department, lang) }),
        t('card-inquiry-resident', { place }),
        t('card-description', { description: r.description }),
      ];
      if (r.media.length > 0) lines.push(t('card-media', { count: r.media.length }));
      return lines;
    }
    case 'task':
      return taskCardLines(ticket, policy, texts);
  }
}

export function renderCard(ticket: TicketState, policy: OfficePolicy, texts: Texts): RenderedMessage {
  const lang = policy.language;
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const lines = headLines(ticket, policy, texts);
  if (ticket.transferredFrom) lines.push(t('card-transferred-from', { department: departmentName(policy, ticket.transferredFrom, lang) }));
  if (ticket.repeatOf) lines.push(t('card-repeat-of', { of: ticket.repeatOf }));
  // Followers as a number only: their contacts go privately to whoever claims (renderContact).
  if (ticket.followers?.length) lines.push(t('card-affected', { count: affectedCount(ticket) }));
  if (ticket.duplicateOf) lines.push(t('card-duplicate-of', { of: ticket.duplicateOf }));
  if (ticket.nightIntake && ticket.kind !== 'emergency') {
    const opens = nextOpening(new Date(ticket.createdAt), policy.frontDesk, policy.timezone);
    lines.push(t('card-night', { opens: when(opens, policy, lang) }));
  }
  lines.push(t('card-due', { response: when(ticket.responseDueAt, policy, lang), resolution: when(ticket.resolutionDueAt, policy, lang) }));
  if (ticket.waiting) {
    lines.push(t(ticket.waiting.parts ? 'card-waiting-parts' : 'card-rescheduled', { reason: ticket.waiting.reason, until: when(ticket.waiting.until, policy, lang) }));
  }
  lines.push('');
  lines.push(statusLine(ticket, policy, texts));
  if (ticket.owner && policy.contactOnCard && !ticket.anonymous && ticket.kind !== 'emergency' && ticket.kind !== 'task') {
    lines.push(t('card-contact', { name: ticket.resident.name, phone: ticket.resident.phone, address: formatAddress(ticket.resident, lang) }));
  }
  if (ticket.result && (ticket.status === 'resolved' || ticket.status === 'closed')) {
    const result = { result: ticket.result.text };
    lines.push(ticket.kind === 'inquiry' ? t('card-answer', result) : t('card-result', result));
    if (ticket.result.fee !== undefined) lines.push(t('card-fee-charged', { amount: String(ticket.result.fee) }));
  }
  return { text: lines.join('\n'), keyboard: cardKeyboard(ticket, texts, policy) };
}

function statusLine(ticket: TicketState, policy: OfficePolicy, texts: Texts): string {
  const lang = policy.language;
  const args = {
    owner: ticket.owner?.name ?? '',
    at: when(ticket.lastEventAt, policy, lang),
    onsite: ticket.onSiteDueAt ? formatTime(new Date(ticket.onSiteDueAt), policy.timezone) : '—',
    count: ticket.reopenCount,
  };
  if (ticket.kind === 'inquiry' && ticket.status === 'reopened') return texts.t(lang, 'card-status-inquiry-reopened', args);
  // Complaints and inquiries are answered, not visited: no on-site time.
  if (ticket.status === 'claimed' && !ticket.onSiteDueAt) return texts.t(lang, 'card-status-claimed-answer', args);
  return texts.t(lang, `card-status-${ticket.status}`, args);
}

/** What the claimant receives privately: the contact the card withholds. */
export function renderContact(ticket: TicketState, policy: OfficePolicy, texts: Texts): string {
  const lang = policy.language;
  const followers = (ticket.followers ?? []).map((f) =>
    texts.t(lang, 'contact-follower', { name: f.name, phone: f.phone, address: formatAddress(f, lang) }),
  );
  const reporter = texts.t(lang, 'contact-for-claimant', {
    ref: ticket.ref,
    name: ticket.resident.name,
    phone: ticket.resident.phone,
    address: formatAddress(ticket.resident, lang),
    location: ticket.report.atHome ? html(escapeHtml(formatAddress(ticket.resident, lang))) : ticket.report.location,
  });
  return followers.length > 0 ? [reporter, texts.t(lang, 'contact-followers-title', { count: followers.length }), ...followers].join('\n') : reporter;
}
