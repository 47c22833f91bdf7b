/**
 * Part 3 of the benchmark: an emergency's fan-out. A resident with no profile reports a fire
 * in three taps and a typed phone number; the bot (real grammY, conversations and outbox)
 * answers with what to do now, and every staff group, every head and the manager are alerted.
 * Measured from the start of handling the resident's last message to the last alert accepted
 * by the fake Bot API (which enforces Telegram's limits), and whether the resident's guidance
 * was accepted before any alert. Goal (issue "One reaction path"): everyone within 1 s.
 */
import os from 'node:os';
import pino from 'pino';
import { createBot } from '../bot/createBot';
import { createServices } from '../bot/services';
import { Texts } from '../bot/texts';
import { systemClock } from '../src/clock';
import { defaultOfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import { TEST_BOT_INFO, UpdateFactory, user } from '../test/support/updates';
import { startLimitedTelegram } from './limitedTelegram';

const TOKEN = '123456:BENCH';
const GROUP_OF: Record<string, number> = { engineering: -1009100000001, cleaning: -1009100000002, security: -1009100000003, service: -1009100000004 };
const ROUNDS = 7;

export interface FanoutFigures {
  recipients: number;
  lastAlertMs: number[];
  guidanceFirst: number;
  rounds: number;
  load: number;
}

export async function benchFanout(database: Database, log: (line: string) => void): Promise<FanoutFigures> {
  const fake = await startLimitedTelegram();
  const base = defaultOfficePolicy({ staffChatId: GROUP_OF.engineering, timezone: 'Asia/Shanghai' });
  const policy = {
    ...base,
    managers: [9100, 9101],
    departments: base.departments.map((d, i) => ({ ...d, chat: { chatId: GROUP_OF[d.id] }, heads: [9000 + i] })),
  };
  const services = createServices({ database, policy, clock: systemClock, texts: new Texts(), log: pino({ level: 'silent' }), probe: { isMember: async () => true } });
  const { bot, notifier } = createBot({ token: TOKEN, services, apiRoot: fake.apiRoot, botInfo: TEST_BOT_INFO });
  const u = new UpdateFactory();
  const lastIn = (chatId: number) => fake.accepted.filter((a) => a.chatId === chatId).at(-1)!;
  const figures: FanoutFigures = { recipients: 0, lastAlertMs: [], guidanceFirst: 0, rounds: ROUNDS, load: os.loadavg()[0] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const resident = user(70_000 + round, `Resident${round}`, { language_code: 'zh-hans' });
      await bot.handleUpdate(u.command(resident, 'emergency'));
      await bot.handleUpdate(u.callback(resident, 'sc:fire', { chatId: resident.id, messageId: lastIn(resident.id).messageId }));
      await bot.handleUpdate(u.callback(resident, 'sc:skip', { chatId: resident.id, messageId: lastIn(resident.id).messageId }));
      const before = fake.accepted.length;
      const tapped = Date.now();
      await bot.handleUpdate(u.text(resident, '13812345678'));
      await notifier.outbox.settled();
      const after = fake.accepted.slice(before);
      const guidance = after.find((a) => a.chatId === resident.id && /JJ-\d{8}-\d{3}/.test(a.text));
      const ref = guidance ? /JJ-\d{8}-\d{3}/.exec(guidance.text)![0] : '';
      const alerts = after.filter((a) => a.chatId !== resident.id && a.text.includes(ref));
      figures.recipients = alerts.length;
      figures.lastAlertMs.push(Math.max(...alerts.map((a) => a.at)) - tapped);
      if (guidance && alerts.every((a) => a.at >= guidance.at)) figures.guidanceFirst++;
    }
    log(`   ${ROUNDS} emergencies: last alert after ${figures.lastAlertMs.map((ms) => `${ms} ms`).join(', ')}`);
    return figures;
  } finally {
    await notifier.outbox.dispatcher.stop(0);
    await fake.close();
  }
}
