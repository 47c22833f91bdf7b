/**
 * The time-limit jobs' messages, rendered and handed to `notifier.enqueue` with keys made
 * from the job's own key, so that a repeat (another instance, a retry after a crash) sends
 * nothing twice. Staff read them in the office's language; the resident in their own.
 */
import { departmentById } from '../../src/config/office';
import type { LimitNotices } from '../../src/limits/jobs';
import type { DueAlert } from '../../src/limits/rules';
import type { TimeLimitSettings } from '../../src/limits/settings';
import { formatDuration } from '../../src/time/duration';
import type { TicketState } from '../../src/tickets/types';
import { myData, staffData } from '../callbacks';
import type { AppServices } from '../context';
import type { Notifier, OutgoingMessage } from '../notify';
import { html } from '../html';
import { departmentName, when } from '../render/format';
import { approveButtons, lastChange, limitName, mention, ticketWhat, type Buttons } from './render';

export function limitNotices(services: AppServices, notifier: Notifier, settings: TimeLimitSettings): LimitNotices {
  const { policy, texts, clock } = services;
  const lang = policy.language;
  const t = (key: string, args?: Parameters<typeof texts.t>[2]) => texts.t(lang, key, args);
  const plain = (key: string, args?: Record<string, string | number>) => texts.plain(lang, key, args);

  /** Under the ticket's card; the department's chat when the card is unknown. */
  function inGroup(ticket: TicketState): Pick<OutgoingMessage, 'chatId' | 'threadId' | 'underCardOf' | 'ref'> {
    const chat = departmentById(policy, ticket.department)?.chat ?? policy.departments[0].chat;
    return { chatId: chat.chatId, threadId: chat.threadId, underCardOf: ticket.ref, ref: ticket.ref };
  }

  async function namesOf(ticket: TicketState, ids: number[]): Promise<Map<number, string>> {
    const chat = departmentById(policy, ticket.department)?.chat.chatId ?? 0;
    const roster = await services.staff.membersOf(chat, ids);
    // The roster names an unknown person by their id: a mention says "Head" instead.
    return new Map(roster.filter((r) => ids.includes(r.id) && r.firstName !== String(r.id)).map((r) => [r.id, r.firstName]));
  }

  function lines(...parts: (string | undefined)[]): string {
    return parts.filter((p) => p).join('\n');
  }

  async function alert(ticket: TicketState, due: DueAlert): Promise<string> {
    const now = clock.now();
    const limit = limitName(texts, lang, due.limit);
    const dueText = when(due.due, policy, lang);
    const owner = ticket.owner?.name ?? plain('lim-owner-none');
    const base = { ref: ticket.ref, what: ticketWhat(ticket, services, lang), limit, due: dueText, owner };
    const late = formatDuration(now.getTime() - due.due.getTime(), lang);
    const resolution = due.limit === 'resolution';
    // A reschedule past the resolution limit does not move it: the head approves, or not.
    const waiting =
      resolution && ticket.waiting && new Date(ticket.waiting.until) > due.due
        ? t('lim-waiting-line', { until: when(ticket.waiting.until, policy, lang), reason: ticket.waiting.reason, limit })
        : undefined;
    const approve: Buttons | undefined = resolution ? approveButtons(texts, lang, ticket.ref) : undefined;
    const hint = resolution ? t('lim-approve-hint') : undefined;
    const purpose = `limit-${due.level}`;

    if (due.level === 'remind') {
      const left = formatDuration(due.due.getTime() - now.getTime(), lang);
      if (!ticket.owner) {
        await notifier.enqueue({ key: `${due.key}:group`, ...inGroup(ticket), text: t('lim-remind-unclaimed', { ...base, left }), purpose });
        return plain('lim-record-remind', { limit, due: dueText, who: plain('lim-record-group') });
      }
      // Privately when the owner has a chat with the bot; otherwise by name under the card.
      if (await services.staff.privateChatOpen(ticket.owner.id)) {
        await notifier.enqueue({ key: `${due.key}:owner`, chatId: ticket.owner.id, ref: ticket.ref, text: lines(t('lim-remind-owner', { ...base, left }), waiting), purpose });
      } else {
        const text = lines(t('lim-remind-owner-group', { ...base, left, owner: mention(ticket.owner.id, ticket.owner.name) }), waiting);
        await notifier.enqueue({ key: `${due.key}:group`, ...inGroup(ticket), text, purpose });
      }
      return plain('lim-record-remind', { limit, due: dueText, who: ticket.owner.name });
    }

    if (due.level === 'head') {
      const heads = departmentById(policy, ticket.department)?.heads ?? [];
      // Without a head the manager is the one who can approve.
      const approvers = heads.length > 0 ? heads : policy.managers;
      const names = await namesOf(ticket, approvers);
      const nameOf = (id: number) => names.get(id) ?? plain('lim-heads-none');
      const mentions = heads.length > 0 ? html(heads.map((id) => mention(id, nameOf(id)).html).join('、')) : plain('lim-heads-none');
      const groupText = lines(t('lim-head-group', { ...base, late, heads: mentions }), waiting, hint);
      await notifier.enqueue({ key: `${due.key}:group`, ...inGroup(ticket), text: groupText, buttons: approve, purpose });
      for (const id of approvers) {
        const text = lines(t('lim-head-dm', { ...base, late }), waiting, hint);
        await notifier.enqueue({ key: `${due.key}:dm:${id}`, chatId: id, ref: ticket.ref, text, buttons: approve, purpose });
      }
      const who = approvers.length > 0 ? approvers.map(nameOf).join('、') : plain('lim-record-group');
      return plain('lim-record-head', { limit, due: dueText, who });
    }

    const managers = policy.managers;
    const text = lines(t('lim-manager-dm', { ...base, late, department: departmentName(policy, ticket.department, lang) }), waiting, hint);
    if (managers.length === 0) {
      await notifier.enqueue({ key: `${due.key}:group`, ...inGroup(ticket), text, purpose });
      return plain('lim-record-manager', { limit, due: dueText, late, who: plain('lim-record-group') });
    }
    for (const id of managers) await notifier.enqueue({ key: `${due.key}:dm:${id}`, chatId: id, ref: ticket.ref, text, buttons: approve, purpose });
    const names = await namesOf(ticket, managers);
    return plain('lim-record-manager', { limit, due: dueText, late, who: managers.map((id) => names.get(id) ?? plain('history-role-manager')).join('、') });
  }

  return {
    alert,

    async reannounce(ticket, _number, openSince, key) {
      const waited = formatDuration(clock.now().getTime() - openSince.getTime(), lang);
      const text = t(ticket.kind === 'emergency' ? 'lim-reannounce-emergency' : 'lim-reannounce', { ref: ticket.ref, what: ticketWhat(ticket, services, lang), waited });
      const buttons = [[{ text: plain('btn-claim'), data: staffData('claim', ticket.ref) }]];
      await notifier.enqueue({ key, ...inGroup(ticket), text, buttons, purpose: 'reannounce' });
    },

    releaseReason() {
      return plain('lim-release-reason', { idle: formatDuration(settings.noProgressRelease, lang) });
    },

    async released(before, after, event) {
      await notifier.refreshCard(after);
      const text = t('lim-released-group', {
        ref: after.ref,
        what: ticketWhat(after, services, lang),
        owner: before.owner?.name ?? '',
        idle: formatDuration(settings.noProgressRelease, lang),
      });
      await notifier.enqueue({ key: `release:${after.ref}:${event.seq}`, ...inGroup(after), text, purpose: 'auto-release' });
    },

    async progress(ticket, _week, key) {
      const residentLang = await notifier.residentLanguage(ticket);
      const rt = (k: string, args?: Parameters<typeof texts.t>[2]) => texts.t(residentLang, k, args);
      const text = lines(
        rt('lim-progress', {
          ref: ticket.ref,
          what: ticketWhat(ticket, services, residentLang),
          owner: ticket.owner?.name ?? texts.plain(residentLang, 'lim-progress-unassigned'),
          last: lastChange(texts, residentLang, ticket.lastEvent.type),
          at: when(ticket.lastEvent.at, policy, residentLang),
          due: when(ticket.resolutionDueAt, policy, residentLang),
        }),
        ticket.waiting ? rt('lim-progress-waiting', { reason: ticket.waiting.reason, until: when(ticket.waiting.until, policy, residentLang) }) : undefined,
        rt('lim-progress-footer'),
      );
      const buttons = [[{ text: texts.plain(residentLang, 'lim-btn-progress-details'), data: myData('open', ticket.ref) }]];
      await notifier.enqueue({ key, chatId: ticket.resident.telegramId, ref: ticket.ref, text, buttons, purpose: 'weekly-progress' });
    },
  };
}
