/**
 * Database commands per update: the update's record, the sender's language and the chat's
 * conversation state are asked for together, the language is remembered for a short time
 * (and changed at once by /lang), and a redelivered update still does nothing.
 */
import { answerRegistration, ALICE_PROFILE } from '../support/flows';
import { createHarness, people, type Harness } from '../support/harness';
import { commandsDuring as sentDuring } from '../support/commands';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const alice = people.alice;

/** The database commands this connection sends while `fn` runs, as `collection.method`. */
async function commandsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  return (await sentDuring(h.database.conn, fn)).map((c) => `${c.collection}.${c.method}`);
}

test("a known resident's /start: the update's record and the conversation state, the language from memory", async () => {
  await h.send(h.u.command(alice, 'profile'));
  await answerRegistration(h, alice, ALICE_PROFILE);
  await h.send(h.u.command(alice, 'start'));

  const start = h.u.command(alice, 'start');
  const commands = await commandsDuring(() => h.send(start));
  // (/start also asks whether the sender is staff: src/people/staff.ts, not part of every update.)
  expect(commands.filter((c) => !c.startsWith('staff_')).sort()).toEqual(['conversation_states.findOne', 'processed_updates.insertOne']);
  expect(h.fake.lastTextTo(alice.id)).toBeTruthy();

  // Delivered again: the same reads, nothing written, nothing answered.
  const before = h.fake.messagesIn(alice.id).length;
  const again = await commandsDuring(() => h.send(start));
  expect(again.filter((c) => !c.endsWith('.findOne'))).toEqual(['processed_updates.insertOne']);
  expect(h.fake.messagesIn(alice.id).length).toBe(before);
});

test('/lang takes effect at once although the language is remembered', async () => {
  await h.send(h.u.command(alice, 'lang'));
  await h.press(alice, alice.id, 'lang:en');
  await h.send(h.u.command(alice, 'start'));
  const english = h.fake.lastTextTo(alice.id);
  await h.send(h.u.command(alice, 'lang'));
  await h.press(alice, alice.id, 'lang:zh-CN');
  await h.send(h.u.command(alice, 'start'));
  expect(h.fake.lastTextTo(alice.id)).not.toEqual(english);
  expect(/[\u4e00-\u9fff]/.test(h.fake.lastTextTo(alice.id) ?? '')).toBe(true);
  expect(/[\u4e00-\u9fff]/.test(english ?? '')).toBe(false);
});
