/**
 * A database outage is never silent (issue 9, item 3), with real processes: a bot (tsx
 * main.ts, long polling) against a database process of the test's own, killed with SIGKILL
 * in the middle of a resident's emergency report while a card written before the outage is
 * still waiting in the outbox. The resident who writes meanwhile is told at once that the
 * message was not received and will be told when to send it again; after the database is
 * back they are told, the scene goes on from where it was and finishes, and the waiting card
 * goes out. The log says "unreachable" once and "reachable again" once. Then the embedded
 * database of `npm start` (no MONGODB_URI): killed, the bot starts it again and says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { serveUpdates, startFakeTelegram, type FakeTelegram } from '../support/fakeTelegram';
import { UpdateFactory, user } from '../support/updates';
import { root, startBot, type BotProcess } from './processes';

const STAFF = -1001000000701;
let fake: FakeTelegram;
const bots: BotProcess[] = [];
const dirs: string[] = [];
let database: EmbeddedDatabase | undefined;
const handedOutAt = new Map<number, number>();
let queue: ReturnType<typeof serveUpdates>;
const u = new UpdateFactory(70_000);

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.setChatMember(STAFF, fake.botInfo.id, 'administrator');
  queue = serveUpdates(fake, handedOutAt);
});
afterAll(async () => {
  for (const b of bots) await b.kill();
  await database?.stop();
  await fake.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-outage-'));
  dirs.push(dir);
  return dir;
}

function start(env: NodeJS.ProcessEnv): BotProcess {
  const b = startBot('tsx', { BOT_TOKEN: '123456:OUTAGE', TELEGRAM_API_ROOT: fake.apiRoot, STAFF_CHAT_ID: String(STAFF), LOG_LEVEL: 'info', OFFICE_CONFIG: '', PORT: '', WEBHOOK_URL: '', ...env });
  bots.push(b);
  return b;
}

const sentTo = (chatId: number, text: string | RegExp, after = 0) =>
  fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === chatId && !c.error && c.at >= after && (typeof text === 'string' ? String(c.params.text).includes(text) : text.test(String(c.params.text))), 90_000);

/** Waits until the chat's stored scene state holds this text (the bot has finished the update that brought it). */
async function sceneStateHas(key: string, text: string): Promise<void> {
  const conn = await mongoose.createConnection(`${database!.uri}/outage`).asPromise();
  try {
    for (;;) {
      const doc = await conn.collection<{ _id: string; json?: string }>('conversation_states').findOne({ _id: key });
      if (doc?.json?.includes(text)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await conn.close();
  }
}

/** Presses the button with this callback data on the newest message to this chat that has it. */
function press(who: ReturnType<typeof user>, data: string): void {
  const message = [...fake.messagesIn(who.id)].reverse().find((m) => fake.buttonsOf(m).some((b) => b.data === data));
  if (!message) throw new Error(`no message to ${who.id} has ${data}`);
  queue.push(u.callback(who, data, { chatId: who.id, messageId: message.message_id }));
}

test('killed mid-scene: the writer is told, the scene resumes after, the card written before goes out after', async () => {
  const sqliteDir = tempDir();
  const port = await freePort();
  const own = () => startEmbeddedDatabase({ projectRoot: root, backend: 'sqlite', sqliteDir, port, restartOnExit: false });
  database = await own();
  const bot = start({ MONGODB_URI: `${database.uri}/outage` });
  await bot.waitFor(/bot starting/);

  // Bob's emergency card is refused by Telegram for now (429): it waits in the outbox.
  let refusing = true;
  fake.on('sendMessage', (p) => (p.chat_id === STAFF && refusing ? { error: { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } } : undefined));
  const bob = user(7002, 'Bob', { language_code: 'en' });
  queue.push(u.command(bob, 'emergency'));
  await sentTo(bob.id, 'what is happening');
  press(bob, 'sc:gas');
  await sentTo(bob.id, 'Where?');
  queue.push(u.text(bob, 'Car park B'));
  await sentTo(bob.id, 'phone number');
  queue.push(u.text(bob, '13812345678'));
  const bobRef = /JJ-\d{8}-\d{3}/.exec(String((await sentTo(bob.id, /JJ-\d{8}-\d{3}/)).params.text))![0];
  await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === STAFF && c.error?.error_code === 429 && String(c.params.text).includes(bobRef), 60_000);

  // Alice is in the middle of hers when the database process dies.
  const alice = user(7001, 'Alice', { language_code: 'en' });
  queue.push(u.command(alice, 'emergency'));
  await sentTo(alice.id, 'what is happening');
  press(alice, 'sc:fire');
  await sentTo(alice.id, 'Where?');
  await sceneStateHas(`scene:${alice.id}`, 'sc:fire'); // the tap's update is finished: its answer is in her scene's state
  // Her answer is the first thing after the kill: nothing has noticed the outage yet.
  process.kill(database.pid()!, 'SIGKILL');
  const place = u.text(alice, 'Bldg 5 stairwell');
  queue.push(place);
  const told = await sentTo(alice.id, 'briefly unavailable');
  expect(String(told.params.text)).toContain('not received');
  expect(String(told.params.text)).toContain('119');
  await bot.waitFor(/database unreachable/);
  refusing = false;
  // Anyone else who writes meanwhile is told too, in their language.
  const dave = user(7004, '大卫', { language_code: 'zh-hans' });
  const hello = u.command(dave, 'start');
  queue.push(hello);
  const toldDave = await sentTo(dave.id, '暂时不可用');
  console.log(
    `outage notice after the update was handed to the bot: first writer ${told.at - handedOutAt.get(place.update_id)!} ms, ` +
      `once the outage is known ${toldDave.at - handedOutAt.get(hello.update_id)!} ms`,
  );
  // Nothing of the card went out while the database was away.
  expect(fake.callsOf('sendMessage').filter((c) => c.params.chat_id === STAFF && !c.error)).toHaveLength(0);

  const restartedAt = Date.now();
  database = await own();
  await sentTo(alice.id, "I am back", restartedAt);
  await sentTo(dave.id, '服务已恢复', restartedAt);
  await bot.waitFor(/database reachable again/);

  // She sends the place again: the scene goes on from the same question and finishes.
  queue.push(u.text(alice, 'Bldg 5 stairwell'));
  await sentTo(alice.id, 'phone number', restartedAt);
  queue.push(u.text(alice, 'No phone number, just send help'));
  const done = await sentTo(alice.id, /JJ-\d{8}-\d{3}/, restartedAt);
  const aliceRef = /JJ-\d{8}-\d{3}/.exec(String(done.params.text))![0];
  expect(String(done.params.text)).toContain('Call 119 now');

  // Bob's card, written before the outage, goes out after it; Alice's too.
  const bobCard = await sentTo(STAFF, bobRef, restartedAt);
  await sentTo(STAFF, aliceRef, restartedAt);
  expect(bobCard.at).toBeGreaterThanOrEqual(restartedAt);

  const check = await mongoose.createConnection(`${database.uri}/outage`).asPromise();
  try {
    const tickets = await check.collection('tickets').find({}, { projection: { _id: 1, 'state.report.location': 1 } }).toArray();
    expect(tickets.map((t) => t._id).sort()).toEqual([bobRef, aliceRef].sort());
  } finally {
    await check.close();
  }
  const log = bot.output();
  expect(log.match(/database unreachable/g)).toHaveLength(1);
  expect(log.match(/database reachable again/g)).toHaveLength(1);
  expect(log).not.toMatch(/unhandled error|job failed|outbox: (dispatcher|draining|sending)/);
  await bot.kill('SIGTERM');
});

test("the embedded database's process dies: the bot starts it again, says so, and answers", async () => {
  const bot = start({ MONGODB_URI: '', DATA_DIR: tempDir() });
  const pid = Number(/pid (\d+)\) listening/.exec(await bot.waitFor(/pid \d+\) listening/, 300_000))![1]);
  await bot.waitFor(/bot starting/);
  process.kill(pid, 'SIGKILL');
  await bot.waitFor(/the embedded database process exited \(SIGKILL\): restarting it/);
  await bot.waitFor(/embedded database restarted \(pid \d+\)/);
  const carol = user(7003, 'Carol', { language_code: 'en' });
  const after = Date.now();
  queue.push(u.command(carol, 'start'));
  await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === carol.id && !c.error && c.at >= after, 90_000);
  await bot.kill('SIGTERM');
});
