/**
 * Roles as the card actions and staff commands see them: staff rights come from being in a
 * staff group, and are lost on leaving it — whether Telegram tells the bot (chat_member) or
 * the bot finds out when it asks again (getChatMember). A head of another department is
 * staff there, not here; the manager may act on everything, also from the private chat.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { fileRepair } from '../support/flows';
import { CLEANING_CHAT, pressData, seatCleaner, snapshot, twoGroupPolicy, wu } from '../support/staffFlows';

const { alice, zhang, li, head, manager } = people;
let h: Harness;

beforeEach(async () => {
  const policy = twoGroupPolicy();
  // Wu heads the cleaning department.
  policy.departments = policy.departments.map((d) => (d.id === 'cleaning' ? { ...d, heads: [wu.id] } : d));
  h = await createHarness({ policy });
  seatCleaner(h);
});
afterEach(async () => {
  await h.close();
});

const newTicket = (description = '门铃坏了') => fileRepair(h, alice, { kind: 'household', category: 'inspect', description });
const NOT_STAFF = '抱歉，只有物业员工可以进行此操作。';

test('a member who leaves the group (chat_member update) loses staff rights at once', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.send(h.u.command(li, 'mine', { id: STAFF_CHAT }));
  const card = h.messageWithButton(STAFF_CHAT, `tk:rel:${ref}`).message_id;

  h.fake.setChatMember(STAFF_CHAT, zhang.id, 'left');
  await h.send(h.u.chatMember(STAFF_CHAT, zhang, 'member', 'left'));
  const before = await snapshot(h, ref);
  for (const action of ['note', 'rsch', 'rel', 'tr']) {
    expect(await pressData(h, zhang, STAFF_CHAT, `tk:${action}:${ref}`, card)).toBe(NOT_STAFF);
  }
  await h.send(h.u.text(zhang, `/start st_rel_${ref}`));
  expect(h.fake.lastTextTo(zhang.id)).toBe(NOT_STAFF);
  await h.send(h.u.command(zhang, 'mine'));
  expect(h.fake.lastTextTo(zhang.id)).toBe(NOT_STAFF);
  expect(await snapshot(h, ref)).toEqual(before);

  // The head hands his ticket on; he is no longer offered as a colleague.
  await h.press(head, STAFF_CHAT, `tk:ra:${ref}`);
  const offered = h.fake.buttonsOf(h.messageWithButton(STAFF_CHAT, `tk:ra:${ref}:_`)).map((b) => b.text);
  expect(offered).toEqual(['李', '王主管', '✖️ 取消']);
  await h.press(head, STAFF_CHAT, '李');
  expect((await h.services.tickets.get(ref))!.owner).toEqual({ id: li.id, name: '李' });
});

test('a member who left silently is found out when the bot asks the group again', async () => {
  const ref = await newTicket();
  await h.press(li, STAFF_CHAT, `tk:claim:${ref}`);
  const card = h.messageWithButton(STAFF_CHAT, `tk:note:${ref}`).message_id;

  // No admin rights, so no chat_member update: only getChatMember can tell.
  h.fake.setChatMember(STAFF_CHAT, li.id, 'left');
  h.clock.advance(60 * 60_000);
  const before = await snapshot(h, ref);
  const asked = h.fake.callsOf('getChatMember').length;
  expect(await pressData(h, li, STAFF_CHAT, `tk:note:${ref}`, card)).toBe(NOT_STAFF);
  expect(h.fake.callsOf('getChatMember').length).toBeGreaterThan(asked);
  expect(await pressData(h, li, li.id, `tk:rsch:${ref}`)).toBe(NOT_STAFF);
  await h.send(h.u.text(li, `/start st_note_${ref}`));
  expect(h.fake.lastTextTo(li.id)).toBe(NOT_STAFF);
  expect(await snapshot(h, ref)).toEqual(before);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);

  // Back in the group, he may work on it again.
  h.fake.setChatMember(STAFF_CHAT, li.id, 'member');
  await h.send(h.u.chatMember(STAFF_CHAT, li, 'left', 'member'));
  await h.press(li, STAFF_CHAT, `tk:note:${ref}`);
  expect(h.fake.lastTextTo(li.id)).toContain(`请为工单 ${ref} 添加备注`);
});

test("the head of another department is staff there, not here; the manager may reassign from the private chat", async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.send(h.u.command(li, 'mine', { id: STAFF_CHAT }));
  const before = await snapshot(h, ref);
  for (const data of [`tk:ra:${ref}`, `tk:ra:${ref}:${li.id}`, `tk:tr:${ref}:cleaning`]) {
    expect(await pressData(h, wu, CLEANING_CHAT, data)).toBe(`抱歉，工单 ${ref} 不属于您所在的部门。`);
  }
  expect(await snapshot(h, ref)).toEqual(before);

  // The manager is in no staff group: /ticket in the private chat, then Reassign from there.
  await h.send(h.u.text(manager, `/ticket ${ref}`));
  expect(h.fake.lastTextTo(manager.id)).toContain(ref);
  await h.press(manager, manager.id, `tk:ra:${ref}`);
  await h.press(manager, manager.id, '李');
  expect((await h.services.tickets.get(ref))!.owner).toEqual({ id: li.id, name: '李' });
  expect((await h.services.tickets.history(ref)).at(-1)!.actor).toEqual({ id: manager.id, role: 'manager', name: '陈主任' });
  expect(h.fake.textsTo(li.id).join('\n')).toContain(`陈主任 把工单 ${ref} 改派给了您`);
});
