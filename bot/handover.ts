/** The handover list (交接班) in the front desk's group, in the office's language. */
import type { Api } from 'grammy';
import type { HandoverDelivery } from '../src/jobs/handover';
import { formatTime } from '../src/time/zoned';
import type { AppServices } from './context';
import { kindName, categoryName, when } from './render/format';
import { placeOf } from './render/card';
import { departmentTarget } from '../src/tickets/targets';

export function handoverDelivery(api: Api, services: AppServices): HandoverDelivery {
  return async (tickets, openedAt) => {
    const { policy, texts } = services;
    const lang = policy.language;
    const target = departmentTarget(policy, policy.routing.frontDesk);
    const lines = [texts.t(lang, tickets.length > 0 ? 'handover-title' : 'handover-none', { count: tickets.length, at: when(openedAt, policy, lang) })];
    for (const ticket of tickets) {
      const what = ticket.kind === 'repair' ? `${kindName(policy, ticket.report.repairKind ?? '', lang)} · ${categoryName(policy, ticket, lang)}` : texts.t(lang, `handover-kind-${ticket.kind}`);
      lines.push(
        texts.t(lang, 'handover-line', {
          ref: ticket.ref,
          what,
          place: placeOf(ticket, policy),
          at: formatTime(new Date(ticket.createdAt), policy.timezone),
          due: when(ticket.responseDueAt, policy, lang),
        }),
      );
    }
    await api.sendMessage(target.chatId, lines.join('\n'), { parse_mode: 'HTML', ...(target.threadId ? { message_thread_id: target.threadId } : {}) });
  };
}
