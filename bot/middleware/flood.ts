/**
 * A per-person flood limit, before anything else touches the update (no database write, no
 * scene, no queue behind the person's own earlier updates): more than `maxUpdates` within
 * `window` (the office policy's `flood`) gets one polite notice in the person's language, and
 * everything else they send is dropped until the window has passed. Counted: everything in a
 * private chat, button presses anywhere and commands in groups — not the staff's ordinary
 * group conversation, which the bot mostly just reads. Kept in memory per process.
 */
import { GrammyError, type MiddlewareFn } from 'grammy';
import type { AppServices, BotContext } from '../context';
import { pickLanguage } from '../texts';

/** Tries of the "slow down" notice while Telegram refuses the chat (429). */
const NOTICE_ATTEMPTS = 4;

interface PersonState {
  /** Times (ms) of the counted updates within the current window. */
  hits: number[];
  /** Dropping everything from this person until then. */
  blockedUntil: number;
}

function counted(ctx: BotContext): boolean {
  if (ctx.callbackQuery) return true;
  if (ctx.chat?.type === 'private') return true;
  const text = ctx.message?.text ?? ctx.message?.caption;
  return typeof text === 'string' && text.startsWith('/');
}

export function floodLimit(services: AppServices): MiddlewareFn<BotContext> {
  const people = new Map<number, PersonState>();
  let lastSweep = 0;

  const sweep = (now: number, window: number) => {
    if (now - lastSweep < window) return;
    lastSweep = now;
    for (const [id, s] of people) if (s.blockedUntil <= now && (s.hits.at(-1) ?? 0) <= now - window) people.delete(id);
  };

  const tellOnce = async (ctx: BotContext, seconds: number) => {
    const from = ctx.from!;
    const stored = await services.residents.language(from.id).catch(() => undefined);
    const lang = pickLanguage(stored, from.language_code, services.policy.language);
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: services.texts.plain(lang, 'flood-slow-down-short', { seconds }) });
    } else if (ctx.chat?.type === 'private') {
      const notice = () => ctx.reply(services.texts.t(lang, 'flood-slow-down', { seconds }), { parse_mode: 'HTML' });
      // A flooding chat is often refused by Telegram for a while: this runs outside the
      // handler, so it may wait that out (a few times) where the handler's own replies do not.
      for (let attempt = 1; ; attempt++) {
        try {
          await notice();
          return;
        } catch (error) {
          const wait = error instanceof GrammyError && error.error_code === 429 ? error.parameters.retry_after : undefined;
          if (wait === undefined || attempt >= NOTICE_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        }
      }
    }
  };

  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || !counted(ctx)) return next();
    const { window, maxUpdates } = services.policy.flood;
    const now = services.clock.now().getTime();
    sweep(now, window);
    let state = people.get(userId);
    if (!state) people.set(userId, (state = { hits: [], blockedUntil: 0 }));
    if (state.blockedUntil > now) return; // dropped, silently: they have been told
    state.hits = state.hits.filter((t) => t > now - window);
    state.hits.push(now);
    if (state.hits.length <= maxUpdates) return next();

    state.blockedUntil = now + window;
    state.hits = [];
    const seconds = Math.ceil(window / 1000);
    services.log.info({ userId, chatId: ctx.chat?.id, maxUpdates, windowSeconds: seconds }, 'flood limit: one notice, then this person\'s updates are dropped for the window');
    // Not awaited: a slow or rate-limited chat must not hold this update's slot.
    void tellOnce(ctx, seconds).catch((error) => services.log.warn({ err: error, userId }, 'flood limit: the notice could not be sent'));
  };
}
