/**
 * Internal tasks (内部工作任务) as staff see them: the card's head lines, and what the filer
 * — a colleague, not a resident — is told in their private chat as the task moves on.
 */
import { InlineKeyboard } from 'grammy';
import type { Lang, OfficePolicy } from '../../src/config/office';
import { formatDuration } from '../../src/time/duration';
import type { TicketEvent, TicketState } from '../../src/tickets/types';
import { residentData } from '../callbacks';
import type { TextArgs, Texts } from '../texts';
import type { RenderedMessage } from './card';
import { categoryName, departmentName, when } from './format';

/** The task's category in words ("保洁", or "其他" when the table had none). */
export function taskCategoryLabel(ticket: TicketState, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  return categoryName(policy, ticket, lang) || texts.plain(lang, 'task-category-other');
}

/** The card's first lines: reference, target department, who filed it and from where, what and where. */
export function taskCardLines(ticket: TicketState, policy: OfficePolicy, texts: Texts): string[] {
  const lang = policy.language;
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const r = ticket.report;
  const from = ticket.task?.fromDepartment;
  const lines = [
    t('card-task-title', { ref: ticket.ref, department: departmentName(policy, ticket.department, lang) }),
    t(from ? 'card-task-from-department' : 'card-task-from', { name: ticket.resident.name, department: from ? departmentName(policy, from, lang) : '' }),
    t('card-task-category', { category: taskCategoryLabel(ticket, policy, texts, lang) }),
    t('card-task-place', { location: r.location }),
    t('card-description', { description: r.description }),
  ];
  if (r.media.length > 0) lines.push(t('card-media', { count: r.media.length }));
  return lines;
}

/** The filer's message for one change of the task, or null when they need not hear of it. */
export function renderTaskUpdate(ticket: TicketState, event: TicketEvent, policy: OfficePolicy, texts: Texts, lang: Lang): RenderedMessage | null {
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const ref = ticket.ref;
  const name = event.actor.name;
  const department = departmentName(policy, ticket.department, lang);
  switch (event.type) {
    case 'claimed':
      return { text: t('task-claimed', { ref, name, department }) };
    case 'arrived':
      return { text: t('task-arrived', { ref, name }) };
    case 'resolved': {
      const text = [t('task-resolved', { ref, name, result: event.text ?? '' }), t('task-ask-confirm', { days: formatDuration(policy.confirmation.autoConfirmAfter, lang) })];
      const keyboard = new InlineKeyboard()
        .text(texts.plain(lang, 'btn-task-done'), residentData('ok', ref))
        .text(texts.plain(lang, 'btn-task-not-done'), residentData('no', ref));
      return { text: text.join('\n'), keyboard };
    }
    case 'confirmed':
      return { text: t('task-closed', { ref }) };
    case 'reopened':
      return { text: t('task-reopened', { ref, department }) };
    case 'transferred':
      return { text: t('task-transferred', { ref, department }) };
    case 'released':
      return { text: t('task-released', { ref, department }) };
    case 'reassigned':
      return { text: t('task-reassigned', { ref, name: ticket.owner?.name ?? '' }) };
    case 'rescheduled':
      return { text: t(ticket.waiting?.parts ? 'task-waiting-parts' : 'task-rescheduled', { ref, reason: event.text ?? '', until: when(ticket.waiting?.until, policy, lang) }) };
    case 'note_added':
      return event.data?.toResident ? { text: t('task-note', { ref, name, note: event.text ?? '' }) } : null;
    case 'cancelled':
      return { text: t('task-cancelled', { ref }) };
    default:
      return null;
  }
}
