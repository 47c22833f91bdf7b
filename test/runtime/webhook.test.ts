/**
 * Webhook mode, the real entry point as a child process: it sets the webhook with a secret
 * on a hard-to-guess path; posts without the secret, with a wrong one, or too large are
 * refused; an update posted twice is handled once; Telegram is answered while the handler
 * still waits on Telegram; going back to polling removes the webhook. /readyz reports the
 * database and the Bot API separately.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { freePort } from '../../src/db/embedded';
import { webhookPath } from '../../bot/webhook';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startFakeTelegram, type FakeTelegram } from '../support/fakeTelegram';
import { UpdateFactory, user } from '../support/updates';
import { botEnv, startBot, type BotProcess } from './processes';

const TOKEN = '123456:WEBHOOK-TEST';
const SECRET = 'wh-secret_0123456789abcdefABCDEF';
const STAFF = -1001000000401;
let fake: FakeTelegram;
let db: TestDatabase;
let bot: BotProcess | undefined;
let webhookUrl = '';
let port: number;
const u = new UpdateFactory(40_000);

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.setChatMember(STAFF, fake.botInfo.id, 'administrator');
  // Telegram's webhook state, as the bot sets and removes it.
  fake.on('setWebhook', (p) => ((webhookUrl = p.url), true));
  fake.on('deleteWebhook', () => ((webhookUrl = ''), true));
  fake.on('getWebhookInfo', () => ({ url: webhookUrl, has_custom_certificate: false, pending_update_count: 0 }));
  fake.on('getUpdates', async () => {
    await new Promise((r) => setTimeout(r, 50));
    return [];
  });
  db = createTestDatabase('webhook');
});
afterEach(async () => {
  await bot?.kill();
  bot = undefined;
});
afterAll(async () => {
  await db.drop();
  await fake.close();
});

const env = (extra: Record<string, string> = {}) =>
  botEnv({ token: TOKEN, apiRoot: fake.apiRoot, staffChatId: STAFF, mongodbUri: `${db.uri}/${db.dbName}` }, { PORT: String(port), WEBHOOK_URL: 'https://helpdesk.example.test', WEBHOOK_SECRET: SECRET, ...extra });

const post = (urlPath: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${urlPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const withSecret = { 'X-Telegram-Bot-Api-Secret-Token': SECRET };

describe('webhook mode', () => {
  const hook = webhookPath(SECRET);
  let hooked: BotProcess;
  beforeAll(async () => {
    port = await freePort();
    hooked = startBot('tsx', env());
    await hooked.waitFor(/"msg":"bot starting \(webhook\)"/, 60_000);
  }, 90_000);
  afterAll(async () => {
    expect(await hooked.kill('SIGTERM')).toBe(0);
  });

  test('the webhook is set on a path with a hard-to-guess part, with the secret', () => {
    const set = fake.callsOf('setWebhook');
    expect(set).toHaveLength(1);
    expect(set[0].params.url).toBe(`https://helpdesk.example.test${hook}`);
    expect(hook).toMatch(/^\/telegram\/[0-9a-f]{32}$/);
    expect(set[0].params.secret_token).toBe(SECRET);
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
    // The log shows neither the secret nor the path.
    expect(hooked.output()).not.toContain(SECRET);
    expect(hooked.output()).not.toContain(hook);
  });

  test('no secret → 401, a wrong secret → 403, another path → 404; nothing is handled', async () => {
    const update = u.command(user(4101, 'Eve', { language_code: 'en' }), 'start');
    expect((await post(hook, update)).status).toBe(401);
    expect((await post(hook, update, { 'X-Telegram-Bot-Api-Secret-Token': `${SECRET}x` })).status).toBe(403);
    expect((await post(hook, update, { 'X-Telegram-Bot-Api-Secret-Token': 'short' })).status).toBe(403);
    expect((await post('/telegram/0123456789abcdef0123456789abcdef', update, withSecret)).status).toBe(404);
    expect((await post(hook, { not: 'an update' }, withSecret)).status).toBe(400);
    expect(fake.callsTo(4101)).toHaveLength(0);
  });

  test('a body over the limit is refused with 413 and no stack', async () => {
    const update = u.text(user(4102, 'Big', { language_code: 'en' }), 'x'.repeat(300 * 1024));
    const res = await post(hook, update, withSecret);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: 'request body too large' });
    expect(fake.callsTo(4102)).toHaveLength(0);
  });

  test('an update posted twice (a redelivery) is handled once', async () => {
    const alice = user(4103, 'Alice', { language_code: 'en' });
    const update: Update = u.command(alice, 'start');
    const [first, second] = await Promise.all([post(hook, update, withSecret), post(hook, update, withSecret)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await post(hook, update, withSecret);
    expect(third.status).toBe(200);
    await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === alice.id, 10_000);
    // Handled by then (Telegram was answered after it): no second welcome.
    expect(fake.callsTo(alice.id).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  test('Telegram is answered while the handler still waits on Telegram', async () => {
    const slow = user(4104, 'Slow', { language_code: 'en' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const reachedSend = new Promise<void>((r) => (reached = r));
    fake.on('sendMessage', async (p) => {
      if (p.chat_id !== slow.id) return undefined;
      reached();
      await held;
      return undefined;
    });
    const started = Date.now();
    const res = await post(hook, u.command(slow, 'start'), withSecret);
    const answeredMs = Date.now() - started;
    expect(res.status).toBe(200);
    await reachedSend; // the reply was on its way and still is: Telegram did not wait for it
    expect(fake.callsTo(slow.id).filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    release();
    await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === slow.id && !c.error, 10_000);
    fake.off('sendMessage');
    process.stdout.write(`webhook answered in ${answeredMs} ms while its reply was held by the Bot API\n`);
  });

  test('/readyz: database and Bot API up, mode webhook', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'up', telegram: 'up', mode: 'webhook' });
  });
});

test('back to polling: the webhook is removed first, then getUpdates', async () => {
  webhookUrl = `https://helpdesk.example.test${webhookPath(SECRET)}`;
  port = await freePort();
  bot = startBot('tsx', env({ WEBHOOK_URL: '', WEBHOOK_SECRET: '' }));
  await fake.waitForCall((c) => c.method === 'getUpdates', 60_000);
  await bot.waitFor(/webhook removed: back to long polling/);
  const order = fake.calls.map((c) => c.method).filter((m) => m === 'deleteWebhook' || m === 'getUpdates');
  expect(order[0]).toBe('deleteWebhook');
  expect(webhookUrl).toBe('');
  expect(bot.output()).not.toContain(webhookPath(SECRET));
}, 90_000);

test('/readyz tells the database from the Bot API: each going away shows on its own', async () => {
  // The embedded database, so that this test can stop it without touching anyone else's.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-readyz-'));
  const own = await startFakeTelegram();
  own.setChatMember(STAFF, own.botInfo.id, 'administrator');
  own.on('getUpdates', async () => {
    await new Promise((r) => setTimeout(r, 50));
    return [];
  });
  port = await freePort();
  let ferret: number | undefined;
  try {
    bot = startBot('tsx', env({ WEBHOOK_URL: '', WEBHOOK_SECRET: '', MONGODB_URI: '', DATA_DIR: dataDir, TELEGRAM_API_ROOT: own.apiRoot }));
    const t0 = Date.now();
    const mark = (what: string) => process.stdout.write(`readyz test: ${what} after ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    await own.waitForCall((c) => c.method === 'getUpdates', 90_000);
    mark('polling');
    const readyz = async (): Promise<Record<string, unknown>> => {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      return { status: res.status, ...((await res.json()) as Record<string, unknown>) };
    };
    expect(await readyz()).toMatchObject({ status: 200, ok: true, database: 'up', telegram: 'up', mode: 'polling' });

    // The Bot API goes away: the next getUpdates fails.
    await own.close();
    await until(async () => (await readyz()).telegram === 'down');
    expect(await readyz()).toMatchObject({ status: 503, ok: false, database: 'up', telegram: 'down' });
    await bot.waitFor(/Telegram Bot API at .* cannot be reached/);
    mark('telegram down');

    // The database stops answering (the embedded FerretDB, the bot's child, frozen: one that
    // dies is started again at once, see test/runtime/outage.test.ts).
    ferret = Number(execFileSync('pgrep', ['-P', String(bot.proc.pid), '-f', 'ferretdb-launcher'], { encoding: 'utf8' }).trim());
    process.kill(ferret, 'SIGSTOP');
    await until(async () => (await readyz()).database === 'down');
    mark('database down');
    expect(await readyz()).toMatchObject({ status: 503, database: 'down' });
  } finally {
    await bot?.kill();
    bot = undefined;
    // Frozen, it cannot notice that its parent is gone.
    if (ferret) process.kill(ferret, 'SIGKILL');
    await own.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

/** Waits for a condition, checking again after each answer. */
async function until(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
