/** Setting up an office: the bot says a group's id when it is added there. */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

test('added to an unknown group it explains how to make it a staff group; a configured one is greeted', async () => {
  const other = -1009876543210;
  await h.send(h.u.myChatMember(other, people.manager, 'left', 'member'));
  expect(h.fake.lastTextTo(other)).toContain(`本群 ID 是 ${other}`);
  expect(h.fake.lastTextTo(other)).toContain('STAFF_CHAT_ID');
  await h.send(h.u.myChatMember(STAFF_CHAT, people.manager, 'left', 'administrator'));
  expect(h.fake.lastTextTo(STAFF_CHAT)).toContain('已配置为员工群');
  // Promotion of a bot already there is not a new arrival.
  const before = h.fake.textsTo(STAFF_CHAT).length;
  await h.send(h.u.myChatMember(STAFF_CHAT, people.manager, 'member', 'administrator'));
  expect(h.fake.textsTo(STAFF_CHAT)).toHaveLength(before);
});
