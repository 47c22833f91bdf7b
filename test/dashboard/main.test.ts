/**
 * The dashboard in the real entry point (main.ts as a child process, long polling against the
 * fake Bot API, the embedded database): with DASHBOARD_PORT equal to PORT it shares the health
 * server; a staff member's /dashboard gives a link that opens a session, and the pages answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { freePort } from '../../src/db/embedded';
import { startBot, type BotProcess } from '../runtime/processes';
import { startFakeTelegram, type FakeTelegram } from '../support/fakeTelegram';
import { UpdateFactory, user } from '../support/updates';

const STAFF = -1001000000019;
let fake: FakeTelegram;
let bot: BotProcess | undefined;
let workdir: string;

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.setChatMember(STAFF, fake.botInfo.id, 'administrator');
  workdir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-dashboard-'));
});
afterAll(async () => {
  await bot?.kill();
  await fake.close();
  rmSync(workdir, { recursive: true, force: true });
});

test('main.ts serves the dashboard on PORT next to /healthz; /dashboard signs a staff member in', async () => {
  const queue: Update[] = [];
  fake.on('getUpdates', async () => {
    if (queue.length === 0) await new Promise((r) => setTimeout(r, 100));
    return queue.splice(0);
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  bot = startBot('tsx', {
    BOT_TOKEN: '123456:DASHBOARD-TEST',
    TELEGRAM_API_ROOT: fake.apiRoot,
    STAFF_CHAT_ID: String(STAFF),
    MONGODB_URI: '',
    DATA_DIR: workdir,
    PORT: String(port),
    DASHBOARD_PORT: String(port),
    PUBLIC_URL: base,
  });
  await bot.waitFor(/web dashboard/);
  await fake.waitForCall((c) => c.method === 'getUpdates', 60_000);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect((await fetch(`${base}/`)).status).toBe(401);

  const zhang = user(601, '张', { language_code: 'zh-hans' });
  fake.setChatMember(STAFF, zhang.id, 'member');
  queue.push(new UpdateFactory(9100).command(zhang, 'dashboard'));
  const answer = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === zhang.id, 20_000);
  const link = /href="([^"]+)"/.exec(String(answer.params.text))![1].replace(/&amp;/g, '&');
  expect(link.startsWith(`${base}/auth?token=`)).toBe(true);
  const signIn = await fetch(link, { redirect: 'manual' });
  expect(signIn.status).toBe(303);
  const cookie = /hd_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];
  const overview = await fetch(`${base}/`, { headers: { cookie } });
  expect(overview.status).toBe(200);
  expect(await overview.text()).toContain('张');
  expect(bot.output()).not.toContain('DASHBOARD-TEST');

  bot.signal('SIGTERM');
  expect(await bot.exited).toBe(0);
}, 120_000);
