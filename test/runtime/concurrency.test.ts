/**
 * The flood, against the real entry point with long polling (the runner): one person
 * sends 60 messages at once while Telegram answers that chat only with 429 (retry_after 10).
 * Everyone else is answered while that chat is still refused — their replies do not wait
 * behind the flood — and the flood itself gets one notice, not 60 replies.
 */
import type { Update } from 'grammy/types';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startFakeTelegram, type FakeTelegram } from '../support/fakeTelegram';
import { UpdateFactory, user } from '../support/updates';
import { botEnv, startBot, type BotProcess } from './processes';

const STAFF = -1001000000501;
let fake: FakeTelegram;
let db: TestDatabase;
let bot: BotProcess | undefined;
const queue: Update[] = [];
const deliveredAt = new Map<number, number>();
const u = new UpdateFactory(50_000);

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.setChatMember(STAFF, fake.botInfo.id, 'administrator');
  fake.on('getUpdates', async () => {
    if (queue.length === 0) await new Promise((r) => setTimeout(r, 20));
    const batch = queue.splice(0, 100);
    for (const update of batch) deliveredAt.set(update.update_id, Date.now());
    return batch;
  });
  db = createTestDatabase('concurrency');
});
afterAll(async () => {
  await bot?.kill();
  await db.drop();
  await fake.close();
});

test('while one chat floods and is refused with 429, every other person is answered', async () => {
  const flooder = user(5001, 'Flood', { language_code: 'en' });
  let refusing = true;
  fake.on('sendMessage', (p) => {
    if (p.chat_id === flooder.id && refusing) return { error: { error_code: 429, description: 'Too Many Requests: retry after 10', parameters: { retry_after: 10 } } };
    return undefined;
  });
  bot = startBot('tsx', botEnv({ token: '123456:CONCURRENCY', apiRoot: fake.apiRoot, staffChatId: STAFF, mongodbUri: `${db.uri}/${db.dbName}` }));
  await fake.waitForCall((c) => c.method === 'getUpdates', 60_000);

  for (let i = 0; i < 60; i++) queue.push(u.text(flooder, `hello ${i}`));
  await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === flooder.id && c.error?.error_code === 429, 30_000);

  const latencies: number[] = [];
  for (let i = 0; i < 8; i++) {
    const other = user(5100 + i, `Other${i}`, { language_code: i % 2 ? 'en' : 'zh-hans' });
    const update = u.command(other, 'start');
    queue.push(update);
    const reply = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === other.id && !c.error, 30_000);
    latencies.push(reply.at - deliveredAt.get(update.update_id)!);
    expect(reply.params.text).toContain(other.first_name);
  }
  // All of that while the flooding chat was still refused by Telegram.
  expect(refusing).toBe(true);
  const refused = fake.callsOf('sendMessage').filter((c) => c.params.chat_id === flooder.id && c.error);
  expect(refused.length).toBeGreaterThan(0);
  expect(bot.output()).toMatch(/"userId":5001.*flood limit/);

  refusing = false;
  const notice = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === flooder.id && !c.error && /very quickly/.test(c.params.text), 120_000);
  expect(notice.params.text).toContain('10 seconds');
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `replies to 8 other people during the flood: median ${latencies[4]} ms, max ${latencies[7]} ms ` +
      `(delivery by getUpdates to sendMessage); 429s to the flooding chat meanwhile: ${refused.length}\n`,
  );
}, 240_000);
