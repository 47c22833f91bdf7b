/**
 * Time-limit alerts as their readers see them: the owner's reminder, the group's and the
 * heads' overdue alert (with Approve for the resolution limit), the manager's escalation.
 * Who gets which is decided in src/reactions (LIMIT_LEVELS); this only words it.
 */
import { departmentById } from '../../src/config/office';
import type { Lang } from '../../src/config/office';
import type { AlertLevel, LimitId } from '../../src/limits/rules';
import type { LimitAudience } from '../../src/reactions/notices';
import { formatDuration } from '../../src/time/duration';
import type { TicketState } from '../../src/tickets/types';
import type { AppServices } from '../context';
import { html } from '../html';
import { departmentName, when } from '../render/format';
import { approveButtons, inlineKeyboard, limitName, mention, staffNames, ticketWhat } from '../limits/render';
import type { Rendered } from './messages';

export interface LimitAlertInput {
  ticket: TicketState;
  limit: LimitId;
  level: AlertLevel;
  due: Date;
  audience: LimitAudience;
  /** When the alert fired (its event's time): "late by" and "left" count from then. */
  at: Date;
  lang: Lang;
  where: 'private' | 'card';
}

export async function renderLimitAlert(input: LimitAlertInput, services: AppServices): Promise<Rendered> {
  const { ticket, limit, level, due, audience, at, lang } = input;
  const { policy, texts } = services;
  const t = (key: string, args?: Parameters<typeof texts.t>[2]) => texts.t(lang, key, args);
  const plain = (key: string) => texts.plain(lang, key);
  const base = {
    ref: ticket.ref,
    what: ticketWhat(ticket, services, lang),
    limit: limitName(texts, lang, limit),
    due: when(due, policy, lang),
    owner: ticket.owner?.name ?? plain('lim-owner-none'),
  };
  const late = formatDuration(at.getTime() - due.getTime(), lang);
  const resolution = limit === 'resolution';
  // A reschedule past the resolution limit does not move it: the head approves, or not.
  const waiting =
    resolution && ticket.waiting && new Date(ticket.waiting.until) > due
      ? t('lim-waiting-line', { until: when(ticket.waiting.until, policy, lang), reason: ticket.waiting.reason, limit: base.limit })
      : undefined;
  const hint = resolution ? t('lim-approve-hint') : undefined;
  const approve = resolution ? { keyboard: inlineKeyboard(approveButtons(texts, lang, ticket.ref)) } : {};
  const lines = (...parts: (string | undefined)[]) => parts.filter((p) => p).join('\n');

  if (level === 'remind') {
    const left = formatDuration(due.getTime() - at.getTime(), lang);
    if (audience === 'group') return { text: t('lim-remind-unclaimed', { ...base, left }) };
    if (input.where === 'private') return { text: lines(t('lim-remind-owner', { ...base, left }), waiting) };
    // The owner never started the bot: by name under the card.
    return { text: lines(t('lim-remind-owner-group', { ...base, left, owner: mention(ticket.owner!.id, ticket.owner!.name) }), waiting) };
  }
  if (level === 'head') {
    if (audience === 'approver') return { text: lines(t('lim-head-dm', { ...base, late }), waiting, hint), ...approve };
    const heads = departmentById(policy, ticket.department)?.heads ?? [];
    const names = await staffNames(services, ticket, heads);
    const mentions = heads.length > 0 ? html(heads.map((id) => mention(id, names.get(id) ?? plain('lim-heads-none')).html).join('、')) : plain('lim-heads-none');
    return { text: lines(t('lim-head-group', { ...base, late, heads: mentions }), waiting, hint), ...approve };
  }
  const text = lines(t('lim-manager-dm', { ...base, late, department: departmentName(policy, ticket.department, lang) }), waiting, hint);
  return input.where === 'private' ? { text, ...approve } : { text };
}
