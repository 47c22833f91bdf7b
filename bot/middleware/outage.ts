/**
 * While the database cannot be reached, nobody is left in silence and nothing is half done.
 * An update that fails because the database is away (or arrives while it is known to be away)
 * is not kept: its sender is told at once, in their language, that the service is briefly
 * unavailable, that this message was not received and nothing was saved from it, that what
 * they filled in before is kept (a scene's state is in the database and was not touched), and
 * that they will be told when to send it again — which they are, once, when the database is
 * back. A button press gets the same as a short alert. Emergency numbers are in the notice:
 * an emergency cannot be filed meanwhile. Kept in memory: after a restart nobody is owed a
 * "back" notice by this process.
 */
import type { Api, MiddlewareFn } from 'grammy';
import type { Lang } from '../../src/config/office';
import type { AppFlavor, AppServices, BotContext } from '../context';
import { html } from '../html';
import { pickLanguage } from '../texts';

const HTML = { parse_mode: 'HTML' as const };

export function databaseOutageGuard(services: AppServices): MiddlewareFn<BotContext> {
  const { databaseHealth: health, texts, policy, log } = services;
  /** Private chats told during this outage, to be told once when it is over. */
  const owed = new Map<number, { lang: Lang; api: Api }>();
  /** Private chats that had the full notice in this outage (once is enough; a tap is always answered). */
  const noticed = new Set<number>();

  health.onBack(() => {
    const chats = [...owed];
    owed.clear();
    noticed.clear();
    for (const [chatId, { lang, api }] of chats) {
      void api.sendMessage(chatId, texts.t(lang, 'outage-back'), HTML).catch((error: unknown) => log.warn({ err: error, chatId }, 'outage: the "back" notice could not be sent'));
    }
  });

  const languageOf = (ctx: BotContext): Lang => {
    const known = (ctx as Partial<AppFlavor>).lang;
    if (known) return known;
    const from = ctx.from;
    return from ? pickLanguage(services.residents.lastKnownLanguage(from.id), from.language_code, policy.language) : policy.language;
  };

  const tell = async (ctx: BotContext) => {
    const lang = languageOf(ctx);
    const chatId = ctx.chat?.id;
    const isPrivate = ctx.chat?.type === 'private';
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: texts.plain(lang, 'outage-unavailable-short'), show_alert: true });
    } else if (isPrivate && chatId !== undefined && !noticed.has(chatId)) {
      noticed.add(chatId);
      const phone = policy.dutyPhone.trim();
      const duty = phone ? html(texts.t(lang, 'outage-duty', { phone })) : '';
      await ctx.reply(texts.t(lang, 'outage-unavailable', { duty }), HTML);
    } else if (!isPrivate && (ctx.message?.text ?? '').startsWith('/')) {
      await ctx.reply(texts.t(lang, 'outage-unavailable-short'), HTML);
    }
    if (isPrivate && chatId !== undefined) owed.set(chatId, { lang, api: ctx.api });
    log.debug({ updateId: ctx.update.update_id, chatId }, 'outage: update not handled, its sender told');
  };

  return async (ctx, next) => {
    if (!health.down) {
      try {
        await next();
        return;
      } catch (error) {
        if (!health.failed(error)) throw error;
      }
    }
    await tell(ctx).catch((error: unknown) => log.warn({ err: error, chatId: ctx.chat?.id }, 'outage: the sender could not be told'));
  };
}
