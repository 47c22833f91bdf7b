/**
 * The per-person flood limit (office policy `flood`): past maxUpdates within the window, one
 * polite notice in the person's language, then nothing of theirs is handled until the window
 * has passed; everyone else is answered as usual, and the staff's group talk does not count.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';

let h: Harness;
let logText = '';
const destination = new Writable({ write: (chunk, _e, done) => ((logText += chunk.toString()), done()) });

beforeAll(async () => {
  h = await createHarness({ policy: { ...testPolicy(), flood: { window: 10_000, maxUpdates: 5 } }, log: createLogger({ level: 'info', destination }) });
});
afterAll(() => h.close());

const handled = (chatId: number) => h.fake.callsTo(chatId).filter((c) => c.method === 'sendMessage');

test('one notice in their language, the rest dropped for the window, others answered', async () => {
  const { mallory, alice } = people;
  for (let i = 0; i < 12; i++) await h.say(mallory, `/start ${i}`);
  const notice = await h.fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === mallory.id && /sending messages very quickly/.test(c.params.text));
  expect(notice.params.text).toContain('10 seconds');
  // 5 handled (each /start is answered), then the notice, then nothing.
  expect(handled(mallory.id)).toHaveLength(6);
  expect(handled(mallory.id).at(-1)).toBe(notice);

  // Someone else at the same time: answered as usual, in Chinese for Alice.
  await h.say(alice, '/start');
  expect(h.fake.lastTextTo(alice.id)).toContain('Alice');

  // Button presses while blocked: dropped, not even the spinner is answered.
  const press = h.u.callback(mallory, 'anything', { chatId: mallory.id, messageId: 1, chatType: 'private' });
  await h.send(press);
  expect(h.fake.callsOf('answerCallbackQuery').filter((c) => c.params.callback_query_id === press.callback_query!.id)).toHaveLength(0);

  // After the window, Mallory is answered again.
  h.clock.advance(10_001);
  await h.say(mallory, '/start');
  expect(handled(mallory.id)).toHaveLength(7);
  expect(h.fake.lastTextTo(mallory.id)).toContain('Mallory');

  // Logged once per flood, with who and the limit, not per dropped update.
  const lines = logText.split('\n').filter((l) => l.includes('flood limit')).map((l) => JSON.parse(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 30, userId: mallory.id, maxUpdates: 5, windowSeconds: 10 });
});

test('in Chinese for a Chinese speaker; a button flood is answered on the button', async () => {
  const { alice } = people;
  h.clock.advance(60_000);
  for (let i = 0; i < 6; i++) await h.send(h.u.callback(alice, `x${i}`, { chatId: alice.id, messageId: 1, chatType: 'private' }));
  const notice = await h.fake.waitForCall((c) => c.method === 'answerCallbackQuery' && /操作太频繁/.test(c.params.text ?? ''));
  expect(notice.params.text).toBe('⏳ 操作太频繁，请等待 10 秒。');
  // The five before it were handled (old buttons: "this button is no longer valid").
  expect(h.fake.callsOf('answerCallbackQuery').filter((c) => c.at <= notice.at && /已失效/.test(c.params.text ?? ''))).toHaveLength(5);
  await h.send(h.u.callback(alice, 'x7', { chatId: alice.id, messageId: 1, chatType: 'private' }));
  expect(h.fake.callsOf('answerCallbackQuery').filter((c) => /操作太频繁/.test(c.params.text ?? ''))).toHaveLength(1);
});

test("the staff's ordinary talk in their group is not counted", async () => {
  h.clock.advance(60_000);
  for (let i = 0; i < 12; i++) await h.send(h.u.text(people.zhang, `好的 ${i}`, { id: STAFF_CHAT, type: 'supergroup' }));
  await h.send(h.u.text(people.zhang, '/open', { id: STAFF_CHAT, type: 'supergroup' }));
  expect(h.fake.lastTextTo(STAFF_CHAT)).not.toMatch(/⏳/);
  expect(h.fake.callsTo(STAFF_CHAT).length).toBeGreaterThan(0);
});
