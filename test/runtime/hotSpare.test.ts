/**
 * Two real bot processes in long-polling mode on one database: one polls, the other waits as
 * a hot spare (no 409 fight, no exit). Killed with SIGKILL, the poller is replaced within the
 * takeover time; stopped cleanly, at once. Telegram's 409 Conflict makes the poller try again,
 * never exit. The fake Bot API behaves like Telegram here: a second getUpdates while one is
 * running ends the first with 409.
 */
import type { Update } from 'grammy/types';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startFakeTelegram, type FakeTelegram } from '../support/fakeTelegram';
import { UpdateFactory, user } from '../support/updates';
import { botEnv, startBot, type BotProcess } from './processes';

const STAFF = -1001000000601;
const TAKEOVER_S = 3;
let fake: FakeTelegram;
let db: TestDatabase;
const bots: BotProcess[] = [];
const queue: Update[] = [];
let conflicts = 0;
const u = new UpdateFactory(60_000);

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.setChatMember(STAFF, fake.botInfo.id, 'administrator');
  let pending: { answer: (v: unknown) => void } | undefined;
  fake.on('getUpdates', () =>
    new Promise((resolve) => {
      let answered = false;
      const me = {
        answer: (v: unknown) => {
          if (answered) return;
          answered = true;
          if (pending === me) pending = undefined;
          resolve(v);
        },
      };
      if (pending) {
        conflicts += 1;
        pending.answer({ error: { error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' } });
      }
      pending = me;
      const deliver = () => me.answer(queue.splice(0));
      if (queue.length > 0) deliver();
      else setTimeout(deliver, 300); // a short long poll
    }),
  );
  db = createTestDatabase('hotspare');
});
afterAll(async () => {
  for (const b of bots) await b.kill();
  await db.drop();
  await fake.close();
});

/** `instance` stands for the machine: the same name is a restart on the same machine. */
function start(instance: string): BotProcess {
  const b = startBot(
    'tsx',
    botEnv({ token: '123456:HOT-SPARE', apiRoot: fake.apiRoot, staffChatId: STAFF, mongodbUri: `${db.uri}/${db.dbName}` }, { INSTANCE_NAME: instance, POLLING_TAKEOVER: `${TAKEOVER_S}s` }),
  );
  bots.push(b);
  return b;
}

async function answered(id: number): Promise<number> {
  const who = user(id, `User${id}`, { language_code: 'en' });
  queue.push(u.command(who, 'start'));
  const reply = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === id && !c.error, 60_000);
  return reply.at;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

test('a spare waits without polling, takes over after kill -9 within the takeover time, and a 409 never ends a poller', async () => {
  // Two machines (instance names), so the spare can only go by the lease not being renewed.
  const a = start('host-a');
  await a.waitFor(/"msg":"long polling \(lease 1\)"/, 60_000);
  const b = start('host-b');
  await b.waitFor(/standing by as a hot spare, taking over within 3 s after it stops/, 60_000);
  await answered(6001);
  // Both alive a while: the spare never polled, so Telegram saw no conflict.
  await b.waitFor(/"msg":"bot starting \(long polling\)"/);
  await answered(6002);
  expect(conflicts).toBe(0);

  const killedAt = Date.now();
  await a.kill('SIGKILL');
  await b.waitFor(/"msg":"taking over long polling \(lease 2\)"/, 30_000);
  const tookOverAt = Date.now();
  const repliedAt = await answered(6003);
  expect(b.output()).not.toContain('"msg":"stopped"');
  process.stdout.write(`kill -9 of the poller → the spare took over after ${seconds(tookOverAt - killedAt)}, first reply after ${seconds(repliedAt - killedAt)} (takeover time ${TAKEOVER_S} s)\n`);

  // Telegram says another getUpdates is running: the poller tries again instead of exiting.
  for (let i = 0; i < 3; i++) fake.failNext('getUpdates', { error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
  await b.waitFor(/Telegram answered 409 Conflict/, 30_000);
  await answered(6004);
  expect(b.proc.exitCode).toBeNull();

  // A new spare; the poller stops cleanly (SIGTERM): the spare takes over at once, not after the takeover time.
  const c = start('host-c');
  await c.waitFor(/standing by as a hot spare/, 60_000);
  const stoppedAt = Date.now();
  expect(await b.kill('SIGTERM')).toBe(0);
  const line = await c.waitFor(/\{[^\n]*"msg":"taking over long polling \(lease 3\)"\}/, 30_000);
  expect(JSON.parse(line)).toMatchObject({ lease: 3, released: true });
  await answered(6005);
  process.stdout.write(`clean stop of the poller → the spare took over after ${seconds(Date.now() - stoppedAt)} (including the reply)\n`);
  expect(await c.kill('SIGTERM')).toBe(0);
}, 240_000);

test('a restart on the same machine after kill -9 polls at once: its predecessor cannot renew', async () => {
  const first = start('host-d');
  await first.waitFor(/"msg":"taking over long polling \(lease \d+\)"/, 60_000); // after the clean stop above
  await first.kill('SIGKILL');
  const restarted = start('host-d');
  const startedAt = Date.now();
  await restarted.waitFor(/"msg":"taking over long polling \(lease \d+\)"/, 60_000);
  expect(restarted.output()).not.toContain('standing by');
  await answered(6006);
  process.stdout.write(`restart after kill -9 on the same machine: polling ${seconds(Date.now() - startedAt)} after the start (including the reply)\n`);
}, 120_000);
