/**
 * Interactive replies go through the bot's client `fetch` (bot/outbox/interactive.ts):
 * sent directly, never behind a batch of surveys, counted in the same limiter first; a
 * 429 on one holds the outbox for that chat too; a reply that gets through to a person
 * marked unreachable clears the mark.
 */
import { Api } from 'grammy';
import { createHarness, people, TOKEN, type Harness } from '../support/harness';
import { register } from '../support/emergencyFlows';
import { message, newInstance, outboxTestPolicy, type Instance } from './support';

let h: Harness;
let a: Instance;

beforeEach(async () => {
  h = await createHarness({ policy: outboxTestPolicy({ globalPerSecond: 20 }) });
  a = await newInstance(h, 'a');
});
afterEach(async () => {
  await a.close();
  await h.close();
});

const interactiveApi = () => new Api(TOKEN, { apiRoot: h.fake.apiRoot, fetch: a.outbox.interactiveFetch });
/**
 * The most calls in any window of `ms`, by the fake's clock. The fake runs in this process,
 * so it may note a call a little late: windows of 970 ms tolerate 30 ms of that.
 */
const maxInAnyWindow = (times: number[], ms: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

test('a reply during a batch of 100 surveys goes at once, ahead of the rest; together they stay within 20 a second', async () => {
  for (let i = 0; i < 100; i++) await a.outbox.send(message(3000 + i, `survey ${i}`), 'background');
  a.outbox.dispatcher.start();
  // Some 15 surveys out (in no particular order across chats), then the reply.
  await h.fake.waitForCall(() => h.fake.callsOf('sendMessage').length >= 15, 10_000);

  // How fast it goes is the bench's (npm run bench: "interactive reply during the batch"); here:
  // that it went ahead of the rest, and that together they kept the limit.
  await interactiveApi().sendMessage(people.alice.id, 'your answer');

  await h.fake.waitForCall(() => h.fake.callsOf('sendMessage').length >= 101, 110_000);
  await a.outbox.dispatcher.stop(10_000);
  const calls = h.fake.callsOf('sendMessage');
  expect(calls).toHaveLength(101);
  expect(calls.filter((c) => c.error)).toEqual([]);
  // The batch had about four seconds to go: the reply went ahead of most of it, not after it.
  const reply = calls.find((c) => c.params.text === 'your answer')!;
  expect(calls.filter((c) => String(c.params.text).startsWith('survey') && c.at > reply.at).length).toBeGreaterThanOrEqual(20);
  expect(maxInAnyWindow(calls.map((c) => c.at), 970)).toBeLessThanOrEqual(20);
});

test('a 429 answered to an interactive reply holds the outbox for that chat as long', async () => {
  h.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
  await expect(interactiveApi().sendMessage(people.bob.id, 'hello')).rejects.toThrow(/429|Too Many/);
  expect(a.outbox.limiter.delay(people.bob.id, 1, 'outbox')).toBeGreaterThan(2500);
  // Only that chat: another is not held at all.
  expect(a.outbox.limiter.delay(people.alice.id, 1, 'outbox')).toBe(0);
});

test('a reply that reaches a person marked unreachable clears the mark', async () => {
  await a.outbox.store.markUnreachable(people.alice.id, '403 Forbidden: bot was blocked by the user');
  await interactiveApi().sendMessage(people.alice.id, 'welcome back');
  expect(await a.outbox.store.isUnreachable(people.alice.id)).toBe(false);
  // A refused one does not.
  await a.outbox.store.markUnreachable(people.bob.id, '403');
  h.fake.blockUser(people.bob.id);
  await expect(interactiveApi().sendMessage(people.bob.id, 'hi')).rejects.toThrow(/403|blocked/);
  expect(await a.outbox.store.isUnreachable(people.bob.id)).toBe(true);
});

test('calls that send nothing (answers to button presses, chat actions) are not counted', async () => {
  const api = interactiveApi();
  for (let i = 0; i < 25; i++) await api.sendChatAction(people.alice.id, 'typing');
  await api.getMe();
  // 20 a second: had those counted, the outbox would wait now.
  expect(a.outbox.limiter.delay(people.bob.id, 1, 'outbox')).toBe(0);
  for (let i = 0; i < 20; i++) await api.sendMessage(3100 + i, `reply ${i}`);
  expect(a.outbox.limiter.delay(people.bob.id, 1, 'outbox')).toBeGreaterThan(0);
});

test('a reply whose kept-alive connection is reset before any answer is sent again, once', async () => {
  // Without the interactive fetch the reset is an error: the fake really drops the connection.
  h.fake.dropNextConnection('sendMessage');
  await expect(new Api(TOKEN, { apiRoot: h.fake.apiRoot }).sendMessage(people.alice.id, 'lost')).rejects.toThrow(/Network request/);

  h.fake.dropNextConnection('sendMessage');
  await interactiveApi().sendMessage(people.alice.id, 'your answer');
  expect(h.fake.textsTo(people.alice.id)).toEqual(['your answer']);
  // Twice in a row is not a race any more: it fails as before.
  h.fake.dropNextConnection('sendMessage');
  h.fake.dropNextConnection('sendMessage');
  await expect(interactiveApi().sendMessage(people.alice.id, 'second try')).rejects.toThrow(/Network request/);
  expect(h.fake.textsTo(people.alice.id)).toEqual(['your answer']);
});

test("a scene's question whose connection is reset still reaches the resident, and the report goes on", async () => {
  const alice = people.alice;
  await register(h, alice);
  h.fake.dropNextConnection('sendMessage');
  await h.send(h.u.command(alice, 'repair'));
  expect(h.fake.lastTextTo(alice.id)).toContain('报修类型');
  await h.press(alice, alice.id, 'sc:household');
  expect(h.fake.lastTextTo(alice.id)).toContain('请选择具体类别');
});
