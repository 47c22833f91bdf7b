/**
 * "My tickets" for the tickets a resident follows ("me too", or a duplicate of theirs that
 * staff linked): a section under their own tickets, a view of one with what a follower may
 * know — the category, its state, who of the staff has it, when it is due, the result — and
 * Stop following. Never the reporter's description, place words or history: those may name them.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Lang } from '../../src/config/office';
import { residentActor } from '../../src/people/actors';
import { LIVE_STATUSES } from '../../src/followers/indexes';
import { REF_SOURCE } from '../../src/tickets/reference';
import { isFollowing } from '../../src/tickets/rules';
import type { TicketState } from '../../src/tickets/types';
import { myData } from '../callbacks';
import type { AppServices, BotContext } from '../context';
import { followedWhat } from '../render/follower';
import { when } from '../render/format';
import type { TextArgs } from '../texts';

/** `my:fol:<ref>:<page>` opens a followed ticket, `my:unf:<ref>:<page>` stops following it. */
const FOLLOWED_CALLBACK = new RegExp(`^my:(fol|unf):(${REF_SOURCE})(?::(\\d{1,4}))?$`);

/** The section's lines and one button per followed ticket (none when the resident follows nothing). */
export async function followedSection(services: AppServices, residentId: number, lang: Lang, page: number): Promise<{ lines: string[]; buttons: [string, string][] }> {
  const followed = await services.followers.followedBy(residentId);
  if (followed.length === 0) return { lines: [], buttons: [] };
  const t = (key: string, args?: TextArgs) => services.texts.t(lang, key, args);
  const lines = [t('my-following-title', { count: followed.length })];
  const buttons: [string, string][] = [];
  for (const ticket of followed) {
    const status = services.texts.plain(lang, `status-${ticket.status}`);
    lines.push(t('my-following-line', { ref: ticket.ref, what: followedWhat(ticket, services.policy, lang), status }));
    buttons.push([services.texts.plain(lang, 'btn-my-follow-open', { ref: ticket.ref, status }), myData('fol', ticket.ref, page)]);
  }
  return { lines, buttons };
}

function followedView(services: AppServices, ticket: TicketState, lang: Lang, page: number): { text: string; keyboard: InlineKeyboard } {
  const { policy, texts } = services;
  const t = (key: string, args?: TextArgs) => texts.t(lang, key, args);
  const status = t(`status-${ticket.status}`);
  const lines = [t('my-follow-title', { ref: ticket.ref, what: followedWhat(ticket, policy, lang) })];
  lines.push(ticket.owner ? t('my-detail-status-owner', { status, owner: ticket.owner.name }) : t('my-detail-status', { status }));
  lines.push(t('my-detail-created', { at: when(ticket.createdAt, policy, lang) }));
  if (LIVE_STATUSES.includes(ticket.status)) lines.push(t('my-detail-due', { due: when(ticket.resolutionDueAt, policy, lang) }));
  if (ticket.result && (ticket.status === 'resolved' || ticket.status === 'closed')) lines.push(t('my-detail-result', { result: ticket.result.text }));
  lines.push('', t('my-follow-note'));
  const keyboard = new InlineKeyboard()
    .text(texts.plain(lang, 'btn-my-unfollow'), myData('unf', ticket.ref, page))
    .row()
    .text(texts.plain(lang, 'btn-my-back'), myData('page', String(page)));
  return { text: lines.join('\n'), keyboard };
}

/** `showList` is My tickets' own list (after Stop following the resident is back there). */
export function myFollowedFeature(showList: (ctx: BotContext, page: number) => Promise<void>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').callbackQuery(FOLLOWED_CALLBACK, async (ctx) => {
    const [, action, ref, pageArg] = ctx.match as RegExpMatchArray;
    const page = Number(pageArg ?? 0);
    const { services } = ctx;
    const ticket = await services.tickets.get(ref);
    // Only a follower sees a followed ticket; anyone else learns nothing, not even that it exists.
    if (!ticket || !isFollowing(ticket, ctx.from.id)) {
      return void (await ctx.answerCallbackQuery({ text: services.texts.plain(ctx.lang, 'my-follow-gone'), show_alert: true }));
    }
    if (action === 'fol') {
      await ctx.answerCallbackQuery();
      const view = followedView(services, ticket, ctx.lang, page);
      return void (await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard }).catch(() => undefined));
    }
    const done = await services.followers.unfollow(ref, residentActor(ctx.from.id, ctx.from.first_name));
    await ctx.answerCallbackQuery({ text: services.texts.plain(ctx.lang, done.ok ? 'my-unfollow-done' : 'my-follow-gone', { ref }) });
    await showList(ctx, page);
  });
  return composer;
}
