/**
 * The only sender of what follows a ticket event: an outbox item holding a notice (written by
 * src/reactions with the event) is rendered here, when it is sent, in its reader's language —
 * the resident's own, the office's for staff — and sent to its recipient. Each step that sends
 * something is remembered in the item's progress, so a retry does not send it twice.
 */
import { GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Lang } from '../../src/config/office';
import type { Notice, Recipient } from '../../src/reactions/notices';
import type { NoticePayload } from '../../src/reactions/reactor';
import { departmentTarget } from '../../src/tickets/targets';
import type { Media, TicketEvent, TicketState } from '../../src/tickets/types';
import type { DeliveryContext, Outcome } from '../../src/outbox/types';
import { renderContact } from '../render/card';
import { emergencyGuidance } from '../render/emergency';
import { renderResidentUpdate } from '../render/resident';
import { renderFollowerUpdate } from '../render/follower';
import { inlineKeyboard, renderSurvey } from '../followups/render';
import { pickLanguage } from '../texts';
import { deliverCardRefresh, postCards, type CardDeps } from '../outbox/cards';
import { outcomeOfError } from '../outbox/errors';
import { sendAlbum, signalOf, step } from '../outbox/messages';
import { renderLimitAlert } from './limits';
import { renderMessage, surveyOf, type Rendered } from './messages';

const HTML = { parse_mode: 'HTML' as const };

export interface NoticeDeps extends CardDeps {
  /** The bot's username, for deep links (known once the bot has started). */
  botUsername(): string;
}

/** Where a rendered notice goes, in which language, and how it reads there. */
interface Place {
  chatId: number;
  threadId?: number;
  /** Under this card message. */
  replyTo?: number;
  lang: Lang;
  where: 'private' | 'card' | 'resident';
}

async function residentLanguage(deps: NoticeDeps, ticket: TicketState): Promise<Lang> {
  const stored = await deps.services.residents.language(ticket.resident.telegramId);
  return pickLanguage(stored ?? ticket.resident.language, undefined, deps.services.policy.language);
}

async function followerLanguage(deps: NoticeDeps, ticket: TicketState, id: number): Promise<Lang> {
  const stored = await deps.services.residents.language(id);
  const recorded = ticket.followers?.find((f) => f.telegramId === id)?.language;
  return pickLanguage(stored ?? recorded, undefined, deps.services.policy.language);
}

async function placeOf(to: Recipient, ticket: TicketState, deps: NoticeDeps): Promise<Place> {
  const { policy, tickets } = deps.services;
  switch (to.kind) {
    case 'resident':
      return { chatId: ticket.resident.telegramId, lang: await residentLanguage(deps, ticket), where: 'resident' };
    case 'person':
      return { chatId: to.id, lang: policy.language, where: 'private' };
    case 'follower':
      return { chatId: to.id, lang: await followerLanguage(deps, ticket, to.id), where: 'resident' };
    case 'chat':
      return { chatId: to.chatId, threadId: to.threadId, lang: policy.language, where: 'card' };
    case 'card': {
      const card = (await tickets.cards(ticket.ref))[0];
      if (card) return { chatId: card.chatId, threadId: card.threadId, replyTo: card.messageId, lang: policy.language, where: 'card' };
      const { chatId, threadId } = departmentTarget(policy, ticket.department);
      return { chatId, threadId, lang: policy.language, where: 'card' };
    }
  }
}

/** The notice in words for this place; null when there is nothing to say. */
async function render(notice: Notice, payload: NoticePayload & { event: TicketEvent }, place: Place, deps: NoticeDeps): Promise<Rendered | null> {
  const { ticket, event } = payload;
  const { services } = deps;
  const where = place.where === 'card' ? 'card' : 'private';
  const what = notice.what;
  switch (what.type) {
    case 'resident_update': {
      const message = renderResidentUpdate(ticket, event, services.policy, services.texts, place.lang);
      if (!message) return null;
      const media = event.type === 'resolved' || event.type === 'note_added' ? event.media ?? [] : [];
      return { text: message.text, keyboard: message.keyboard ? { inline_keyboard: message.keyboard.inline_keyboard } : undefined, media };
    }
    case 'follower_update': {
      const text = renderFollowerUpdate(ticket, event, services.policy, services.texts, place.lang);
      return text === null ? null : { text };
    }
    case 'contact': {
      if (ticket.anonymous) return null;
      if (where === 'private') return { text: renderContact(ticket, services.policy, services.texts) };
      const owner = ticket.owner!;
      const link = `https://t.me/${deps.botUsername()}?start=ct_${ticket.ref}`;
      return { text: services.texts.t(place.lang, 'ra-start-bot', { ref: ticket.ref, name: owner.name, link }) };
    }
    case 'limit_alert':
      return renderLimitAlert({ ticket, limit: what.limit, level: what.level, due: new Date(what.due), audience: what.audience, at: new Date(event.at), lang: place.lang, where }, services);
    case 'survey': {
      const survey = await surveyOf(deps.services, what.survey);
      if (!survey) return null;
      const rendered = renderSurvey(survey, ticket, services.policy, services.texts, place.lang, { reminder: what.mode === 'resend' });
      return { text: rendered.text, keyboard: inlineKeyboard(rendered.buttons) };
    }
    case 'message':
      return renderMessage({ kind: what.message, ticket, event, lang: place.lang, where }, services);
    case 'card_post':
    case 'card_refresh':
      throw new Error(`${what.type} is not a message`);
  }
}

/** Sends a rendered notice: for a resident the photos first (then the words about them); elsewhere the words, then the photos under them. */
async function send(ctx: DeliveryContext, deps: NoticeDeps, place: Place, rendered: Rendered, prefix: string): Promise<number[]> {
  const media: Media[] = rendered.media ?? [];
  const thread = place.threadId ? { message_thread_id: place.threadId } : {};
  const under = place.replyTo ? { reply_parameters: { message_id: place.replyTo, allow_sending_without_reply: true } } : {};
  const album = () => sendAlbum(deps.api, place.chatId, media, { ...thread, ...under }, signalOf(ctx));
  const text = () =>
    step(ctx, `${prefix}msg`, place.chatId, 1, async () => {
      const markup: { reply_markup?: InlineKeyboardMarkup } = rendered.keyboard ? { reply_markup: rendered.keyboard } : {};
      const sent = await deps.api.sendMessage(place.chatId, rendered.text, { ...HTML, ...thread, ...under, ...markup }, signalOf(ctx));
      return [sent.message_id];
    });
  if (media.length === 0) return text();
  const weight = Math.min(media.length, 10);
  if (place.where === 'resident') {
    const ids = await step(ctx, `${prefix}album`, place.chatId, weight, album);
    return [...ids, ...(await text())];
  }
  const ids = await text();
  return [...ids, ...(await step(ctx, `${prefix}album`, place.chatId, weight, album))];
}

/** A private message that cannot reach its reader (never started the bot, blocked it). */
function undeliverable(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)));
}

/** No chat at all took an emergency's alert: the resident is told at once to phone, with the numbers. */
async function nobodyAlerted(ctx: DeliveryContext, deps: NoticeDeps, ticket: TicketState): Promise<void> {
  const { policy, texts, log } = deps.services;
  const place = await placeOf({ kind: 'resident' }, ticket, deps);
  const what = ticket.emergency?.what ?? 'other';
  const text = [texts.t(place.lang, 'emergency-alert-failed'), '', emergencyGuidance(what, policy, texts, place.lang)].join('\n');
  log.error({ ref: ticket.ref }, 'no staff chat could be alerted of an emergency: the resident is told to phone');
  try {
    await send(ctx, deps, place, { text }, 'nobody:');
  } catch (error) {
    log.error({ err: error, ref: ticket.ref }, 'the resident could not be told either');
  }
}

export async function deliverNotice(ctx: DeliveryContext, deps: NoticeDeps): Promise<Outcome> {
  const payload = ctx.item.payload as NoticePayload;
  const { notice, ticket } = payload;
  const what = notice.what;
  if (what.type === 'card_post') {
    const posted = await postCards(ctx, deps, ticket.ref, what.targets, what.replace);
    if (posted.type === 'failed' && ticket.kind === 'emergency') await nobodyAlerted(ctx, deps, ticket);
    return posted;
  }
  if (what.type === 'card_refresh') return deliverCardRefresh(ctx, deps);
  const { event } = payload;
  if (!event) return { type: 'dropped', reason: 'a message needs the event it follows' };
  let place = await placeOf(notice.to, ticket, deps);
  try {
    if (ctx.progress.fallback) throw ctx.progress.fallback;
    const rendered = await render(notice, { ...payload, event }, place, deps);
    if (!rendered) return { type: 'dropped', reason: 'nothing to say to this reader' };
    return { type: 'sent', messageIds: await send(ctx, deps, place, rendered, '') };
  } catch (error) {
    if (!notice.fallbackToCard || !(ctx.progress.fallback || undeliverable(error))) return outcomeOfError(error, place.chatId);
    // Said under the card instead, where the whole group sees it.
    ctx.progress.fallback = 'private chat not open';
    place = await placeOf({ kind: 'card' }, ticket, deps);
    try {
      const rendered = await render(notice, { ...payload, event }, place, deps);
      if (!rendered) return { type: 'dropped', reason: 'nothing to say under the card' };
      return { type: 'sent', messageIds: await send(ctx, deps, place, rendered, 'card:') };
    } catch (fallbackError) {
      return outcomeOfError(fallbackError, place.chatId);
    }
  }
}
