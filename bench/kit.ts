/**
 * What several bench parts share: the percentile of their timings, the helpdesk and the bare
 * grammY bot they compare, and an office whose outbox is not paced (Telegram's pace is the sending
 * part's subject; elsewhere it would only measure waiting).
 */
import { Bot } from 'grammy';
import pino from 'pino';
import { createBot } from '../bot/createBot';
import { createServices } from '../bot/services';
import { Texts } from '../bot/texts';
import { systemClock } from '../src/clock';
import type { Database } from '../src/db/connection';
import { defaultOfficePolicy, type OfficePolicy } from '../src/config/office';
import type { FakeTelegram } from '../test/support/fakeTelegram';

/** The nearest-rank p-th percentile (0-100) of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** A grammY bot that answers every message and button with one reply: the baseline. */
export function bareBot(fake: FakeTelegram, token: string): Bot {
  const bot = new Bot(token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } });
  bot.on('message', (ctx) => ctx.reply(ctx.message.text ?? 'ok'));
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.callbackQuery.data);
  });
  return bot;
}

/** The default office with its staff group, its outbox free of Telegram's limits. */
export function unpacedPolicy(staffChatId: number): OfficePolicy {
  const base = defaultOfficePolicy({ staffChatId, timezone: 'Asia/Shanghai' });
  return { ...base, outbox: { ...base.outbox, globalPerSecond: 100_000, perChatPerSecond: 1000, perChatBurst: 1000, perGroupPerMinute: 100_000 } };
}

/** The helpdesk as `npm start` composes it, on the bench's database and fake Bot API, with no one a staff member unless `isMember` says so. */
export function benchHelpdesk(database: Database, fake: FakeTelegram, token: string, policy: OfficePolicy, isMember = false) {
  const services = createServices({ database, policy, clock: systemClock, texts: new Texts(), log: pino({ level: process.env.BENCH_LOG ?? 'silent' }), probe: { isMember: async () => isMember } });
  return { services, ...createBot({ token, services, apiRoot: fake.apiRoot, botInfo: fake.botInfo }) };
}
