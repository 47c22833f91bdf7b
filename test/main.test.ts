/**
 * `npm start` as a newcomer runs it: only a bot token (and a staff chat id), no MONGODB_URI.
 * The real entry point runs as a child process with long polling against the fake Bot API,
 * using the embedded database with SQLite; it answers /start and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeTelegram, type FakeTelegram } from './support/fakeTelegram';
import { UpdateFactory, user } from './support/updates';
import type { Update } from 'grammy/types';

const root = path.resolve(__dirname, '..');
let fake: FakeTelegram;
let child: ChildProcessWithoutNullStreams | undefined;
let workdir: string;

beforeAll(async () => {
  fake = await startFakeTelegram();
  // The start-up check: the bot must be in the staff group (test/runtime/startup.test.ts).
  fake.setChatMember(-1001000000009, fake.botInfo.id, 'administrator');
  workdir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-start-'));
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await fake.close();
  rmSync(workdir, { recursive: true, force: true });
});

test('npm start with only BOT_TOKEN and STAFF_CHAT_ID answers /start and stops on SIGTERM', async () => {
  const queue: Update[] = [];
  fake.on('getUpdates', async () => {
    if (queue.length === 0) await new Promise((r) => setTimeout(r, 100));
    return queue.splice(0);
  });
  const env = {
    ...process.env,
    BOT_TOKEN: '123456:START-TEST',
    TELEGRAM_API_ROOT: fake.apiRoot,
    STAFF_CHAT_ID: '-1001000000009',
    MONGODB_URI: '',
    LOG_LEVEL: 'info',
    DATA_DIR: workdir,
  };
  child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main.ts')], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

  await fake.waitForCall((c) => c.method === 'getUpdates', 60_000).catch((e) => {
    throw new Error(`${e}\n--- bot output ---\n${output}`);
  });
  expect(output).toContain('embedded database');
  expect(fake.callsOf('setMyCommands').length).toBeGreaterThanOrEqual(4);

  const alice = user(501, 'Alice', { language_code: 'zh-hans' });
  queue.push(new UpdateFactory(9000).command(alice, 'start'));
  const welcome = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === alice.id, 20_000);
  expect(welcome.params.text).toContain('Alice');

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).toContain('stopped');
}, 120_000);
