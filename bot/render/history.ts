/**
 * A ticket's history, one line per event, from the event log. The resident and staff read
 * the same log through different filters: the resident never sees internal notes, who the
 * staff are beyond their first names, what a complaint was classified as, or why a ticket
 * was released; staff see every event with who and their role — except the identity of an
 * anonymous complainant, who is only ever "the anonymous resident".
 */
import type { Lang, OfficePolicy } from '../../src/config/office';
import type { Role } from '../../src/people/actors';
import type { ComplaintClass, TicketEvent, TicketState } from '../../src/tickets/types';
import { escapeHtml, html } from '../html';
import type { TextArgs, Texts } from '../texts';
import { departmentName, when } from './format';

export type HistoryAudience = 'resident' | 'staff';

/**
 * The most a rendered history takes (HTML characters), so that it fits one Telegram message
 * (4096) together with a ticket's details and the caller's own lines.
 */
export const HISTORY_MAX_LENGTH = 2800;
/** One event's free text (a reason, a note, a result) is cut here: older events should still fit. */
const EVENT_TEXT_MAX = 200;

type T = (key: string, args?: TextArgs) => string;

function clip(text: string | undefined): string {
  const chars = [...(text ?? '').replace(/\s+/g, ' ').trim()];
  return chars.length > EVENT_TEXT_MAX ? `${chars.slice(0, EVENT_TEXT_MAX - 1).join('')}…` : chars.join('');
}

function roleName(role: Role, t: T): string {
  switch (role) {
    case 'resident':
      return t('history-role-resident');
    case 'staff':
      return t('history-role-staff');
    case 'head':
      return t('history-role-head');
    case 'manager':
      return t('history-role-manager');
    default:
      return t('history-role-system');
  }
}

/** Who did it, as this audience may know them (already HTML). */
function who(event: TicketEvent, ticket: TicketState, audience: HistoryAudience, t: T): string {
  const { role, name } = event.actor;
  if (role === 'system') return t('history-who-system');
  if (role === 'resident') {
    if (audience === 'resident') return t('history-who-you');
    // Staff never read a resident's name in a group through the history: the contact has
    // its own rules (after a claim, privately), and an anonymous complainant has none.
    return ticket.anonymous ? t('history-who-anonymous') : t('history-who-resident');
  }
  if (audience === 'resident') return escapeHtml(name);
  return t('history-who-staff', { name, role: roleName(role, t) });
}

function complaintClassName(cls: ComplaintClass, t: T): string {
  switch (cls) {
    case 'valid':
      return t('complaint-class-valid');
    case 'help':
      return t('complaint-class-help');
    case 'inquiry':
      return t('complaint-class-inquiry');
    case 'venting':
      return t('complaint-class-venting');
    case 'invalid':
      return t('complaint-class-invalid');
    case 'major':
      return t('complaint-class-major');
  }
}

/** What happened, in this audience's words; null when this audience does not see the event. */
/** One event as a line of the audience's history (HTML), or null when the audience does not see it. */
export function describeEvent(event: TicketEvent, ticket: TicketState, audience: HistoryAudience, policy: OfficePolicy, lang: Lang, t: T): string | null {
  const staffView = audience === 'staff';
  const text = clip(event.text);
  const args = { who: html(who(event, ticket, audience, t)), text };
  switch (event.type) {
    case 'created':
      return t('history-created', args);
    case 'claimed':
      return t('history-claimed', args);
    case 'arrived':
      return t('history-arrived', args);
    case 'resolved':
      return t(text ? 'history-resolved-text' : 'history-resolved', args);
    case 'confirmed':
      return t('history-confirmed', args);
    case 'reopened':
      return t(text ? 'history-reopened-text' : 'history-reopened', args);
    case 'info_added': {
      const count = event.media?.length ?? 0;
      return t(text ? 'history-info-added-text' : 'history-info-added', { ...args, count });
    }
    case 'transferred':
      // To the department, never to whom: nobody owns a ticket right after a transfer.
      return t('history-transferred', { ...args, department: departmentName(policy, event.data?.to ?? '', lang) });
    case 'released':
      return staffView ? t(text ? 'history-released-text' : 'history-released', args) : t('history-released-resident');
    case 'reassigned': {
      const to = event.data?.to.name ?? '';
      return staffView ? t('history-reassigned', { ...args, to }) : t('history-reassigned-resident', { to });
    }
    case 'rescheduled':
      return t(event.data?.parts ? 'history-waiting-parts' : 'history-rescheduled', { ...args, until: when(event.data?.until, policy, lang) });
    case 'note_added':
      if (event.data?.toResident) return staffView ? t('history-note-shared', args) : t('history-note-resident', args);
      return staffView ? t('history-note-internal', args) : null;
    case 'urged':
      return t('history-urged', args);
    case 'cancelled':
      return t(text ? 'history-cancelled-text' : 'history-cancelled', args);
    case 'classified': {
      const data = event.data;
      const cls = data?.class;
      if (staffView) return t('history-classified', { ...args, class: cls ? complaintClassName(cls, t) : '' });
      // The class itself ("venting") is the office's judgement, not something to tell the resident.
      if (cls === 'invalid') return t('history-classified-invalid-resident', { text });
      const due = cls === 'major' ? data?.firstAnswerDueAt ?? data?.resolutionDueAt : data?.resolutionDueAt;
      return t('history-classified-resident', { due: when(due, policy, lang) });
    }
    case 'auto_confirmed':
      return t('history-auto-confirmed');
    case 'deadline_extended':
      return staffView ? t('history-deadline-extended', { ...args, until: when(event.data?.until, policy, lang) }) : null;
    case 'repeat_flagged':
      return staffView ? t('history-repeat-flagged', { of: event.data?.of ?? '' }) : null;
    case 'survey_sent':
    case 'survey_resent':
      return t('history-survey-sent');
    case 'survey_answered':
      return t('history-survey-answered');
    case 'survey_no_answer':
      return staffView ? t('history-survey-no-answer') : null;
    case 'reminded':
    case 'escalated':
    case 'reannounced':
      return staffView ? t(`history-${event.type}`, { text }) : null;
    case 'progress_sent':
      return staffView ? t('history-progress-sent') : null;
    // A follower is never named to residents; staff read who linked a duplicate.
    case 'followed':
      if (!staffView) return t('history-followed-resident');
      return event.data?.via === 'duplicate' ? t('history-followed-duplicate', { ...args, from: event.data.from ?? '' }) : t('history-followed');
    case 'unfollowed':
      return staffView ? t('history-unfollowed') : null;
    case 'closed_as_duplicate':
      return t('history-closed-duplicate', { ...args, of: event.data?.of ?? '' });
    case 'notice_sent':
      return t('history-notice', args);
    default:
      return null;
  }
}

/**
 * The history block: a title and one line per event the audience may see, oldest first.
 * When it would not fit HISTORY_MAX_LENGTH the oldest lines give way to "…".
 */
export function renderHistory(
  ticket: TicketState,
  events: TicketEvent[],
  audience: HistoryAudience,
  policy: OfficePolicy,
  texts: Texts,
  lang: Lang,
): string {
  const t: T = (key, args) => texts.t(lang, key, args);
  const lines = [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => {
      const what = describeEvent(event, ticket, audience, policy, lang, t);
      return what === null ? null : `${escapeHtml(when(event.at, policy, lang))} · ${what}`;
    })
    .filter((line): line is string => line !== null);
  const title = t('history-title', { count: lines.length });
  if (lines.length === 0) return `${title}\n${t('history-empty')}`;
  const shown: string[] = [];
  let length = title.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    // Room is kept for the "…" line whenever something older is left out.
    const reserve = i > 0 ? 2 : 0;
    if (length + lines[i].length + 1 + reserve > HISTORY_MAX_LENGTH) break;
    shown.unshift(lines[i]);
    length += lines[i].length + 1;
  }
  if (shown.length < lines.length) shown.unshift('…');
  return [title, ...shown].join('\n');
}
