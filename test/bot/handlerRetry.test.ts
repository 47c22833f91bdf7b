/**
 * No long retry sleep inside an update's handler (issue 9, item 1): a reply refused with a
 * 429 longer than `outbox.handlerRetryMax` fails at once instead of being waited out in the
 * handler — Telegram said that chat must wait, and the chat's next update is not held behind
 * a sleeping one. A short 429 is still waited out and the reply goes.
 */
import { createHarness, people, type Harness } from '../support/harness';

const { alice } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const attempts = (text: unknown) => h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === alice.id && c.params.text === text);

test('a reply refused with a long 429 is not retried inside the handler; the next update is answered', async () => {
  h.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 10', parameters: { retry_after: 10 } }, (p) => p.chat_id === alice.id);
  await h.send(h.u.command(alice, 'help'));
  const refused = h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === alice.id && c.error?.error_code === 429);
  expect(refused).toHaveLength(1);
  // Not sent again after 10 s by a sleeping handler: that text went out once, refused.
  expect(attempts(refused[0].params.text)).toHaveLength(1);

  await h.send(h.u.command(alice, 'start'));
  expect(h.fake.lastTextTo(alice.id)).toContain('Alice');
});

test('a short 429 is waited out and the reply goes', async () => {
  h.fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, (p) => p.chat_id === alice.id);
  await h.send(h.u.command(alice, 'start'));
  const calls = h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === alice.id);
  expect(calls.map((c) => c.error?.error_code ?? 'ok')).toEqual([429, 'ok']);
  expect(calls[1].params.text).toBe(calls[0].params.text);
});
