/**
 * Callback data is chosen by the client: every new card action (note, reschedule, transfer
 * and its picker, release, reassign and its picker) forged by someone who is not staff, by
 * staff of another department, or by a colleague who does not own the ticket is refused
 * politely and changes nothing. A second press of an old button answers with the current
 * state, and brings the card up to date.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { callbackAnswers, cardText, fileRepair } from '../support/flows';
import { CLEANING_CHAT, cardMessageId, openInPrivate, pressData, release, seatCleaner, snapshot, twoGroupPolicy, wu } from '../support/staffFlows';

const { alice, zhang, li, head, mallory } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: twoGroupPolicy() });
  seatCleaner(h);
});
afterEach(async () => {
  await h.close();
});

const newTicket = (description = '门铃坏了') => fileRepair(h, alice, { kind: 'household', category: 'inspect', description });
const forgeries = (ref: string) =>
  ['note', 'rsch', 'tr', 'tr:cleaning', 'tr:_', 'rel', 'ra', `ra:${li.id}`, 'ra:_'].map((a) => {
    const [action, arg] = a.split(':');
    return arg === undefined ? `tk:${action}:${ref}` : `tk:${action}:${ref}:${arg}`;
  });

/** Messages and edits that reached the staff groups (getChatMember is a read, not something shown). */
const shownToStaff = () => [STAFF_CHAT, CLEANING_CHAT].flatMap((chat) => h.fake.callsTo(chat)).filter((c) => c.method !== 'getChatMember').length;

test('a non-staff user is refused every action, in the group and in private; nothing changes', async () => {
  const open = await newTicket();
  const claimed = await newTicket('水龙头漏水');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${claimed}`);
  const before = { open: await snapshot(h, open), claimed: await snapshot(h, claimed) };
  const shown = shownToStaff();

  for (const ref of [open, claimed]) {
    const card = cardMessageId(h, STAFF_CHAT, ref);
    for (const chatId of [STAFF_CHAT, mallory.id]) {
      for (const data of forgeries(ref)) {
        // In the group the office's language; privately Mallory's own (English).
        const expected = chatId === STAFF_CHAT ? '抱歉，只有物业员工可以进行此操作。' : "Sorry, only the office's staff can do this.";
        expect([data, await pressData(h, mallory, chatId, data, chatId === STAFF_CHAT ? card : undefined)]).toEqual([data, expected]);
      }
    }
    for (const action of ['note', 'rsch', 'rel']) {
      await h.send(h.u.text(mallory, `/start st_${action}_${ref}`));
      expect(h.fake.lastTextTo(mallory.id)).toBe("Sorry, only the office's staff can do this.");
    }
  }

  expect(await snapshot(h, open)).toEqual(before.open);
  expect(await snapshot(h, claimed)).toEqual(before.claimed);
  expect(shownToStaff()).toBe(shown); // no picker, no refresh, no note
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
  expect(h.fake.textsTo(mallory.id).join('\n')).not.toMatch(/13812345678|爱丽丝|1201/);
});

test('staff of another department are refused every action; nothing changes', async () => {
  const open = await newTicket();
  const claimed = await newTicket('水龙头漏水');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${claimed}`);
  const before = { open: await snapshot(h, open), claimed: await snapshot(h, claimed) };
  const shown = shownToStaff();

  for (const ref of [open, claimed]) {
    const card = cardMessageId(h, STAFF_CHAT, ref);
    // Pressed on the engineering card (a forged update) and from the cleaner's own group and chat.
    for (const [chatId, messageId] of [[STAFF_CHAT, card], [CLEANING_CHAT, undefined], [wu.id, undefined]] as const) {
      for (const data of forgeries(ref)) {
        expect([data, await pressData(h, wu, chatId, data, messageId)]).toEqual([data, `抱歉，工单 ${ref} 不属于您所在的部门。`]);
      }
    }
    await h.send(h.u.text(wu, `/start st_rel_${ref}`));
    expect(h.fake.lastTextTo(wu.id)).toBe(`抱歉，工单 ${ref} 不属于您所在的部门。`);
  }

  expect(await snapshot(h, open)).toEqual(before.open);
  expect(await snapshot(h, claimed)).toEqual(before.claimed);
  expect(shownToStaff()).toBe(shown);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
});

test("a colleague may not work on someone else's claimed ticket; only a head may reassign", async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const card = cardMessageId(h, STAFF_CHAT, ref);
  const before = await snapshot(h, ref);

  for (const data of [`tk:note:${ref}`, `tk:rsch:${ref}`, `tk:rel:${ref}`, `tk:tr:${ref}`, `tk:tr:${ref}:cleaning`]) {
    expect([data, await pressData(h, li, STAFF_CHAT, data, card)]).toEqual([data, `抱歉，只有接单人（张）、部门主管或管理处主任可以操作工单 ${ref}。`]);
  }
  // Not even the owner may reassign: that is the head's call.
  for (const who of [li, zhang]) {
    for (const data of [`tk:ra:${ref}`, `tk:ra:${ref}:${li.id}`, `tk:ra:${ref}:_`]) {
      expect(await pressData(h, who, STAFF_CHAT, data, card)).toBe(`抱歉，只有部门主管或管理处主任可以改派工单 ${ref}。`);
    }
  }
  // Data no button ever carries.
  expect(await pressData(h, head, STAFF_CHAT, `tk:tr:${ref}:nowhere`, card)).toBe(`工单 ${ref} 不适用此操作。`);
  expect(await pressData(h, head, STAFF_CHAT, `tk:ra:${ref}:abc`, card)).toBe(`工单 ${ref} 不适用此操作。`);
  // A head may not hand the ticket to someone outside the department.
  expect(await pressData(h, head, STAFF_CHAT, `tk:ra:${ref}:${wu.id}`, card)).toBe(`${wu.id} 不是（或已不再是）本部门的员工，请选择其他人。`);
  expect(await snapshot(h, ref)).toEqual(before);
});

test('a second press of an old button answers with the current state instead of acting', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const card = cardMessageId(h, STAFF_CHAT, ref);

  // Release, then the same button in the private chat again: the ticket is unclaimed now.
  await release(h, zhang, STAFF_CHAT, ref, 'notmine');
  const dm = h.messageWithButton(zhang.id, `tk:rel:${ref}`).message_id;
  let before = await snapshot(h, ref);
  expect(await pressData(h, zhang, zhang.id, `tk:rel:${ref}`, dm)).toBe(`工单 ${ref} 当前状态为「待接单」，无法进行此操作。`);
  expect(h.fake.buttonsOf(h.fake.message(zhang.id, dm)!)).toEqual([]); // that old button is gone
  expect(await snapshot(h, ref)).toEqual(before);

  // A change made outside the bot (the service called directly): its card edit goes out in the
  // background, and an old button pressed meanwhile or after answers with the state as it is.
  await h.press(li, STAFF_CHAT, `tk:claim:${ref}`);
  expect(cardText(h, STAFF_CHAT, ref)).toContain('已接单：李');
  await h.services.tickets.release(ref, await h.services.staff.actorFor({ id: li.id, firstName: li.first_name }), '下班了');
  before = await snapshot(h, ref);
  expect(await pressData(h, li, STAFF_CHAT, `tk:rsch:${ref}`, card)).toBe(`工单 ${ref} 当前状态为「待接单」，无法进行此操作。`);
  expect(cardText(h, STAFF_CHAT, ref)).toContain('待接单');
  expect(h.fake.buttonsOf(h.fake.message(STAFF_CHAT, card)!).map((b) => b.data)).toContain(`tk:claim:${ref}`);
  expect(await snapshot(h, ref)).toEqual(before);

  // The reassign picker pressed twice (a double tap): the second press says who has it.
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.send(h.u.command(li, 'mine', { id: STAFF_CHAT }));
  await h.press(head, STAFF_CHAT, `tk:ra:${ref}`);
  const picker = h.messageWithButton(STAFF_CHAT, `tk:ra:${ref}:${li.id}`).message_id;
  await h.press(head, STAFF_CHAT, `tk:ra:${ref}:${li.id}`);
  before = await snapshot(h, ref);
  expect(await pressData(h, head, STAFF_CHAT, `tk:ra:${ref}:${li.id}`, picker)).toBe(`工单 ${ref} 已经由 李 处理。`);
  expect(await snapshot(h, ref)).toEqual(before);

  // The transfer picker pressed twice: the ticket is already there.
  await h.press(li, STAFF_CHAT, `tk:tr:${ref}`);
  const trPicker = h.messageWithButton(STAFF_CHAT, `tk:tr:${ref}:cleaning`).message_id;
  await h.press(li, STAFF_CHAT, `tk:tr:${ref}:cleaning`);
  before = await snapshot(h, ref);
  expect(before.department).toBe('cleaning');
  expect(await pressData(h, li, STAFF_CHAT, `tk:tr:${ref}:cleaning`, trPicker)).toBe(`工单 ${ref} 已经在保洁绿化部了。`);
  expect(await snapshot(h, ref)).toEqual(before);
  expect(callbackAnswers(h).filter((a) => a.startsWith('已把'))).toHaveLength(2); // each picker acted once

  // Telegram refuses callback data over 64 bytes: nothing sent in all this comes close.
  const sent = h.fake.calls.flatMap((c) => h.fake.buttonsOf(c)).map((b) => b.data ?? '');
  expect(sent.length).toBeGreaterThan(20);
  for (const data of sent) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
});

test('a department with a long id is offered by its position, within the 64-byte limit', async () => {
  await h.close();
  const policy = twoGroupPolicy();
  const longId = 'landscaping-and-outdoor-facilities-north';
  policy.departments.push({ id: longId, name: { 'zh-CN': '北区园林外场部', en: 'North grounds' }, chat: { chatId: CLEANING_CHAT }, heads: [] });
  h = await createHarness({ policy });
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:tr:${ref}`);
  const button = h.fake.buttonsOf(h.messageWithButton(STAFF_CHAT, '北区园林外场部')).find((b) => b.text === '北区园林外场部')!;
  expect(button.data).toBe(`tk:tr:${ref}:_4`);
  await h.press(zhang, STAFF_CHAT, '北区园林外场部');
  expect((await snapshot(h, ref)).department).toBe(longId);
});

test('a picker can be closed by whoever may use it', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:tr:${ref}`);
  const picker = h.messageWithButton(STAFF_CHAT, `tk:tr:${ref}:_`).message_id;
  expect(await pressData(h, mallory, STAFF_CHAT, `tk:tr:${ref}:_`, picker)).toBe('抱歉，只有物业员工可以进行此操作。');
  expect(h.fake.message(STAFF_CHAT, picker)!.deleted).toBeUndefined();
  await h.press(zhang, STAFF_CHAT, `tk:tr:${ref}:_`);
  expect(h.fake.message(STAFF_CHAT, picker)!.deleted).toBe(true);
  expect((await snapshot(h, ref)).department).toBe('engineering');
  // The Note button opens the private chat only for whoever may write.
  await openInPrivate(h, zhang, STAFF_CHAT, 'note', ref);
  expect(h.fake.lastTextTo(zhang.id)).toContain(`工单 ${ref} 的备注`);
});
