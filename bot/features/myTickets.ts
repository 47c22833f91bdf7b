/**
 * The resident's "My tickets": their own tickets, newest first, a page at a time; one
 * ticket's details and history; and what the resident may do with it — add information,
 * urge (催办), cancel. Navigation edits the same message. Callback data is chosen by the
 * client, so every `my:*` press is checked against the ticket's resident before anything
 * is shown or done.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Lang } from '../../src/config/office';
import { residentActor, type Actor } from '../../src/people/actors';
import { REF_SOURCE } from '../../src/tickets/reference';
import { decide, type Refusal, type ResidentAction } from '../../src/tickets/rules';
import type { TicketEventType, TicketState } from '../../src/tickets/types';
import { myData } from '../callbacks';
import type { AppServices, BotContext } from '../context';
import { isNotModified } from '../outbox/errors';
import { categoryName, kindName, when } from '../render/format';
import { renderHistory } from '../render/history';
import { taskCategoryLabel } from '../render/task';
import { refusalText } from '../refusals';
import type { TextArgs } from '../texts';
import { followedSection, myFollowedFeature } from './myFollowed';

const REF = `(${REF_SOURCE})`;
/** `my:<action>:<ref>[:<page to go back to>]`. */
const MY_TICKET_CALLBACK = new RegExp(`^my:(open|add|urge|cancel):${REF}(?::(\\d{1,4}))?$`);
const MY_PAGE_CALLBACK = /^my:page:(\d{1,4})$/;
/** The ticket's own text in the details view is cut here, so the history keeps its room. */
const DETAIL_TEXT_MAX = 200;

interface View {
  text: string;
  keyboard?: InlineKeyboard;
}

type T = (key: string, args?: TextArgs) => string;

const HTML = { parse_mode: 'HTML' as const };

function clip(text: string): string {
  const chars = [...text];
  return chars.length > DETAIL_TEXT_MAX ? `${chars.slice(0, DETAIL_TEXT_MAX - 1).join('')}…` : text;
}

function withoutEmptyRows(keyboard: InlineKeyboard): InlineKeyboard {
  return InlineKeyboard.from(keyboard.inline_keyboard.filter((row) => row.length > 0));
}

/** A toast or alert shows plain text: no tags, no entities. */
function plainText(htmlText: string): string {
  return htmlText.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** "住户报修 · 检修", "投诉 · 员工态度", "紧急求助 · 火情", "咨询建议" — plain text, escaped where it is used. */
export function ticketKindLabel(ticket: TicketState, services: AppServices, lang: Lang): string {
  const t = (key: string) => services.texts.plain(lang, key);
  const { policy } = services;
  switch (ticket.kind) {
    case 'repair':
      return [kindName(policy, ticket.report.repairKind ?? '', lang), categoryName(policy, ticket, lang)].filter(Boolean).join(' · ');
    case 'complaint':
      return `${t('my-kind-complaint')} · ${t(`complaint-subject-${ticket.complaint!.subject}`)}`;
    case 'emergency':
      return `${t('my-kind-emergency')} · ${t(`emergency-${ticket.emergency!.what}`)}`;
    case 'inquiry':
      return t('my-kind-inquiry');
    case 'task':
      return `${t('my-kind-task')} · ${taskCategoryLabel(ticket, policy, services.texts, lang)}`;
  }
}

/** The last change in a word or two; an internal note only shows as "progress update". */
const LAST_CHANGE: Record<TicketEventType, (t: T) => string> = {
  created: (t) => t('my-event-created'),
  claimed: (t) => t('my-event-claimed'),
  arrived: (t) => t('my-event-arrived'),
  resolved: (t) => t('my-event-resolved'),
  confirmed: (t) => t('my-event-confirmed'),
  reopened: (t) => t('my-event-reopened'),
  info_added: (t) => t('my-event-info-added'),
  transferred: (t) => t('my-event-transferred'),
  released: (t) => t('my-event-released'),
  reassigned: (t) => t('my-event-reassigned'),
  rescheduled: (t) => t('my-event-rescheduled'),
  note_added: (t) => t('my-event-note-added'),
  urged: (t) => t('my-event-urged'),
  cancelled: (t) => t('my-event-cancelled'),
  classified: (t) => t('my-event-classified'),
  auto_confirmed: (t) => t('my-event-confirmed'),
  deadline_extended: (t) => t('my-event-note-added'),
  repeat_flagged: (t) => t('my-event-note-added'),
  // Informational events never become the "last change" (see projection.ts); listed for completeness.
  survey_sent: (t) => t('my-event-note-added'),
  survey_resent: (t) => t('my-event-note-added'),
  survey_answered: (t) => t('my-event-note-added'),
  survey_no_answer: (t) => t('my-event-note-added'),
  reminded: (t) => t('my-event-note-added'),
  escalated: (t) => t('my-event-note-added'),
  reannounced: (t) => t('my-event-note-added'),
  progress_sent: (t) => t('my-event-note-added'),
  followed: (t) => t('my-event-followed'),
  unfollowed: (t) => t('my-event-followed'),
  closed_as_duplicate: (t) => t('my-event-duplicate'),
  notice_sent: (t) => t('my-event-note-added'),
};

async function listView(services: AppServices, residentId: number, lang: Lang, requestedPage: number): Promise<View> {
  const { policy, texts, tickets } = services;
  const t: T = (key, args) => texts.t(lang, key, args);
  const [count, followed] = await Promise.all([tickets.countForResident(residentId), followedSection(services, residentId, lang, requestedPage)]);
  if (count === 0 && followed.lines.length === 0) return { text: t('my-empty') };
  const keyboard = new InlineKeyboard();
  const addFollowed = (lines: string[]) => {
    if (followed.lines.length > 0) lines.push('', ...followed.lines);
    for (const [label, data] of followed.buttons) keyboard.text(label, data).row();
  };
  if (count === 0) {
    const lines = [t('my-empty')];
    addFollowed(lines);
    return { text: lines.join('\n'), keyboard: withoutEmptyRows(keyboard) };
  }
  const size = policy.residents.pageSize;
  const pages = Math.ceil(count / size);
  // An old ◀/▶ may point past the end after nothing changed but the count: show the last page.
  const page = Math.min(Math.max(requestedPage, 0), pages - 1);
  const shown = await tickets.listForResident(residentId, size, page * size);
  const lines = [t('my-title', { count, page: page + 1, pages }), ''];
  for (const ticket of shown) {
    const status = t(`status-${ticket.status}`);
    lines.push(
      t('my-line', {
        ref: ticket.ref,
        kind: ticketKindLabel(ticket, services, lang),
        status,
        last: LAST_CHANGE[ticket.lastEvent.type](t),
        at: when(ticket.lastEvent.at, policy, lang),
      }),
    );
    keyboard.text(texts.plain(lang, 'btn-my-open', { ref: ticket.ref, status: plainText(status) }), myData('open', ticket.ref, page)).row();
  }
  addFollowed(lines);
  lines.push('', t('my-open-hint'));
  if (page > 0) keyboard.text(texts.plain(lang, 'btn-my-prev'), myData('page', String(page - 1)));
  if (page < pages - 1) keyboard.text(texts.plain(lang, 'btn-my-next'), myData('page', String(page + 1)));
  return { text: lines.join('\n'), keyboard: withoutEmptyRows(keyboard) };
}

/** When the resident may urge again, if that is still ahead (the same interval the domain checks on press). */
function nextUrgeAt(ticket: TicketState, policy: AppServices['policy'], now: Date): Date | undefined {
  if (!ticket.lastUrgedAt) return undefined;
  const next = new Date(new Date(ticket.lastUrgedAt).getTime() + policy.residents.urgeInterval);
  return next > now ? next : undefined;
}

const ACTION_BUTTONS: [ResidentAction, string, (t: T) => string][] = [
  ['add_info', 'add', (t) => t('btn-my-add')],
  ['urge', 'urge', (t) => t('btn-my-urge')],
  ['cancel', 'cancel', (t) => t('btn-my-cancel')],
];

async function detailView(services: AppServices, ticket: TicketState, actor: Actor, lang: Lang, page: number): Promise<View> {
  const { policy, texts } = services;
  const t: T = (key, args) => texts.t(lang, key, args);
  const plain: T = (key, args) => texts.plain(lang, key, args as Record<string, string>);
  const status = t(`status-${ticket.status}`);
  const lines = [t('my-detail-title', { ref: ticket.ref, kind: ticketKindLabel(ticket, services, lang) })];
  lines.push(ticket.owner ? t('my-detail-status-owner', { status, owner: ticket.owner.name }) : t('my-detail-status', { status }));
  lines.push(t('my-detail-created', { at: when(ticket.createdAt, policy, lang) }));
  if (ticket.anonymous) lines.push(t('my-detail-anonymous'));
  if (ticket.report.location) lines.push(t('my-detail-location', { location: clip(ticket.report.location) }));
  if (ticket.report.description) lines.push(t('my-detail-description', { description: clip(ticket.report.description) }));
  if (ticket.waiting) lines.push(t('my-detail-waiting', { reason: clip(ticket.waiting.reason), until: when(ticket.waiting.until, policy, lang) }));
  if (['open', 'claimed', 'on_site', 'reopened'].includes(ticket.status)) lines.push(t('my-detail-due', { due: when(ticket.resolutionDueAt, policy, lang) }));
  if (ticket.result && (ticket.status === 'resolved' || ticket.status === 'closed')) lines.push(t('my-detail-result', { result: clip(ticket.result.text) }));
  // Urged within the office's interval: instead of a button that would only be refused, when it can be pressed again.
  const nextUrge = nextUrgeAt(ticket, policy, services.clock.now());
  if (nextUrge && !decide('urge', ticket, actor, policy)) {
    lines.push(t('my-detail-urge-next', { at: when(ticket.lastUrgedAt, policy, lang), next: when(nextUrge, policy, lang) }));
  }
  lines.push('', renderHistory(ticket, await services.tickets.history(ticket.ref), 'resident', policy, texts, lang));

  const keyboard = new InlineKeyboard();
  for (const [action, data, label] of ACTION_BUTTONS) {
    const waiting = action === 'urge' && nextUrge !== undefined;
    if (!waiting && !decide(action, ticket, actor, policy)) keyboard.text(label(plain), myData(data, ticket.ref, page));
    if (action === 'add_info') keyboard.row();
  }
  keyboard.row().text(plain('btn-my-back'), myData('page', String(page)));
  return { text: lines.join('\n'), keyboard: withoutEmptyRows(keyboard) };
}

/**
 * One of the resident's own tickets as "My tickets" shows it (status, history, what they may
 * do), as plain data a scene can keep in its log; null when it is not theirs.
 */
export async function residentTicketView(services: AppServices, ref: string, residentId: number, lang: Lang) {
  const ticket = await services.tickets.get(ref);
  if (!ticket || ticket.resident.telegramId !== residentId) return null;
  const view = await detailView(services, ticket, residentActor(residentId, ticket.resident.name), lang, 0);
  return { text: view.text, inline_keyboard: view.keyboard?.inline_keyboard ?? [] };
}

/** In answer to a button: edit the message it is on; otherwise a new message. */
async function show(ctx: BotContext, view: View): Promise<void> {
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(view.text, { ...HTML, reply_markup: view.keyboard });
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
    return;
  }
  await ctx.reply(view.text, { ...HTML, reply_markup: view.keyboard });
}

/** Shows the resident's tickets (page 0 = newest). */
export async function showMyTickets(ctx: BotContext, page = 0): Promise<void> {
  if (!ctx.from) return;
  await show(ctx, await listView(ctx.services, ctx.from.id, ctx.lang, page));
}

async function alert(ctx: BotContext, htmlText: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: plainText(htmlText), show_alert: true });
}

/** The ticket when it is this resident's; otherwise refuses (without saying whether it exists). */
async function ownTicket(ctx: BotContext, ref: string): Promise<TicketState | null> {
  const ticket = await ctx.services.tickets.get(ref);
  if (ticket && ticket.resident.telegramId === ctx.from?.id) return ticket;
  ctx.log.warn({ ref, userId: ctx.from?.id }, 'my tickets: refused a ticket that is not the resident\'s');
  await alert(ctx, refusalText({ reason: 'not_your_ticket' }, ref, ctx.services.texts, ctx.lang));
  return null;
}

/** A polite refusal; cancelling after work started gets its own explanation. */
function refusalFor(ctx: BotContext, refusal: Refusal, ref: string, action: ResidentAction): string {
  const { texts, policy } = ctx.services;
  if (action === 'cancel' && refusal.reason === 'wrong_state' && refusal.status !== 'cancelled') {
    return texts.t(ctx.lang, 'my-cancel-too-late', { ref, status: texts.t(ctx.lang, `status-${refusal.status}`) });
  }
  return refusalText(refusal, ref, texts, ctx.lang, policy);
}

async function enterScene(ctx: BotContext, scene: string, ref: string): Promise<void> {
  await ctx.answerCallbackQuery();
  if (Object.keys(await ctx.conversation.active()).length > 0) return void (await ctx.reply(ctx.t('scene-busy'), HTML));
  await ctx.conversation.enter(scene, ref);
}

export function myTicketsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  // My tickets lives in the resident's private chat; a `my:` press anywhere else is someone
  // else's message (a staff card, say) and falls through to "old button".
  const mine = composer.chatType('private');
  // The tickets the resident follows (their section of the list, Stop following).
  composer.use(myFollowedFeature((ctx, page) => showMyTickets(ctx, page)));

  mine.callbackQuery(MY_PAGE_CALLBACK, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMyTickets(ctx, Number(ctx.match[1]));
  });

  mine.callbackQuery(MY_TICKET_CALLBACK, async (ctx) => {
    const [, action, ref, pageArg] = ctx.match as RegExpMatchArray;
    const page = Number(pageArg ?? 0);
    const { services } = ctx;
    const ticket = await ownTicket(ctx, ref);
    if (!ticket) return;
    const actor = residentActor(ctx.from.id, ctx.from.first_name);

    if (action === 'open') {
      await ctx.answerCallbackQuery();
      return show(ctx, await detailView(services, ticket, actor, ctx.lang, page));
    }

    if (action === 'urge') {
      const result = await services.tickets.urge(ref, actor);
      if (!result.ok) {
        await alert(ctx, refusalFor(ctx, result, ref, 'urge'));
        // A button from an older view: show this one as it is now, with when to urge again.
        if (result.reason === 'too_soon') await show(ctx, await detailView(services, result.ticket ?? ticket, actor, ctx.lang, page));
        return;
      }
      await ctx.answerCallbackQuery({ text: services.texts.plain(ctx.lang, 'my-urge-done', { ref }) });
      return show(ctx, await detailView(services, result.ticket, actor, ctx.lang, page));
    }

    // Adding information and cancelling ask for input first: refuse before asking.
    const domainAction: ResidentAction = action === 'add' ? 'add_info' : 'cancel';
    const { refusal } = await services.tickets.check(ref, domainAction, actor);
    if (refusal) return alert(ctx, refusalFor(ctx, refusal, ref, domainAction));
    await enterScene(ctx, action === 'add' ? 'addInfo' : 'cancelTicket', ref);
  });

  return composer;
}
