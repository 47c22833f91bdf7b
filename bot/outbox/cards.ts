/**
 * Staff cards through the outbox. A card is rendered when it is sent, from the ticket as it
 * is then, so it always shows the latest state: an edit whose card is not posted yet is
 * dropped (the post will show the same), and a post recorded before a transfer is dropped
 * (the transfer posts its own). Where a card went is recorded as each copy is posted.
 */
import type { ChatTarget, OfficePolicy } from '../../src/config/office';
import type { DeliveryContext } from '../../src/outbox/types';
import type { OutboxStore } from '../../src/outbox/store';
import type { Outcome } from '../../src/outbox/types';
import type { CardLocation } from '../../src/tickets/repository';
import type { TicketState } from '../../src/tickets/types';
import { renderCard, type RenderedMessage } from '../render/card';
import { departmentName } from '../render/format';
import { cardTargets } from '../../src/tickets/targets';
import { isNotModified, outcomeOfError } from './errors';
import { sendAlbum, signalOf, step, type SenderDeps } from './messages';

const HTML = { parse_mode: 'HTML' as const };

export interface CardDeps extends SenderDeps {
  store: OutboxStore;
}

export interface PostPayload {
  targets: ChatTarget[];
  /** The department the ticket was in when the post was recorded. */
  department: string;
  /** The new cards replace the recorded ones (a transfer) instead of adding to them. */
  replace: boolean;
}

export interface MovedPayload {
  cards: CardLocation[];
  department: string;
}

/**
 * The chat whose order a card's edits keep: where its main card is posted (the first
 * target; after a transfer, the new department's). Edits render at send time, so even
 * where the main card went elsewhere (its first chat refused it) an edit shows the latest.
 */
export function cardLane(ticket: TicketState, policy: OfficePolicy): number {
  return cardTargets(ticket, policy)[0].chatId;
}

/** The card as staff should see it now, with the resident's reachability. */
export async function renderCardNow(ticket: TicketState, deps: CardDeps): Promise<RenderedMessage> {
  const { policy, texts } = deps.services;
  const card = renderCard(ticket, policy, texts);
  if (!(await deps.store.isUnreachable(ticket.resident.telegramId))) return card;
  return { ...card, text: `${card.text}\n${texts.t(policy.language, 'outbox-card-resident-unreachable')}` };
}

/** A post recorded by the previous version's Notifier (kind `card.post`). */
export async function deliverCardPost(ctx: DeliveryContext, deps: CardDeps): Promise<Outcome> {
  const payload = ctx.item.payload as PostPayload;
  const ticket = await deps.services.tickets.get(ctx.item.ref!);
  if (!ticket) return { type: 'dropped', reason: 'no such ticket' };
  if (ticket.department !== payload.department) return { type: 'dropped', reason: 'transferred before its card was posted' };
  return postCards(ctx, deps, ticket.ref, payload.targets, payload.replace);
}

/**
 * Posts the card to every target at once (an emergency's groups, heads and manager hear
 * together, not one after another), then records where the copies went in one write. After
 * a transfer the recorded cards first say where the ticket went. A chat that refuses does not
 * keep the others from hearing; the item fails only when no chat took the card.
 */
export async function postCards(ctx: DeliveryContext, deps: CardDeps, ref: string, targets: ChatTarget[], replace: boolean): Promise<Outcome> {
  const { progress } = ctx;
  const { tickets, log, policy, texts } = deps.services;
  const ticket = await tickets.get(ref);
  if (!ticket) return { type: 'dropped', reason: 'no such ticket' };
  if (replace && !progress.moved) {
    const old = await tickets.cards(ref);
    const text = texts.t(policy.language, 'card-moved', { ref, department: departmentName(policy, ticket.department, policy.language) });
    const moved = await editCards(ctx, old, text, { inline_keyboard: [] }, deps);
    if (moved.type !== 'sent') return moved;
    progress.moved = true;
    await ctx.saveProgress();
  }
  const renderedAt = deps.store.now();
  const card = await renderCardNow(ticket, deps);
  // The copies posted on an earlier try showed the state of then: only edits older than that are void.
  if (!targets.some((_, i) => typeof progress[`t${i}`] === 'object')) progress.renderedAt = renderedAt;
  const media = ticket.report.media;
  const errors: string[] = [];
  let retry: Outcome | undefined;
  await Promise.all(
    targets.map(async (target, i) => {
      if (progress[`t${i}`]) return;
      const thread = target.threadId ? { message_thread_id: target.threadId } : {};
      try {
        const album = media.length > 0 ? await step(ctx, `a${i}`, target.chatId, Math.min(media.length, 10), () => sendAlbum(deps.api, target.chatId, media, thread, signalOf(ctx)), false) : [];
        const [messageId] = await step(ctx, `m${i}`, target.chatId, 1, async () => {
          const reply = album.length > 0 ? { reply_parameters: { message_id: album[0], allow_sending_without_reply: true } } : {};
          const sent = await deps.api.sendMessage(target.chatId, card.text, { ...HTML, ...thread, reply_markup: card.keyboard, ...reply }, signalOf(ctx));
          return [sent.message_id];
        }, false);
        progress[`t${i}`] = { chatId: target.chatId, threadId: target.threadId, messageId, mediaMessageIds: album } satisfies CardLocation;
      } catch (error) {
        const outcome = outcomeOfError(error, target.chatId);
        if (outcome.type === 'retry') return void (retry ??= outcome);
        // A head or manager who never started the bot, a group the bot was removed from.
        log.warn({ ref, chatId: target.chatId, error: outcome.type === 'failed' ? outcome.error : outcome.type }, 'a card could not be posted to this chat');
        errors.push(outcome.type === 'failed' ? outcome.error : 'dropped');
        progress[`t${i}`] = 'failed';
      }
    }),
  );
  const posted = targets.map((_, i) => progress[`t${i}`]).filter((p): p is CardLocation => typeof p === 'object');
  if (retry) {
    // What went out stays out (and is edited meanwhile): the retry posts only the rest.
    await ctx.saveProgress();
    if (posted.length > 0) await tickets.setCards(ref, posted);
    return retry;
  }
  if (posted.length === 0) return { type: 'failed', error: errors[0] ?? 'no chat to post to' };
  await tickets.setCards(ref, posted);
  // Edits recorded while the post waited would only repeat it.
  await deps.store.dropEditsBefore(ref, progress.renderedAt as number);
  return { type: 'sent', messageIds: posted.map((p) => p.messageId) };
}

/** Edits each recorded card; a card that is gone or a chat that is closed is skipped. */
async function editCards(ctx: DeliveryContext, cards: CardLocation[], text: string, keyboard: RenderedMessage['keyboard'] | { inline_keyboard: [] }, deps: CardDeps): Promise<Outcome> {
  for (const [i, card] of cards.entries()) {
    const name = `e${card.chatId}:${card.messageId}`;
    if (ctx.progress[name]) continue;
    try {
      const edit = async () => {
        await deps.api.editMessageText(card.chatId, card.messageId, text, { ...HTML, reply_markup: keyboard }, signalOf(ctx)).catch((error) => {
          if (!isNotModified(error)) throw error;
        });
        return [card.messageId];
      };
      // Repeating an edit would be harmless, but the copies of an emergency card are many.
      await step(ctx, name, card.chatId, 1, edit, i < cards.length - 1);
    } catch (error) {
      const outcome = outcomeOfError(error, card.chatId);
      if (outcome.type !== 'failed') return outcome;
      deps.services.log.warn({ ref: ctx.item.ref, chatId: card.chatId, error: outcome.error }, 'a card could not be edited');
      ctx.progress[name] = 'failed';
    }
  }
  return { type: 'sent', messageIds: cards.map((c) => c.messageId) };
}

export async function deliverCardRefresh(ctx: DeliveryContext, deps: CardDeps): Promise<Outcome> {
  const ticket = await deps.services.tickets.get(ctx.item.ref!);
  if (!ticket) return { type: 'dropped', reason: 'no such ticket' };
  // A later refresh of the same card waits behind this one: it alone will do.
  if (await deps.store.supersededBy(ctx.item)) return { type: 'dropped', reason: 'a later edit follows' };
  const cards = await deps.services.tickets.cards(ticket.ref);
  if (cards.length === 0) return { type: 'dropped', reason: 'card not posted yet: the post shows the current state' };
  const card = await renderCardNow(ticket, deps);
  return editCards(ctx, cards, card.text, card.keyboard ?? { inline_keyboard: [] }, deps);
}

/** After a transfer: the old cards say where the ticket went, and lose their buttons. */
export async function deliverCardMoved(ctx: DeliveryContext, deps: CardDeps): Promise<Outcome> {
  const payload = ctx.item.payload as MovedPayload;
  const { policy, texts } = deps.services;
  const text = texts.t(policy.language, 'card-moved', { ref: ctx.item.ref!, department: departmentName(policy, payload.department, policy.language) });
  return editCards(ctx, payload.cards, text, { inline_keyboard: [] }, deps);
}
