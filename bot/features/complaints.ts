/**
 * Complaint classification (投诉分类) from the card's 🏷 button: a row of classes is posted
 * under the card; a class sets the resolution time (the domain's table), the card and the
 * resident are updated, a valid complaint alerts the department heads and a major one puts
 * the manager in charge. An invalid complaint needs an explanation for the resident: the
 * staff member gets a private message to reply to (force_reply), so the explanation is typed
 * where the group cannot see it, without a scene, and survives a restart (the reference is
 * in the message replied to; permissions are checked again when the reply arrives).
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { ForceReply } from 'grammy/types';
import type { Actor } from '../../src/people/actors';
import { REF_SOURCE } from '../../src/tickets/reference';
import type { ActionResult } from '../../src/tickets/service';
import { COMPLAINT_CLASSES, type ComplaintClass } from '../../src/tickets/types';
import { formatDuration } from '../../src/time/duration';
import { staffCallback, staffData } from '../callbacks';
import type { AppServices, BotContext } from '../context';
import { refusalHtml, refuseWithToast, toastText } from '../kit';
import { isForbidden, isNotModified } from '../outbox/errors';
import { when } from '../render/format';

const INVALID_LINK = new RegExp(`^ci_(${REF_SOURCE})$`);
const MIN_EXPLANATION = 5;

type Done = Extract<ActionResult, { ok: true }>;

function actorOf(ctx: BotContext): Promise<Actor> {
  const from = ctx.from!;
  return ctx.services.staff.actorFor({ id: from.id, firstName: from.first_name, username: from.username });
}

/** What the staff member replies to; its exact wording identifies the reply as an explanation. */
function explanationPrompt(services: AppServices, ref: string): string {
  return services.texts.t(services.policy.language, 'classify-invalid-ask', { ref });
}

const FORCE_REPLY: ForceReply = { force_reply: true };

/** Whether a scene is open in the user's private chat (its state is stored under createBot's 'scene:' prefix). */
async function hasOpenForm(services: AppServices, userId: number): Promise<boolean> {
  return (await services.conversations.read(`scene:${userId}`)) !== undefined;
}

export function complaintsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const refuse = refuseWithToast;

  composer.callbackQuery(staffCallback('cls'), async (ctx) => {
    const [, ref, arg] = ctx.match as RegExpMatchArray;
    const actor = await actorOf(ctx);
    if (arg === undefined) return showClasses(ctx, ref, actor);
    if (!(COMPLAINT_CLASSES as string[]).includes(arg)) {
      return void (await ctx.answerCallbackQuery({ text: ctx.services.texts.plain(ctx.lang, 'scene-old-button') }));
    }
    if (arg === 'invalid') return askExplanation(ctx, ref, actor);
    return classifyFromButton(ctx, ref, actor, arg as ComplaintClass);
  });

  async function showClasses(ctx: BotContext, ref: string, actor: Actor): Promise<void> {
    const { services } = ctx;
    const { refusal } = await services.tickets.check(ref, 'classify', actor);
    if (refusal) return refuse(ctx, refusal, ref);
    const lang = services.policy.language;
    const limits = services.policy.complaintResolution;
    const keyboard = new InlineKeyboard();
    COMPLAINT_CLASSES.forEach((cls, i) => {
      if (i === 3) keyboard.row();
      keyboard.text(services.texts.plain(lang, `complaint-class-${cls}`), staffData('cls', ref, cls));
    });
    const text = services.texts.t(lang, 'classify-pick', {
      ref,
      valid: formatDuration(limits.valid, lang),
      help: formatDuration(limits.help, lang),
      inquiry: formatDuration(limits.inquiry, lang),
      venting: formatDuration(limits.venting, lang),
      majorFirst: formatDuration(limits.majorFirstAnswer, lang),
      major: formatDuration(limits.major, lang),
    });
    const card = ctx.callbackQuery?.message;
    await ctx.answerCallbackQuery();
    await ctx.api.sendMessage(ctx.chat?.id ?? ctx.from!.id, text, {
      parse_mode: 'HTML',
      reply_markup: keyboard,
      ...(card?.is_topic_message && card.message_thread_id ? { message_thread_id: card.message_thread_id } : {}),
      ...(card && ctx.chat ? { reply_parameters: { message_id: card.message_id, allow_sending_without_reply: true } } : {}),
    });
  }

  /** The manager who takes a major complaint: the classifier if a manager, else the first one configured. */
  function majorOwner(services: AppServices, actor: Actor): { id: number; name: string } | undefined {
    if (actor.role === 'manager') return { id: actor.id, name: actor.name };
    const first = services.policy.managers[0];
    if (first === undefined) return undefined;
    // Staff profiles are not readable through the services yet; the title reads well on a card.
    return { id: first, name: services.texts.plain(services.policy.language, 'classify-manager-name') };
  }

  async function classifyFromButton(ctx: BotContext, ref: string, actor: Actor, cls: ComplaintClass): Promise<void> {
    const { services } = ctx;
    const { ticket, refusal } = await services.tickets.check(ref, 'classify', actor);
    if (refusal) return refuse(ctx, refusal, ref);
    const lang = services.policy.language;
    // A second press on the same class (a double tap, two pickers) changes nothing.
    if (ticket?.complaint?.class === cls) {
      return void (await ctx.answerCallbackQuery({ text: services.texts.plain(lang, 'classify-same', { ref, class: services.texts.plain(lang, `complaint-class-${cls}`) }) }));
    }
    const manager = cls === 'major' ? majorOwner(services, actor) : undefined;
    if (cls === 'major' && !manager) services.log.warn({ ref }, 'major complaint: no manager configured to take it');
    const result = await services.tickets.classify(ref, actor, cls, { manager });
    if (!result.ok) return refuse(ctx, result, ref);
    await closePicker(ctx, result);
    await ctx.answerCallbackQuery({ text: services.texts.plain(lang, 'classify-ok', { ref, class: services.texts.plain(lang, `complaint-class-${cls}`) }) });
  }

  /** The row of classes becomes a line saying what was chosen; a card pressed with forged data is left to refreshCard. */
  async function closePicker(ctx: BotContext, done: Done): Promise<void> {
    const message = ctx.callbackQuery?.message;
    if (!message || !ctx.chat) return;
    const cards = await ctx.services.tickets.cards(done.ticket.ref);
    if (cards.some((c) => c.chatId === ctx.chat!.id && c.messageId === message.message_id)) return;
    const { texts, policy } = ctx.services;
    const c = done.ticket.complaint!;
    const text = texts.t(policy.language, 'classify-done', {
      ref: done.ticket.ref,
      class: texts.plain(policy.language, `complaint-class-${c.class}`),
      by: c.classifiedBy?.name ?? '',
      due: when(done.ticket.resolutionDueAt, policy, policy.language),
    });
    await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: { inline_keyboard: [] } }).catch((error) => {
      if (!isNotModified(error)) ctx.log.warn({ err: error }, 'could not close the class picker');
    });
  }

  // --- invalid: the explanation is typed privately -------------------------------------------

  async function askExplanation(ctx: BotContext, ref: string, actor: Actor): Promise<void> {
    const { services } = ctx;
    const { refusal } = await services.tickets.check(ref, 'classify', actor);
    if (refusal) return refuse(ctx, refusal, ref);
    // A form open in their private chat would take the reply as its own answer.
    if (await hasOpenForm(services, ctx.from!.id)) {
      return void (await ctx.answerCallbackQuery({ text: services.texts.plain(services.policy.language, 'classify-invalid-busy', { ref }), show_alert: true }));
    }
    const prompt = explanationPrompt(services, ref);
    if (ctx.chat?.type === 'private') {
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(prompt, { parse_mode: 'HTML', reply_markup: FORCE_REPLY }));
    }
    try {
      await ctx.api.sendMessage(ctx.from!.id, prompt, { parse_mode: 'HTML', reply_markup: FORCE_REPLY });
      await ctx.answerCallbackQuery({ text: services.texts.plain(services.policy.language, 'classify-invalid-see-dm', { ref }) });
    } catch (error) {
      if (!isForbidden(error)) throw error;
      // Never started the bot: Telegram opens its chat from this link, Start asks there.
      await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=ci_${ref}` });
    }
  }

  const privateChats = composer.chatType('private');

  privateChats.command('start', async (ctx, next) => {
    const match = INVALID_LINK.exec(ctx.match);
    if (!match) return next();
    const ref = match[1];
    const { services } = ctx;
    await services.staff.rememberProfile({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username }, true);
    const { refusal } = await services.tickets.check(ref, 'classify', await actorOf(ctx));
    if (refusal) return void (await ctx.reply(refusalHtml(ctx, refusal, ref), { parse_mode: 'HTML' }));
    await ctx.reply(explanationPrompt(services, ref), { parse_mode: 'HTML', reply_markup: FORCE_REPLY });
  });

  /** A reply to the bot's explanation prompt; any other private text goes on. */
  privateChats.on('message:text', async (ctx, next) => {
    const replied = ctx.msg.reply_to_message;
    if (!replied?.text || replied.from?.id !== ctx.me.id) return next();
    const { services } = ctx;
    const ref = new RegExp(REF_SOURCE).exec(replied.text)?.[0];
    if (!ref || !replied.text.includes(toastText(explanationPrompt(services, ref)))) return next();
    const lang = services.policy.language;
    const explanation = ctx.msg.text.trim();
    const length = [...explanation].length;
    const max = services.policy.limits.maxTextLength;
    if (length < MIN_EXPLANATION || length > max) {
      const problem = length < MIN_EXPLANATION
        ? services.texts.t(lang, 'classify-invalid-too-short', { min: MIN_EXPLANATION })
        : services.texts.t(lang, 'classify-invalid-too-long', { length, max });
      return void (await ctx.reply(`${problem}\n\n${explanationPrompt(services, ref)}`, { parse_mode: 'HTML', reply_markup: FORCE_REPLY }));
    }
    const actor = await actorOf(ctx);
    const result = await services.tickets.classify(ref, actor, 'invalid', { explanation });
    if (!result.ok) return void (await ctx.reply(refusalHtml(ctx, result, ref), { parse_mode: 'HTML' }));
    await ctx.reply(services.texts.t(lang, 'classify-invalid-done', { ref }), { parse_mode: 'HTML' });
  });

  return composer;
}
