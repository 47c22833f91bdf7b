/**
 * Staff commands: /open (the open tickets of this group's departments, unclaimed first),
 * /mine (the caller's), /ticket REF (one ticket: its card, its actions and its history).
 * In a staff group they show only what that group's cards show; in the private chat with
 * the bot they show what the caller serves (the manager: every department).
 */
import { Composer } from 'grammy';
import type { Lang, OfficePolicy } from '../../src/config/office';
import { servesDepartment } from '../../src/tickets/rules';
import { parseRef } from '../../src/tickets/reference';
import { internalTaskPrefix } from '../../src/tasks/config';
import type { TicketState } from '../../src/tickets/types';
import type { BotContext } from '../context';
import { departmentsHere, staffCaller, STATUS_ICON } from './staffScope';
import { refusalText } from '../refusals';
import { renderCard } from '../render/card';
import { renderHistory } from '../render/history';
import { cardTargets } from '../../src/tickets/targets';
import { departmentName, kindName, when } from '../render/format';
import type { Texts } from '../texts';

const HTML = { parse_mode: 'HTML' as const };
/** Lines of one list message; the rest are counted ("… and 12 more"). */
const LIST_MAX = 30;
const SUMMARY_MAX = 24;
/** Telegram's limit for one message. */
const MESSAGE_MAX = 4096;


function summaryOf(ticket: TicketState, policy: OfficePolicy, texts: Texts, lang: Lang): string {
  const kind = ticket.kind === 'repair' ? kindName(policy, ticket.report.repairKind ?? '', lang) : texts.plain(lang, KIND_KEY[ticket.kind]);
  const chars = [...ticket.report.description.replace(/\s+/g, ' ').trim()];
  const text = chars.length > SUMMARY_MAX ? `${chars.slice(0, SUMMARY_MAX - 1).join('')}…` : chars.join('');
  return text ? `${kind} · ${text}` : kind;
}

const KIND_KEY: Record<TicketState['kind'], string> = { repair: 'list-kind-repair', complaint: 'list-kind-complaint', emergency: 'list-kind-emergency', inquiry: 'list-kind-inquiry', task: 'list-kind-task' };

/** One ticket per line: unclaimed ones with their response limit, the others with owner and resolution limit. */
export function renderTicketList(tickets: TicketState[], now: Date, policy: OfficePolicy, texts: Texts): string[] {
  const lang = policy.language;
  return tickets.slice(0, LIST_MAX).map((ticket) => {
    const unclaimed = ticket.status === 'open';
    const due = new Date(unclaimed ? ticket.responseDueAt : ticket.resolutionDueAt);
    const args = {
      icon: STATUS_ICON[ticket.status] ?? '⚪',
      ref: ticket.ref,
      what: summaryOf(ticket, policy, texts, lang),
      department: departmentName(policy, ticket.department, lang),
      owner: ticket.owner?.name ?? '',
      due: when(due, policy, lang),
      late: due.getTime() < now.getTime() ? ` ${texts.plain(lang, 'list-overdue')}` : '',
    };
    return texts.t(lang, unclaimed ? 'list-line-open' : 'list-line-working', args);
  });
}

export function staffCommandsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();



  async function sendList(ctx: BotContext, title: string, tickets: TicketState[]): Promise<void> {
    const { services } = ctx;
    const lines = renderTicketList(tickets, services.clock.now(), services.policy, services.texts);
    if (tickets.length > LIST_MAX) lines.push(services.texts.t(services.policy.language, 'list-more', { count: tickets.length - LIST_MAX }));
    await ctx.reply([title, ...lines].join('\n'), HTML);
  }

  composer.command('open', async (ctx) => {
    const actor = await staffCaller(ctx);
    if (!actor) return;
    const { services } = ctx;
    const { policy, texts } = services;
    const lang = policy.language;
    const isNightChat = ctx.chat.type !== 'private' && policy.nightShift.chat?.chatId === ctx.chat.id;
    const departments = departmentsHere(ctx, actor);
    let tickets: TicketState[];
    if (departments.length > 0) tickets = await services.tickets.listLive({ departments });
    else if (isNightChat) tickets = (await services.tickets.listLive({})).filter((t) => t.nightIntake || t.kind === 'emergency');
    else return void (await ctx.reply(texts.t(lang, 'open-no-departments'), HTML));
    const names = isNightChat && departments.length === 0 ? texts.plain(lang, 'open-night') : departments.map((d) => departmentName(policy, d, lang)).join('、');
    if (tickets.length === 0) return void (await ctx.reply(texts.t(lang, 'open-none', { departments: names }), HTML));
    await sendList(ctx, texts.t(lang, 'open-title', { departments: names, count: tickets.length }), tickets);
  });

  composer.command('mine', async (ctx) => {
    const actor = await staffCaller(ctx);
    if (!actor) return;
    const { texts, policy } = ctx.services;
    const tickets = await ctx.services.tickets.listLive({ ownerId: actor.id });
    if (tickets.length === 0) return void (await ctx.reply(texts.t(policy.language, 'mine-none', { name: actor.name }), HTML));
    await sendList(ctx, texts.t(policy.language, 'mine-title', { name: actor.name, count: tickets.length }), tickets);
  });

  composer.command('ticket', async (ctx) => {
    const actor = await staffCaller(ctx);
    if (!actor) return;
    const { services } = ctx;
    const { policy, texts } = services;
    const lang = policy.language;
    const ref = parseRef(ctx.match, [internalTaskPrefix(policy)]);
    if (!ref) return void (await ctx.reply(texts.t(lang, 'ticket-usage'), HTML));
    const ticket = await services.tickets.get(ref);
    if (!ticket) return void (await ctx.reply(refusalText({ reason: 'not_found' }, ref, texts, lang, policy), HTML));
    // A group sees only tickets whose cards it gets: a complaint about a colleague never reaches their group this way.
    const visible =
      ctx.chat.type === 'private'
        ? servesDepartment(actor, ticket, policy)
        : cardTargets(ticket, policy).some((target) => target.chatId === ctx.chat.id);
    if (!visible) {
      ctx.log.info({ ref, userId: actor.id, chatId: ctx.chat.id }, '/ticket refused: not shown in this chat');
      return void (await ctx.reply(texts.t(lang, 'ticket-not-here', { ref, department: departmentName(policy, ticket.department, lang) }), HTML));
    }
    const card = renderCard(ticket, policy, texts);
    const history = renderHistory(ticket, await services.tickets.history(ref), 'staff', policy, texts, lang);
    let text = `${card.text}\n\n${history}`;
    if (text.length > MESSAGE_MAX) text = card.text;
    await ctx.reply(text, { ...HTML, reply_markup: card.keyboard });
  });

  return composer;
}
