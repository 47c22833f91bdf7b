/**
 * /late: the overdue tickets with how late each is, latest first. In a staff group, the
 * tickets of the departments whose cards go to that group (as /open shows them); in the
 * private chat, what the caller serves — the manager, every department. A group never sees
 * another group's tickets, whoever asks there: others read the answer too (a complaint about
 * a colleague must not reach the colleague's group).
 */
import type { Lang, OfficePolicy } from '../../src/config/office';
import { mostOverdue } from '../../src/limits/rules';
import { LimitStore, uniqueTickets } from '../../src/limits/store';
import { formatDuration } from '../../src/time/duration';
import type { TicketState } from '../../src/tickets/types';
import type { BotContext } from '../context';
import { departmentsHere, staffCaller, STATUS_ICON } from '../features/staffScope';
import { departmentName, when } from '../render/format';
import { limitName, ticketWhat } from './render';

const HTML = { parse_mode: 'HTML' as const };
const LIST_MAX = 30;

export interface LateTicket {
  ticket: TicketState;
  limit: NonNullable<ReturnType<typeof mostOverdue>>;
}

/** Overdue live tickets of these departments (all when undefined), latest first: four indexed reads. */
export async function findLate(store: LimitStore, policy: OfficePolicy, now: Date, departments?: string[]): Promise<LateTicket[]> {
  const candidates = uniqueTickets(
    await Promise.all([
      store.responseDueBy(now, departments),
      store.onSiteDueBy(now, departments),
      store.resolutionDueBy(now, departments),
      store.firstAnswerDueBy(now, departments),
    ]),
  );
  const answered = await store.firstAnswered(candidates.filter((t) => t.complaint?.firstAnswerDueAt).map((t) => t.ref));
  return candidates
    .flatMap((ticket) => {
      const limit = mostOverdue(ticket, now, policy, { firstAnswered: answered.has(ticket.ref) });
      return limit ? [{ ticket, limit }] : [];
    })
    .sort((a, b) => b.limit.lateMs - a.limit.lateMs);
}

export function renderLateLines(late: LateTicket[], ctx: BotContext, lang: Lang): string[] {
  const { services } = ctx;
  const { policy, texts } = services;
  const lines = late.slice(0, LIST_MAX).map(({ ticket, limit }) =>
    texts.t(lang, 'late-line', {
      icon: STATUS_ICON[ticket.status] ?? '⚪',
      ref: ticket.ref,
      what: ticketWhat(ticket, services, lang),
      owner: ticket.owner?.name ?? texts.plain(lang, 'lim-owner-none'),
      limit: limitName(texts, lang, limit.limit),
      due: when(limit.due, policy, lang),
      late: formatDuration(limit.lateMs, lang),
    }),
  );
  if (late.length > LIST_MAX) lines.push(texts.t(lang, 'list-more', { count: late.length - LIST_MAX }));
  return lines;
}

export function lateCommand(store: LimitStore) {
  return async (ctx: BotContext): Promise<void> => {
    const actor = await staffCaller(ctx);
    if (!actor) return;
    const { services } = ctx;
    const { policy, texts } = services;
    const lang = policy.language;
    const isNightChat = ctx.chat!.type !== 'private' && policy.nightShift.chat?.chatId === ctx.chat!.id;
    // The manager's private list says "all", not every department by name.
    const departments = ctx.chat!.type === 'private' && actor.role === 'manager' ? undefined : departmentsHere(ctx, actor);
    let late: LateTicket[];
    if (departments === undefined || departments.length > 0) late = await findLate(store, policy, services.clock.now(), departments);
    // The night-duty group's cards are the tickets that came in at night, and emergencies.
    else if (isNightChat) late = (await findLate(store, policy, services.clock.now())).filter(({ ticket }) => ticket.nightIntake || ticket.kind === 'emergency');
    else return void (await ctx.reply(texts.t(lang, 'open-no-departments'), HTML));
    const names = departments === undefined ? '' : departments.length === 0 ? texts.plain(lang, 'open-night') : departments.map((d) => departmentName(policy, d, lang)).join('、');
    if (late.length === 0) return void (await ctx.reply(texts.t(lang, departments === undefined ? 'late-none-all' : 'late-none', { departments: names }), HTML));
    const title = texts.t(lang, departments === undefined ? 'late-title-all' : 'late-title', { departments: names, count: late.length });
    await ctx.reply([title, ...renderLateLines(late, ctx, lang)].join('\n'), HTML);
  };
}
