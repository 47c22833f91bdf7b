/**
 * Part 1 of the benchmark: 2,000 due follow-ups to 2,000 residents (and 50 reminders to two
 * staff groups) enqueued as the survey job does, sent by the outbox's dispatcher with the
 * default (Telegram's) limits to a fake Bot API that enforces those limits, while five
 * interactive replies are sent in the middle of the batch.
 */
import pino from 'pino';
import { Api } from 'grammy';
import { Notifier } from '../bot/notify';
import { createOutbox } from '../bot/outbox';
import { createServices } from '../bot/services';
import { Texts } from '../bot/texts';
import { systemClock } from '../src/clock';
import { defaultOfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import { outboxPolicy } from '../src/outbox/policy';
import { busiestWindow, startLimitedTelegram } from './limitedTelegram';

const TOKEN = '123456:BENCH';
export const GROUPS = [-1009000000001, -1009000000002];
const RESIDENTS = 2000;
const PER_GROUP = 25;
const INTERACTIVE_AT = [10_000, 20_000, 30_000, 40_000, 50_000];

export interface SendingFigures {
  messages: number;
  enqueueSeconds: number;
  sendSeconds: number;
  perSecond: number;
  configuredPerSecond: number;
  busiestSecond: number;
  refused429: number;
  busiestGroupMinute: number;
  configuredPerGroupMinute: number;
  interactiveIdleMs: number;
  interactiveWaitsMs: number[];
  delivered: number;
  duplicates: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await send();
  return performance.now() - started;
}

export async function benchSending(database: Database, log: (line: string) => void): Promise<SendingFigures> {
  const fake = await startLimitedTelegram();
  const policy = defaultOfficePolicy({ staffChatId: GROUPS[0], timezone: 'Asia/Shanghai' });
  const services = createServices({ database, policy, clock: systemClock, texts: new Texts(), log: pino({ level: 'silent' }), probe: { isMember: async () => true } });
  const outbox = createOutbox({ services, token: TOKEN, client: { apiRoot: fake.apiRoot } });
  // What the bot's handlers and scenes send with: the client fetch that counts them first.
  const interactive = new Api(TOKEN, { apiRoot: fake.apiRoot, fetch: outbox.interactiveFetch });
  const notifier = new Notifier(outbox);
  const limits = outboxPolicy(policy);
  try {
    await interactive.sendMessage(99_000, 'idle reply'); // opens the connection
    const idle = [await timed(() => interactive.sendMessage(99_000, 'idle reply')), await timed(() => interactive.sendMessage(99_000, 'idle reply'))];
    const interactiveIdleMs = Math.min(...idle);
    outbox.dispatcher.start();
    const started = Date.now();

    // Five replies to people while the batch runs, each timed.
    const waits: Promise<number>[] = INTERACTIVE_AT.map(async (at, i) => {
      await sleep(at);
      return timed(() => interactive.sendMessage(99_001 + i, `reply ${i}`));
    });

    // The limits job's tick: 25 reminders to each staff group, more than a group's minute allows.
    const groupMessages = PER_GROUP * GROUPS.length;
    for (let n = 0; n < groupMessages; n++) {
      await notifier.enqueue({ key: `bench:reminder:${n}`, chatId: GROUPS[n % GROUPS.length], text: `提醒 ${n}`, purpose: 'reminder' });
    }
    // The survey job's tick: one enqueue per due follow-up.
    for (let i = 0; i < RESIDENTS; i++) {
      await notifier.enqueue({ key: `bench:survey:${i}`, chatId: 100_000 + i, text: `回访 ${i}：请为本次服务打分`, purpose: 'survey' });
    }
    const enqueueSeconds = (Date.now() - started) / 1000;
    log(`  enqueued ${RESIDENTS + groupMessages} messages in ${enqueueSeconds.toFixed(1)} s; sending...`);

    const total = RESIDENTS + groupMessages;
    const outboxAccepted = () => fake.accepted.filter((a) => !a.text.startsWith('reply') && a.text !== 'idle reply');
    for (let last = -1; outboxAccepted().length < total; ) {
      await sleep(1000);
      if (outboxAccepted().length === last && Date.now() - started > 170_000) break;
      last = outboxAccepted().length;
      if (last % 300 < 30) log(`  ${last}/${total} delivered after ${Math.round((Date.now() - started) / 1000)} s`);
    }
    const interactiveWaitsMs = await Promise.all(waits);
    await outbox.dispatcher.stop(5000);

    const sent = outboxAccepted();
    const first = sent[0]?.at ?? started;
    const last = sent.at(-1)?.at ?? first;
    const sendSeconds = (last - first) / 1000;
    const texts = sent.map((a) => a.text);
    return {
      messages: total,
      enqueueSeconds,
      sendSeconds,
      perSecond: sent.length / Math.max(sendSeconds, 0.001),
      configuredPerSecond: limits.globalPerSecond,
      busiestSecond: busiestWindow(fake.accepted, 1000),
      refused429: fake.refused.length,
      busiestGroupMinute: Math.max(...GROUPS.map((g) => busiestWindow(fake.accepted, 60_000, g))),
      configuredPerGroupMinute: limits.perGroupPerMinute,
      interactiveIdleMs,
      interactiveWaitsMs,
      delivered: new Set(texts).size,
      duplicates: texts.length - new Set(texts).size,
    };
  } finally {
    await outbox.dispatcher.stop(0);
    await fake.close();
  }
}
