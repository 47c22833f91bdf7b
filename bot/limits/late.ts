/**
 * /late: the overdue tickets with how late each is, latest first. In a staff group, the
 * tickets of the departments whose cards go to that group (as /open shows them); in the
 * private chat, what the caller serves — the manager, every department. A group never sees
 * another group's tickets, whoever asks there: others read the answer too (a complaint about
 * a colleague must not reach the colleague's group).
 */
import type { Lang, OfficePolicy } from '../../src/config/office';
import { isStaffRole, type Actor } from '../../src/people/actors';
import { mostOverdue } from '../../src/limits/rules';
import { LimitStore, uniqueTickets } from '../../src/limits/store';
import { formatDuration } from '../../src/time/duration';
import type { TicketState } from '../../src/tickets/types';
import type { BotContext } from '../context';
import { departmentName, when } from '../render/format';
import { limitName, ticketWhat } from './render';

const HTML = { parse_mode: 'HTML' as const };
const LIST_MAX = 30;
const STATUS_ICON: Record<string, string> = { open: '🟡', claimed: '🔵', on_site: '🟣', reopened: '🔴' };

/** The caller if staff, in a staff chat or privately; otherwise the refusal is sent (as /open does). */
async function staffOnly(ctx: BotContext): Promise<Actor | null> {
  const { services } = ctx;
  const user = { id: ctx.from!.id, firstName: ctx.from!.first_name, username: ctx.from!.username };
  const actor = await services.staff.actorFor(user);
  if (!isStaffRole(actor.role)) {
    await ctx.reply(services.texts.t(ctx.lang, 'refuse-not-staff'), HTML);
    return null;
  }
  await services.staff.rememberProfile(user);
  if (ctx.chat!.type !== 'private' && !services.staff.isStaffChat(ctx.chat!.id)) {
    await ctx.reply(services.texts.t(ctx.lang, 'cmd-staff-chat-only'), HTML);
    return null;
  }
  return actor;
}

/** Departments listed here: this group's (its topic's, in a forum), or privately those the caller serves; undefined = all. */
function departmentsHere(ctx: BotContext, actor: Actor, policy: OfficePolicy): string[] | undefined {
  const chatId = ctx.chat!.id;
  if (ctx.chat!.type !== 'private') {
    const thread = ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
    const inChat = policy.departments.filter((d) => d.chat.chatId === chatId);
    const inTopic = inChat.filter((d) => d.chat.threadId !== undefined && d.chat.threadId === thread);
    return (inTopic.length > 0 ? inTopic : inChat).map((d) => d.id);
  }
  if (actor.role === 'manager') return undefined;
  return policy.departments.filter((d) => actor.headOf.includes(d.id) || actor.chats.includes(d.chat.chatId)).map((d) => d.id);
}

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
    const actor = await staffOnly(ctx);
    if (!actor) return;
    const { services } = ctx;
    const { policy, texts } = services;
    const lang = policy.language;
    const isNightChat = ctx.chat!.type !== 'private' && policy.nightShift.chat?.chatId === ctx.chat!.id;
    const departments = departmentsHere(ctx, actor, policy);
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
