/**
 * Part 6 of the benchmark: one chat floods while everyone else is served (issue 9). The bot
 * runs as in production with long polling (the runner, one update at a time per chat and
 * person, the flood limit) on the fake Bot API, which answers every message to the flooding
 * chat with 429 (retry_after 10). The flooder sends 60 messages in 6.6 s — what was measured
 * in the issue — while 100 other residents each send /start, spread over the same seconds.
 * Reply time: from the moment a resident's update is queued for getUpdates to the moment the
 * fake receives the bot's reply to them. Goal: p99 ≤ 1 s.
 */
import os from 'node:os';
import { startRunner, stopRunner } from '../bot/polling';
import { defaultOfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import { serveUpdates, startFakeTelegram } from '../test/support/fakeTelegram';
import { UpdateFactory, user } from '../test/support/updates';
import { benchHelpdesk, percentile } from './kit';

const TOKEN = '123456:BENCH-FLOOD';
const GROUP = -1009300000001;
const FLOOD_MESSAGES = 60;
const FLOOD_SECONDS = 6.6;
const OTHERS = 100;

export interface FloodFigures {
  others: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  floodMessages: number;
  floodSeconds: number;
  /** Replies the fake refused to the flooding chat (429). */
  refused: number;
  load: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchFlood(database: Database, log: (line: string) => void): Promise<FloodFigures> {
  const fake = await startFakeTelegram();
  const policy = defaultOfficePolicy({ staffChatId: GROUP, timezone: 'Asia/Shanghai' });
  const { bot, notifier } = benchHelpdesk(database, fake, TOKEN, policy);
  const flooder = user(93_000, 'Flood', { language_code: 'en' });
  fake.on('sendMessage', (p) =>
    p.chat_id === flooder.id ? { error: { error_code: 429, description: 'Too Many Requests: retry after 10', parameters: { retry_after: 10 } } } : undefined,
  );
  const queue = serveUpdates(fake);
  const u = new UpdateFactory(900_000);
  const runner = startRunner(bot, bot.api);
  const sentAt = new Map<number, number>();
  try {
    const others = Array.from({ length: OTHERS }, (_, i) => user(93_100 + i, `R${i}`, { language_code: 'zh-hans' }));
    const step = (FLOOD_SECONDS * 1000) / FLOOD_MESSAGES;
    const otherEvery = (FLOOD_SECONDS * 1000) / OTHERS;
    const started = Date.now();
    let flooded = 0;
    let served = 0;
    // One schedule: each message goes when its time has come (the flood and the others interleaved).
    while (flooded < FLOOD_MESSAGES || served < OTHERS) {
      const elapsed = Date.now() - started;
      while (flooded < FLOOD_MESSAGES && flooded * step <= elapsed) queue.push(u.text(flooder, `hello ${flooded++}`));
      while (served < OTHERS && served * otherEvery <= elapsed) {
        const who = others[served++];
        sentAt.set(who.id, Date.now());
        queue.push(u.command(who, 'start'));
      }
      await sleep(5);
    }
    const replies = await Promise.all(
      others.map((who) => fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === who.id && !c.error, 120_000)),
    );
    const times = replies.map((reply, i) => reply.at - sentAt.get(others[i].id)!).sort((a, b) => a - b);
    const figures: FloodFigures = {
      others: OTHERS,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      maxMs: times[times.length - 1],
      floodMessages: FLOOD_MESSAGES,
      floodSeconds: FLOOD_SECONDS,
      refused: fake.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === flooder.id && c.error?.error_code === 429).length,
      load: os.loadavg()[0],
    };
    log(`   ${OTHERS} others' replies while one chat floods: p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`);
    return figures;
  } finally {
    await stopRunner(runner, 0);
    await notifier.outbox.dispatcher.stop(0);
    await fake.close();
  }
}
