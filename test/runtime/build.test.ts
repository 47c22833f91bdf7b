/**
 * The built artefact: `npm start` on a clone without dist/ compiles first (saying so before
 * it starts), then runs dist/main.js — texts in both languages found from dist/ — and stops
 * on SIGTERM; the next start runs at once; a change in the sources is compiled again.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startFakeTelegram, type FakeTelegram } from '../support/fakeTelegram';
import { UpdateFactory, user } from '../support/updates';
import type { Update } from 'grammy/types';
import { root, startBot, type BotProcess } from './processes';

const STAFF = -1001000000077;
let fake: FakeTelegram;
let db: TestDatabase;
let bot: BotProcess | undefined;
const queue: Update[] = [];
const u = new UpdateFactory(70_000);

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.setChatMember(STAFF, fake.botInfo.id, 'administrator');
  fake.on('getUpdates', async () => {
    if (queue.length === 0) await new Promise((r) => setTimeout(r, 50));
    return queue.splice(0);
  });
  db = createTestDatabase('build');
});
afterEach(async () => {
  // A clean stop releases the polling lease, so the next start polls at once.
  await bot?.kill('SIGTERM');
  bot = undefined;
});
afterAll(async () => {
  await db.drop();
  await fake.close();
});

const env = () => ({
  BOT_TOKEN: '123456:BUILD-TEST',
  TELEGRAM_API_ROOT: fake.apiRoot,
  STAFF_CHAT_ID: String(STAFF),
  MONGODB_URI: `${db.uri}/${db.dbName}`,
  LOG_LEVEL: 'info',
  PORT: '',
  WEBHOOK_URL: '',
  POLLING_TAKEOVER: '2s',
});

async function greets(name: string, id: number, lang: string, expected: RegExp): Promise<void> {
  const person = user(id, name, { language_code: lang });
  queue.push(u.command(person, 'start'));
  const reply = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === id, 30_000);
  expect(reply.params.text).toMatch(expected);
}

test('npm start without dist/ builds it first, then runs the compiled bot', async () => {
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const started = Date.now();
  bot = startBot('npm-start', env());
  await bot.waitFor(/dist\/ is missing: compiling/, 30_000);
  await bot.waitFor(/"msg":"bot starting/, 180_000);
  const output = bot.output();
  // Said before compiling, and the compiled file is what runs.
  expect(output.indexOf('dist/ is missing')).toBeLessThan(output.indexOf('built dist/'));
  expect(output).toMatch(/"entry":"dist\/main\.js"/);
  expect(existsSync(path.join(root, 'dist', 'bot', 'locales', 'en', 'core.ftl'))).toBe(true);
  process.stdout.write(`first npm start (with the build) to "bot starting": ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  // The texts of both languages, read from dist/bot/locales.
  await greets('Alice', 7501, 'zh-hans', /^您好，Alice/);
  await greets('Bob', 7502, 'en', /^Hello, Bob!/);

  // SIGTERM (to the process group, as a terminal or a service manager sends it): a clean stop.
  bot.signal('SIGTERM');
  await bot.exited;
  expect(bot.output()).toContain('"msg":"stopped"');
  expect(bot.output()).not.toContain('stopping took too long');
}, 240_000);

test('a second npm start does not compile; changed sources are compiled again', async () => {
  const started = Date.now();
  bot = startBot('npm-start', env());
  await bot.waitFor(/"msg":"bot starting/, 60_000);
  const seconds = (Date.now() - started) / 1000;
  expect(bot.output()).not.toMatch(/compiling/);
  process.stdout.write(`second npm start to "bot starting": ${seconds.toFixed(1)} s\n`);
  await bot.kill('SIGTERM');

  // As after a `git pull`: the stamp no longer matches the sources.
  const stampFile = path.join(root, 'dist', 'build.json');
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  writeFileSync(stampFile, JSON.stringify({ ...stamp, sourceHash: 'changed' }));
  bot = startBot('npm-start', env());
  await bot.waitFor(/the sources changed since dist\/ was built: compiling again/, 30_000);
  await bot.waitFor(/"msg":"bot starting/, 180_000);
  expect(JSON.parse(readFileSync(stampFile, 'utf8')).sourceHash).toMatch(/^[0-9a-f]{64}$/);
  await bot.kill('SIGTERM');
  // Compiled again, it is up to date again.
  bot = startBot('npm-start', env());
  await bot.waitFor(/"msg":"bot starting/, 60_000);
  expect(bot.output()).not.toMatch(/compiling/);
}, 300_000);

test("the Docker image's layout runs: only package.json, node_modules and dist/, no sources", async () => {
  if (!existsSync(path.join(root, 'dist', 'main.js'))) {
    bot = startBot('npm-start', env());
    await bot.waitFor(/"msg":"bot starting/, 180_000);
    await bot.kill('SIGTERM');
  }
  // As the Dockerfile's last stage: package.json, node_modules, dist/ — nothing else.
  const app = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-image-'));
  try {
    cpSync(path.join(root, 'package.json'), path.join(app, 'package.json'));
    cpSync(path.join(root, 'dist'), path.join(app, 'dist'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'));
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toContain('CMD ["node", "dist/main.js"]');
    expect(lastStage.match(/^COPY .*$/gm)).toEqual([
      'COPY package.json ./',
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY --from=build /app/dist ./dist',
    ]);

    bot = startBot({ appDir: app }, env());
    await bot.waitFor(/"msg":"bot starting/, 60_000);
    expect(bot.output()).toMatch(/"entry":"dist\/main\.js"/);
    await greets('Carol', 7503, 'zh-hans', /^您好，Carol/);
    await greets('Dave', 7504, 'en', /^Hello, Dave!/);
    expect(await bot.kill('SIGTERM')).toBe(0);
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}, 240_000);
