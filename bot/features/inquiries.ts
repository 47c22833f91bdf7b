/**
 * Answering inquiries: the card's 💬 Reply (`tk:ans:<ref>`). In a staff group it sends the
 * staff member a button into their private chat (or, when they never started the bot, a
 * t.me deep link `ans_<ref>`); in the private chat it opens the 'answer' scene.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Actor } from '../../src/people/actors';
import type { Refusal } from '../../src/tickets/rules';
import { staffCallback, staffData } from '../callbacks';
import type { AppServices, BotContext } from '../context';
import { isForbidden, type Notifier } from '../notify';
import { refusalText } from '../refusals';

const DEEP_LINK = /^ans_([A-Z]{2}-\d{8}-\d{3,})$/;

/**
 * Whether this actor may answer the inquiry now: an open one is claimed by whoever answers
 * (so the claim rule applies), a claimed or reopened one only by its owner, the head or
 * the manager (the resolve rule). Only inquiries have a Reply; complaints use Resolve.
 */
export async function answerRefusal(services: AppServices, ref: string, actor: Actor): Promise<Refusal | null> {
  const { ticket, refusal } = await services.tickets.check(ref, 'claim', actor);
  if (!ticket) return { reason: 'not_found' };
  // Who is asking comes before what kind it is: a stranger learns nothing about the ticket.
  if (refusal && (refusal.reason === 'not_staff' || refusal.reason === 'wrong_department')) return refusal;
  if (ticket.kind !== 'inquiry') return { reason: 'not_applicable' };
  if (ticket.status === 'open') return refusal;
  return (await services.tickets.check(ref, 'resolve', actor)).refusal;
}

export function inquiriesFeature(notifier: Notifier): Composer<BotContext> {
  // The scene refreshes the card and tells the resident; nothing here changes a ticket.
  void notifier;
  const composer = new Composer<BotContext>();

  composer.callbackQuery(staffCallback('ans'), async (ctx) => {
    const ref = (ctx.match as RegExpMatchArray)[1];
    const { services } = ctx;
    const lang = services.policy.language;
    const t = (key: string, args?: Record<string, string>) => services.texts.plain(lang, key, args);
    const actor = await services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    const refusal = await answerRefusal(services, ref, actor);
    if (refusal) {
      const text = refusalText(refusal, ref, services.texts, lang, services.policy).replace(/<[^>]+>/g, '');
      return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    }
    if (ctx.chat?.type === 'private') {
      await ctx.answerCallbackQuery();
      if (Object.keys(await ctx.conversation.active()).length > 0) return void (await ctx.reply(ctx.t('scene-busy'), { parse_mode: 'HTML' }));
      return ctx.conversation.enter('answer', ref);
    }
    const ticket = (await services.tickets.get(ref))!;
    try {
      await ctx.api.sendMessage(ctx.from.id, services.texts.t(lang, 'answer-dm', { ref, question: ticket.report.description }), {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text(t('btn-write-answer'), staffData('ans', ref)),
      });
      await ctx.answerCallbackQuery({ text: t('answer-see-dm', { ref }) });
    } catch (error) {
      if (!isForbidden(error)) throw error;
      // Never started: Telegram opens the bot's chat from this link, and Start continues there.
      await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=ans_${ref}` });
    }
  });

  // Registered before the resident's /start in createBot, so the deep link wins.
  composer.chatType('private').command('start', async (ctx, next) => {
    const match = DEEP_LINK.exec(ctx.match);
    if (!match) return next();
    const ref = match[1];
    const { services } = ctx;
    const user = { id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username };
    const actor = await services.staff.actorFor(user);
    const refusal = await answerRefusal(services, ref, actor);
    if (refusal) return void (await ctx.reply(refusalText(refusal, ref, services.texts, services.policy.language, services.policy), { parse_mode: 'HTML' }));
    // Only staff are remembered as having opened their chat with the bot.
    await services.staff.rememberProfile(user, true);
    if (Object.keys(await ctx.conversation.active()).length > 0) return void (await ctx.reply(ctx.t('scene-busy'), { parse_mode: 'HTML' }));
    await ctx.conversation.enter('answer', ref);
  });

  return composer;
}
