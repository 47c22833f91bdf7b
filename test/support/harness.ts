/**
 * A whole bot as in production — real grammY, real conversations, real database — talking
 * to the fake Bot API over HTTP. Tests feed updates and read Bot API calls and the database.
 */
import pino, { type Logger } from 'pino';
import type { Bot } from 'grammy';
import { createBot } from '../../bot/createBot';
import type { AppServices, BotContext } from '../../bot/context';
import { createServices, telegramMembershipProbe } from '../../bot/services';
import type { Notifier } from '../../bot/notify';
import type { DashboardLinks } from '../../bot/dashboard/feature';
import { Texts } from '../../bot/texts';
import { ManualClock } from '../../src/clock';
import { defaultOfficePolicy, type OfficePolicy } from '../../src/config/office';
import { attachDatabase, type Database } from '../../src/db/connection';
import { migrateDatabase } from '../../src/db/migrations';
import { createTestDatabase, type TestDatabase } from './db';
import { startFakeTelegram, type FakeMessage, type FakeTelegram } from './fakeTelegram';
import { UpdateFactory, user, type TgUser } from './updates';
import type { Update } from 'grammy/types';

export const STAFF_CHAT = -1001000000001;
export const TOKEN = '123456:TEST-TOKEN';

export const people = {
  alice: user(501, 'Alice', { language_code: 'zh-hans', username: 'alice_r' }),
  bob: user(502, 'Bob', { language_code: 'en' }),
  zhang: user(601, '张', { last_name: '师傅', language_code: 'zh-hans' }),
  li: user(602, '李', { language_code: 'zh-hans' }),
  head: user(801, '王主管', { language_code: 'zh-hans' }),
  manager: user(900, '陈主任', { language_code: 'zh-hans' }),
  mallory: user(666, 'Mallory', { language_code: 'en' }),
};

export function testPolicy(overrides: Partial<OfficePolicy> = {}): OfficePolicy {
  const policy = defaultOfficePolicy({ staffChatId: STAFF_CHAT, timezone: 'Asia/Shanghai' });
  policy.managers = [people.manager.id];
  policy.departments = policy.departments.map((d) => (d.id === 'engineering' ? { ...d, heads: [people.head.id] } : d));
  policy.dutyPhone = '0755-88886666';
  // Tests run at machine speed: Telegram's pace (1 a second per chat, 20 a minute per group)
  // would only slow them down. test/outbox/* and the bench check the real limits.
  policy.outbox = { ...policy.outbox, globalPerSecond: 100_000, perChatPerSecond: 1000, perChatBurst: 1000, perGroupPerMinute: 100_000 };
  // Likewise a whole flow at one instant of the test clock would count as a flood (test/runtime/flood checks it).
  policy.flood = { ...policy.flood, maxUpdates: 100_000 };
  return { ...policy, ...overrides };
}

export interface Harness {
  fake: FakeTelegram;
  db: TestDatabase;
  database: Database;
  services: AppServices;
  notifier: Notifier;
  bot: Bot<BotContext>;
  clock: ManualClock;
  u: UpdateFactory;
  policy: OfficePolicy;
  /** Feeds an update and waits until what it caused has been sent (the outbox's background sends). */
  send(update: Update): Promise<void>;
  /** Waits until every send this bot started has ended (after calling services or jobs directly). */
  settle(): Promise<void>;
  /** A new process: new database connection, new services, new Bot — same database and fake. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** The newest message the bot sent to a chat that has a button with this label or data. */
  messageWithButton(chatId: number, label: string | RegExp): FakeMessage;
  /** Presses a button (by label text or callback data) of the newest message that has it. */
  press(from: TgUser, chatId: number, label: string | RegExp): Promise<void>;
  say(from: TgUser, text: string): Promise<void>;
}

export interface HarnessOptions {
  policy?: OfficePolicy;
  start?: Date;
  /** The services' logger (default: silent, or TEST_LOG_LEVEL). */
  log?: Logger;
  /** Sign-in links for /dashboard, built on each boot's services (test/dashboard). */
  dashboard?: (services: AppServices) => DashboardLinks;
}

/** The same object whose async methods (and those of its members) also wait for the sends they caused. */
export function settling<T extends object>(h: Pick<Harness, 'settle'>, target: T): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop);
      if (typeof value === 'function') {
        return async (...args: unknown[]) => {
          const result = await (value as (...a: unknown[]) => unknown).apply(obj, args);
          await h.settle();
          return result;
        };
      }
      return value && typeof value === 'object' && !Array.isArray(value) ? settling(h, value) : value;
    },
  });
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeTelegram();
  const db = createTestDatabase();
  const clock = new ManualClock(options.start ?? new Date('2026-11-23T02:00:00Z')); // 10:00 in Shanghai
  const policy = options.policy ?? testPolicy();
  const texts = new Texts({
    onMissing: (lang, key) => {
      throw new Error(`missing text "${key}" in ${lang}`);
    },
  });
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const u = new UpdateFactory();
  // Who is in the staff group, as getChatMember would say.
  for (const member of [people.zhang, people.li, people.head]) fake.setChatMember(STAFF_CHAT, member.id, 'member');

  const h = {} as Harness;
  async function boot(): Promise<void> {
    const database = await attachDatabase(await db.connect());
    await migrateDatabase(database); // as main.ts does at start
    // The production composition, with the bot's own getChatMember as the membership probe.
    const services = createServices({ database, policy, clock, texts, log, probe: telegramMembershipProbe(() => h.bot.api) });
    const dashboard = options.dashboard?.(services);
    const { bot, notifier } = createBot({ token: TOKEN, services, apiRoot: fake.apiRoot, botInfo: fake.botInfo, ...(dashboard ? { dashboard } : {}) });
    Object.assign(h, { database, services, bot, notifier });
  }
  await boot();

  function messageWithButton(chatId: number, label: string | RegExp): FakeMessage {
    const matches = (b: { text: string; data?: string }) =>
      typeof label === 'string' ? b.text === label || b.data === label : label.test(b.text) || (b.data !== undefined && label.test(b.data));
    const found = [...fake.messagesIn(chatId)].reverse().find((m) => !m.deleted && fake.buttonsOf(m).some(matches));
    if (!found) {
      const last = fake.messagesIn(chatId).slice(-3).map((m) => `${m.text ?? m.caption} ${JSON.stringify(fake.buttonsOf(m))}`);
      throw new Error(`no message in ${chatId} has a button ${label}; last messages:\n${last.join('\n')}`);
    }
    return found;
  }

  Object.assign(h, {
    fake,
    db,
    clock,
    u,
    policy,
    send: async (update: Update) => {
      await h.bot.handleUpdate(update);
      await h.notifier.outbox.settled();
    },
    settle: () => h.notifier.outbox.settled(),
    restart: async () => {
      await h.database.close();
      await boot();
    },
    close: async () => {
      await db.drop();
      await fake.close();
    },
    messageWithButton,
    press: async (from: TgUser, chatId: number, label: string | RegExp) => {
      const message = messageWithButton(chatId, label);
      const button = fake.buttonsOf(message).find((b) => (typeof label === 'string' ? b.text === label || b.data === label : label.test(b.text) || (b.data !== undefined && label.test(b.data))))!;
      await h.send(u.callback(from, button.data!, { chatId, messageId: message.message_id, text: message.text, chatType: chatId > 0 ? 'private' : 'supergroup' }));
    },
    say: async (from: TgUser, text: string) => {
      await h.send(u.text(from, text));
    },
  });
  return h;
}
