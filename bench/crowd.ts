/**
 * Part 7 of the benchmark: 200 new residents at once, each registering and filing a repair
 * (12 updates each: /repair, name, phone, address, save, kind, category, my flat,
 * description, done, as soon as possible, confirm), each sending the next answer when the
 * last one has been handled, as a person waits for the bot's question. The same updates go
 * to a bare grammY bot that answers each with one reply, on the same fake Bot API in the same
 * run. The figure is each update's reply time (from handing it to the bot until its handler
 * finished) at the 99th percentile, as a ratio to the bare bot's; and every report must
 * have been filed.
 */
import os from 'node:os';
import type { Update } from 'grammy/types';
import type { Database } from '../src/db/connection';
import { startFakeTelegram, type FakeTelegram } from '../test/support/fakeTelegram';
import { UpdateFactory, user, type TgUser } from '../test/support/updates';
import { bareBot, benchHelpdesk, percentile, unpacedPolicy } from './kit';

const TOKEN = '123456:BENCH-CROWD';
const GROUP = -1009300000001;
const RESIDENTS = Number(process.env.BENCH_CROWD ?? 200);

export interface CrowdFigures {
  residents: number;
  updates: number;
  filed: number;
  bot: { p50Ms: number; p99Ms: number; seconds: number };
  bare: { p50Ms: number; p99Ms: number; seconds: number };
  load: number;
}

/** One resident's conversation as the updates they send, each built when it is due (buttons are pressed on the bot's latest question). */
type Step = (who: TgUser) => Update;

function stepsOf(u: UpdateFactory, fake: FakeTelegram): Step[] {
  const press = (data: string): Step => (who) => {
    const question = fake.messagesIn(who.id).filter((m) => fake.buttonsOf(m).some((b) => b.data === data)).at(-1);
    // The bare bot asks nothing: its "button" is pressed on its last reply.
    const messageId = question?.message_id ?? fake.messagesIn(who.id).at(-1)?.message_id ?? 1;
    return u.callback(who, data, { chatId: who.id, messageId, chatType: 'private' });
  };
  const say = (text: string): Step => (who) => u.text(who, text);
  return [
    (who) => u.command(who, 'repair'),
    say('李明'),
    say('138 1234 5678'),
    (who) => u.text(who, `3栋2单元${1000 + (who.id % 1000)}`),
    press('sc:save'),
    press('sc:household'),
    press('sc:inspect'),
    press('sc:home'),
    say('厨房水龙头一直滴水'),
    press('sc:done'),
    press('sc:asap'),
    press('sc:confirm'),
  ];
}

/** Every resident at once, each step after the last was handled; each update's handling time. */
async function crowd(residents: TgUser[], steps: Step[], handle: (u: Update) => Promise<unknown>) {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    residents.map(async (who) => {
      for (const step of steps) {
        const update = step(who);
        const t = performance.now();
        await handle(update);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), seconds, count: times.length };
}

export async function benchCrowd(database: Database, log: (line: string) => void): Promise<CrowdFigures> {
  const fake = await startFakeTelegram();
  const policy = unpacedPolicy(GROUP);
  const { services, bot, notifier } = benchHelpdesk(database, fake, TOKEN, policy);
  const bare = bareBot(fake, TOKEN);
  const u = new UpdateFactory();
  const steps = stepsOf(u, fake);
  try {
    const people = (offset: number) => Array.from({ length: RESIDENTS }, (_, i) => user(300_000 + offset + i, `R${i}`, { language_code: 'zh-hans' }));
    log(`   ${RESIDENTS} residents against the bare bot...`);
    const bareRun = await crowd(people(0), steps, (update) => bare.handleUpdate(update));
    log(`   ...and against the helpdesk`);
    const residents = people(10_000);
    const botRun = await crowd(residents, steps, (update) => bot.handleUpdate(update));
    await notifier.outbox.settled();
    const filed = (await Promise.all(residents.map((r) => services.tickets.listForResident(r.id, 1)))).filter((list) => list.length === 1).length;
    return {
      residents: RESIDENTS,
      updates: botRun.count,
      filed,
      bot: { p50Ms: botRun.p50Ms, p99Ms: botRun.p99Ms, seconds: botRun.seconds },
      bare: { p50Ms: bareRun.p50Ms, p99Ms: bareRun.p99Ms, seconds: bareRun.seconds },
      load: os.loadavg()[0],
    };
  } finally {
    await notifier.outbox.dispatcher.stop(0);
    await fake.close();
  }
}
