/**
 * Start-up checks of the real entry point (main.ts as a child process) against the fake Bot
 * API: each problem is one message naming the fix, without a stack trace and without the
 * token; an unreachable API is retried with one line per attempt naming the API root.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startFakeTelegram, type FakeTelegram } from '../support/fakeTelegram';
import { botEnv, startBot, type BotProcess } from './processes';

// Shaped like a real token, so the log's pattern and the exact value are both exercised.
const TOKEN = '7012345678:AAHfYbGq2x0Zexample-token_from-BotFather42';
const STAFF = -1001000000301;
let fake: FakeTelegram;
let db: TestDatabase;
let bot: BotProcess | undefined;
let workdir: string;

beforeEach(async () => {
  fake = await startFakeTelegram();
  fake.on('getUpdates', async () => {
    await new Promise((r) => setTimeout(r, 50));
    return [];
  });
});
afterEach(async () => {
  await bot?.kill();
  bot = undefined;
  await fake.close();
});
beforeAll(() => {
  db = createTestDatabase('startup');
  workdir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-startup-'));
});
afterAll(async () => {
  await db.drop();
  rmSync(workdir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => botEnv({ token: TOKEN, apiRoot: fake.apiRoot, staffChatId: STAFF, mongodbUri: `${db.uri}/${db.dbName}` }, extra);

function expectNoStackNoToken(output: string): void {
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(TOKEN.split(':')[1]);
}

test('a token Telegram rejects (401): one message saying where to get the right one', async () => {
  fake.on('getMe', () => ({ error: { error_code: 401, description: 'Unauthorized' } }));
  bot = startBot('tsx', env());
  expect(await bot.exited).toBe(1);
  const output = bot.output();
  expect(output).toContain('Telegram rejected the bot token (401 Unauthorized)');
  expect(output).toMatch(/@BotFather.*\/mybots.*BOT_TOKEN/s);
  expectNoStackNoToken(output);
}, 60_000);

test('Telegram unreachable: retried, one line per attempt naming the API root, never the token', async () => {
  const port = await freePort();
  const root = `http://127.0.0.1:${port}`;
  bot = startBot('tsx', env({ TELEGRAM_API_ROOT: root }));
  await bot.waitFor(/attempt 3;/, 60_000);
  const attempts = bot.output().split('\n').filter((l) => l.includes('cannot be reached'));
  expect(attempts.length).toBeGreaterThanOrEqual(3);
  for (const [i, line] of attempts.slice(0, 3).entries()) {
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ level: 40, apiRoot: root, attempt: i + 1, reason: 'ECONNREFUSED' });
    expect(entry.msg).toContain(`Telegram Bot API at ${root} cannot be reached (ECONNREFUSED), attempt ${i + 1}; trying again in`);
    expect(entry.msg).toContain('TELEGRAM_API_ROOT');
  }
  // It keeps trying instead of starting half-way: no database, no polling yet.
  expect(bot.output()).not.toContain('database ready');
  expectNoStackNoToken(bot.output());
}, 60_000);

test('staff chats: a person, a missing group, a group without the bot, a migrated group — each with its fix', async () => {
  const chats = { engineering: -1001000000311, cleaning: -1001000000312, security: -1001000000313, service: 50001, night: -3140 };
  fake.setChatMember(chats.engineering, fake.botInfo.id, 'administrator');
  fake.setChatMember(chats.security, fake.botInfo.id, 'left');
  fake.on('getChat', (p) => {
    if (p.chat_id === chats.cleaning) return { error: { error_code: 400, description: 'Bad Request: chat not found' } };
    if (p.chat_id === chats.night) return { error: { error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1001000000399 } } };
    return undefined;
  });
  const file = path.join(workdir, 'office.yaml');
  writeFileSync(file, [
    'departments:',
    ...Object.entries(chats).filter(([id]) => id !== 'night').map(([id, chatId]) => `  - { id: ${id}, chat: { chatId: ${chatId} } }`),
    `nightShift: { chat: { chatId: ${chats.night} } }`,
  ].join('\n'));
  bot = startBot('tsx', env({ OFFICE_CONFIG: file, STAFF_CHAT_ID: '' }));
  expect(await bot.exited).toBe(1);
  const output = bot.output();
  expect(output).toContain('The bot cannot post tickets to 4 configured staff chats');
  expect(output).toContain(`chat 50001 (departments[service].chat.chatId) is a person's id, not a group`);
  expect(output).toMatch(new RegExp(`chat ${chats.cleaning} \\(departments\\[cleaning\\]\\.chat\\.chatId\\) cannot be reached by the bot: Telegram says "Bad Request: chat not found".*Fix: add the bot to the group`));
  expect(output).toMatch(new RegExp(`group "Group ${chats.security}" \\(${chats.security}\\): the bot is not a member of this group.*Fix: add the bot`));
  expect(output).toContain(`chat ${chats.night} (nightShift.chat.chatId) was upgraded to a supergroup and now has the id -1001000000399. Fix: replace ${chats.night} by -1001000000399 there.`);
  expect(output).not.toContain(String(chats.engineering));
  expectNoStackNoToken(output);
}, 60_000);

test('privacy mode on and not an admin: a warning with the fix, and the bot starts', async () => {
  fake.on('getMe', () => ({ ...fake.botInfo, can_read_all_group_messages: false }));
  fake.setChatMember(STAFF, fake.botInfo.id, 'member');
  bot = startBot('tsx', env());
  await bot.waitFor(/"msg":"bot starting \(long polling\)"/, 60_000);
  expect(bot.output()).toMatch(/privacy mode is on and the bot is not an admin.*\/setprivacy/);
  expect(bot.output()).toContain('STAFF_CHAT_ID (departments engineering, cleaning, security, service)');
  bot.proc.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
}, 60_000);
