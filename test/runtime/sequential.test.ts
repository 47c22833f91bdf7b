/**
 * Updates are handled concurrently under the runner and with webhooks. Two of one chat at
 * the same moment (a quick double answer) are still taken one after the other: the first
 * answers the question asked, the second the next one — not both the same question.
 */
import { createHarness, people, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

test('two answers sent at once fill two questions, in order', async () => {
  const alice = people.alice;
  await h.send(h.u.command(alice, 'repair')); // not registered: asks for the name
  const asked = h.fake.textsTo(alice.id).length;
  await Promise.all([h.say(alice, '爱丽丝'), h.say(alice, '138 1234 5678')]);
  // The name was taken, then the phone: now the bot asks where she lives.
  const after = h.fake.textsTo(alice.id).slice(asked);
  expect(after).toHaveLength(2);
  await h.say(alice, '3栋2单元1201');
  await h.press(alice, alice.id, 'sc:save');
  const profile = await h.services.residents.get(alice.id);
  expect(profile).toMatchObject({ name: '爱丽丝', phone: '+8613812345678', registered: true });
});

test('other chats are not held up by a chat whose update is still being handled', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let reached!: () => void;
  const reachedTelegram = new Promise<void>((r) => (reached = r));
  h.fake.on('sendMessage', async (p) => {
    if (p.chat_id === people.bob.id) {
      reached();
      await held;
    }
    return undefined;
  });
  const bob = h.send(h.u.command(people.bob, 'start'));
  await reachedTelegram; // bob's reply is on its way, held by the fake
  await h.send(h.u.command(people.mallory, 'start'));
  expect(h.fake.lastTextTo(people.mallory.id)).toContain('Mallory');
  expect(h.fake.textsTo(people.bob.id)).toHaveLength(0);
  release();
  await bob;
  h.fake.off('sendMessage');
  expect(h.fake.lastTextTo(people.bob.id)).toContain('Bob');
});
