/**
 * Shared pieces of the time-limit messages: limit names, a ticket's one-line "what",
 * mentions, the approval buttons and their callback data (`lim:ext:<ref>[:<ms>]`,
 * `lim:back:<ref>`; the longest, `lim:ext:BX-20261122-0071:604800000`, is 34 bytes).
 */
import { departmentById, type Lang } from '../../src/config/office';
import type { LimitId } from '../../src/limits/rules';
import { formatDuration } from '../../src/time/duration';
import type { TicketEventType, TicketState } from '../../src/tickets/types';
import type { AppServices } from '../context';
import { ticketKindLabel } from '../features/myTickets';
import { escapeHtml, html, type Html } from '../html';
import type { Texts } from '../texts';
import { REF_SOURCE } from '../../src/tickets/reference';

const REF = `(${REF_SOURCE})`;
/** Approve (no argument: offer the choices) or extend by <ms>. */
export const EXTEND_CALLBACK = new RegExp(`^lim:ext:${REF}(?::(\\d{1,12}))?$`);
export const BACK_CALLBACK = new RegExp(`^lim:back:${REF}$`);
export const extendData = (ref: string, ms?: number) => (ms === undefined ? `lim:ext:${ref}` : `lim:ext:${ref}:${ms}`);
export const backData = (ref: string) => `lim:back:${ref}`;

export type Buttons = { text: string; data?: string }[][];

const LIMIT_NAME: Record<LimitId, string> = {
  response: 'lim-name-response',
  onSite: 'lim-name-on-site',
  resolution: 'lim-name-resolution',
  firstAnswer: 'lim-name-first-answer',
};

export function limitName(texts: Texts, lang: Lang, limit: LimitId): string {
  return texts.plain(lang, LIMIT_NAME[limit]);
}

/** Kind and category, plus the start of the description: enough to know which ticket it is. */
export function ticketWhat(ticket: TicketState, services: AppServices, lang: Lang, max = 20): string {
  const label = ticketKindLabel(ticket, services, lang);
  const chars = [...ticket.report.description.replace(/\s+/g, ' ').trim()];
  const text = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
  return text ? `${label} · ${text}` : label;
}

/**
 * The names staff are known by (from the ticket's department roster), for mentions and the
 * office's record; someone the roster knows only by id is left out, so callers say "Head".
 */
export async function staffNames(services: AppServices, ticket: TicketState, ids: number[]): Promise<Map<number, string>> {
  const chat = departmentById(services.policy, ticket.department)?.chat.chatId ?? 0;
  const roster = await services.staff.membersOf(chat, ids);
  return new Map(roster.filter((r) => ids.includes(r.id) && r.firstName !== String(r.id)).map((r) => [r.id, r.firstName]));
}

/** A name that notifies the person in a group (Telegram's text mention). */
export function mention(id: number, name: string): Html {
  return html(`<a href="tg://user?id=${id}">${escapeHtml(name)}</a>`);
}

export function approveButtons(texts: Texts, lang: Lang, ref: string): Buttons {
  return [[{ text: texts.plain(lang, 'lim-btn-approve'), data: extendData(ref) }]];
}

export function extensionButtons(texts: Texts, lang: Lang, ref: string, choices: number[]): Buttons {
  const byChoice = choices.map((ms) => ({ text: texts.plain(lang, 'lim-btn-extend-by', { duration: formatDuration(ms, lang) }), data: extendData(ref, ms) }));
  return [byChoice, [{ text: texts.plain(lang, 'lim-btn-back'), data: backData(ref) }]];
}

export function inlineKeyboard(buttons: Buttons) {
  return { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data ?? '' }))) };
}

/** The last change in the resident's words (the same words as in My tickets). */
const LAST_CHANGE: Partial<Record<TicketEventType, string>> = {
  created: 'my-event-created',
  claimed: 'my-event-claimed',
  arrived: 'my-event-arrived',
  reopened: 'my-event-reopened',
  info_added: 'my-event-info-added',
  transferred: 'my-event-transferred',
  released: 'my-event-released',
  reassigned: 'my-event-reassigned',
  rescheduled: 'my-event-rescheduled',
  urged: 'my-event-urged',
  classified: 'my-event-classified',
};

export function lastChange(texts: Texts, lang: Lang, type: TicketEventType): string {
  // Internal notes, extensions and the like show as "progress update", as in My tickets.
  return texts.plain(lang, LAST_CHANGE[type] ?? 'my-event-note-added');
}
