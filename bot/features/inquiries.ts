/**
 * Answering inquiries: the card's 💬 Reply (`tk:ans:<ref>`). In a staff group it sends the
 * staff member a button into their private chat (or, when they never started the bot, a
 * t.me deep link `ans_<ref>`); in the private chat it opens the 'answer' scene.
 */
import { Composer } from 'grammy';
import { REF_SOURCE } from '../../src/tickets/reference';
import { staffCallback, staffData } from '../callbacks';
import type { BotContext } from '../context';
import { continueInPrivate, formAlreadyOpen, refusalHtml, refuseWithToast } from '../kit';

const DEEP_LINK = new RegExp(`^ans_(${REF_SOURCE})$`);

export function inquiriesFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.callbackQuery(staffCallback('ans'), async (ctx) => {
    const ref = (ctx.match as RegExpMatchArray)[1];
    const { services } = ctx;
    const t = (key: string, args?: Record<string, string>) => services.texts.plain(ctx.lang, key, args);
    const actor = await services.staff.actorFor({ id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username });
    const { ticket, refusal } = await services.tickets.checkAnswer(ref, actor);
    if (refusal) return refuseWithToast(ctx, refusal, ref);
    if (ctx.chat?.type === 'private') {
      await ctx.answerCallbackQuery();
      if (await formAlreadyOpen(ctx)) return;
      return ctx.conversation.enter('answer', ref);
    }
    await continueInPrivate(ctx, {
      text: services.texts.t(ctx.lang, 'answer-dm', { ref, question: ticket!.report.description }),
      button: t('btn-write-answer'),
      data: staffData('ans', ref),
      toast: t('answer-see-dm', { ref }),
      startPayload: `ans_${ref}`,
    });
  });

  // Registered before the resident's /start in createBot, so the deep link wins.
  composer.chatType('private').command('start', async (ctx, next) => {
    const match = DEEP_LINK.exec(ctx.match);
    if (!match) return next();
    const ref = match[1];
    const { services } = ctx;
    const user = { id: ctx.from.id, firstName: ctx.from.first_name, username: ctx.from.username };
    const actor = await services.staff.actorFor(user);
    const { refusal } = await services.tickets.checkAnswer(ref, actor);
    if (refusal) return void (await ctx.reply(refusalHtml(ctx, refusal, ref), { parse_mode: 'HTML' }));
    // Only staff are remembered as having opened their chat with the bot.
    await services.staff.rememberProfile(user, true);
    if (await formAlreadyOpen(ctx)) return;
    await ctx.conversation.enter('answer', ref);
  });

  return composer;
}
