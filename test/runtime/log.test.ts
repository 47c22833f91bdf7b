/**
 * The log never shows a bot token: grammY's network errors carry the request URL
 * (…/bot<token>/getMe) in nested errors, and pino would print them. And a refused command is
 * logged as the command, without the words the person typed after it.
 */
import { Writable } from 'node:stream';
import { Bot, HttpError } from 'grammy';
import { createLogger, redactSecrets, REDACTED } from '../../src/log';
import { freePort } from '../../src/db/embedded';
import { createHarness, people, type Harness } from '../support/harness';

/** A destination that keeps every line. */
function memory(): { stream: Writable; text(): string; lines(): Record<string, unknown>[] } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text, lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

const LONG_TOKEN = '7012345678:AAHfYbGq2x0Zexample-token_from-BotFather42';
const SHORT_TOKEN = '4242:short-one';

test('a real network error from grammY, logged with {err}, nested or plain, shows no token', async () => {
  const port = await freePort(); // nothing listens there: ECONNREFUSED
  const out = memory();
  const log = createLogger({ level: 'info', secrets: [LONG_TOKEN], destination: out.stream });
  const bot = new Bot(LONG_TOKEN, { client: { apiRoot: `http://127.0.0.1:${port}`, sensitiveLogs: true } });
  const error = await bot.api.getMe().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  // The token really is in there (grammY's sensitiveLogs puts the failed URL into the message).
  expect(`${(error as Error).message} ${String((error as HttpError).error)}`).toContain(LONG_TOKEN);

  log.error({ err: error }, 'a call failed');
  log.error({ err: new Error('outer failure', { cause: error }) }, 'wrapped');
  log.warn({ error, url: `http://127.0.0.1:${port}/bot${LONG_TOKEN}/getMe`, escaped: `bot${encodeURIComponent(LONG_TOKEN)}` }, 'plain fields');
  log.child({ attempt: 2 }).error(error as Error);

  expect(out.lines()).toHaveLength(4);
  expect(out.text()).not.toContain(LONG_TOKEN);
  expect(out.text()).not.toContain(LONG_TOKEN.split(':')[1]);
  expect(out.text()).toContain(`bot${REDACTED}/getMe`);
  // What helps is kept: the method and the reason.
  expect(out.text()).toContain('ECONNREFUSED');
  expect(out.lines()[0].err).toMatchObject({ type: 'HttpError' });
});

test('BOT_TOKEN itself is removed even when it does not look like a token', () => {
  const out = memory();
  const log = createLogger({ level: 'info', secrets: [SHORT_TOKEN], destination: out.stream });
  log.error({ err: new Error(`request to http://x/bot${SHORT_TOKEN}/sendMessage failed`) }, `token ${SHORT_TOKEN}`);
  expect(out.text()).not.toContain(SHORT_TOKEN);
  expect(redactSecrets(`mongodb://helpdesk:s3cret-pass@db:27017/helpdesk`)).toBe(`mongodb://helpdesk:${REDACTED}@db:27017/helpdesk`);
});

describe('a refused staff command', () => {
  let h: Harness;
  const out = memory();
  beforeAll(async () => {
    h = await createHarness({ log: createLogger({ level: 'info', destination: out.stream }) });
  });
  afterAll(() => h.close());

  test('logs the command, not the words typed after it', async () => {
    await h.say(people.mallory, '/open my neighbour in 1201 is noisy, call me 13812345678');
    expect(h.fake.lastTextTo(people.mallory.id)).toMatch(/only the office's staff/);
    const refused = out.lines().find((l) => /staff command refused/.test(String(l.msg)));
    expect(refused).toMatchObject({ level: 30, command: '/open', userId: people.mallory.id });
    expect(out.text()).not.toContain('13812345678');
    expect(out.text()).not.toContain('noisy');
  });
});
