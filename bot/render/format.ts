/** Small shared pieces of rendering: dates in the office's zone, names of policy entries. */
import type { Lang, OfficePolicy } from '../../src/config/office';
import { departmentById, findCategory } from '../../src/config/office';
import { formatDateTime, formatTime } from '../../src/time/zoned';
import type { TicketState, VisitPreference } from '../../src/tickets/types';
import type { Texts } from '../texts';

export function when(date: Date | string | undefined, policy: OfficePolicy, lang: Lang): string {
  return date ? formatDateTime(new Date(date), policy.timezone, lang) : '—';
}

export function slotLabel(slot: { slotStart?: Date | string; slotEnd?: Date | string }, policy: OfficePolicy, lang: Lang): string {
  if (!slot.slotStart || !slot.slotEnd) return '';
  return `${formatDateTime(new Date(slot.slotStart), policy.timezone, lang)}-${formatTime(new Date(slot.slotEnd), policy.timezone)}`;
}

export function visitLabel(visit: VisitPreference, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  return visit.asap || !visit.slotStart ? texts.t(lang, 'visit-asap') : slotLabel(visit, policy, lang);
}

export function departmentName(policy: OfficePolicy, id: string, lang: Lang): string {
  return departmentById(policy, id)?.name[lang] ?? id;
}

export function kindName(policy: OfficePolicy, kindId: string, lang: Lang): string {
  return policy.repairKinds.find((k) => k.id === kindId)?.name[lang] ?? kindId;
}

export function categoryName(policy: OfficePolicy, ticket: Pick<TicketState, 'report'>, lang: Lang): string {
  const { repairKind, category } = ticket.report;
  if (!repairKind || !category) return '';
  return findCategory(policy, repairKind, category)?.name[lang] ?? category;
}

export function priceLabel(price: { amount: number; unit: string; note?: string }, texts: Texts, lang: Lang): string {
  return texts.t(lang, 'price', { amount: String(price.amount), unit: price.unit, note: price.note ?? '' }).trim();
}
