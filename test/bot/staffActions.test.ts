/**
 * The card's other actions, end to end: Transfer moves the card to the other department's
 * group and keeps the record; Release puts it back in the pool with the reason under the
 * card; a head Reassigns to a named colleague (who gets the contact); Reschedule tells the
 * resident the new time; a Note stays internal unless marked for the resident.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { callbackAnswers, cardText, fileRepair } from '../support/flows';
import { residentActor } from '../../src/people/actors';
import { addNote, CLEANING_CHAT, OFFICE_CHAT, openInPrivate, pressData, release, seatCleaner, snapshot, twoGroupPolicy, wu } from '../support/staffFlows';
import { user } from '../support/updates';

const { alice, zhang, li, head } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: twoGroupPolicy() });
  seatCleaner(h);
});
afterEach(async () => {
  await h.close();
});

const newTicket = (description = '门铃坏了') => fileRepair(h, alice, { kind: 'household', category: 'inspect', description });
const lastAnswer = () => callbackAnswers(h).at(-1);
/** Every message the bot sent into a chat that replies to the given message. */
const repliesTo = (chatId: number, messageId: number) => h.fake.messagesIn(chatId).filter((m) => m.reply_to_message_id === messageId);

test('transfer: the old card says where it went, the new group gets a card, the record is kept', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const oldCard = h.messageWithButton(STAFF_CHAT, `tk:tr:${ref}`).message_id;

  await h.press(zhang, STAFF_CHAT, `tk:tr:${ref}`);
  const picker = h.messageWithButton(STAFF_CHAT, `tk:tr:${ref}:cleaning`);
  expect(picker.reply_to_message_id).toBe(oldCard);
  const choices = h.fake.buttonsOf(picker).map((b) => b.data!);
  expect(choices).toEqual([`tk:tr:${ref}:cleaning`, `tk:tr:${ref}:security`, `tk:tr:${ref}:service`, `tk:tr:${ref}:_`]);
  for (const data of choices) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);

  await h.press(zhang, STAFF_CHAT, `tk:tr:${ref}:cleaning`);
  expect(lastAnswer()).toBe(`已把 ${ref} 转给保洁绿化部。`);
  // The old card points to the new department and has no buttons left.
  const old = h.fake.message(STAFF_CHAT, oldCard)!;
  expect(old.text).toBe(`↪️ ${ref} 已转交保洁绿化部，请在该部门群查看。`);
  expect(h.fake.buttonsOf(old)).toEqual([]);
  expect(h.fake.message(STAFF_CHAT, picker.message_id)!.text).toBe(`↪️ 张 已把 ${ref} 转给保洁绿化部。`);
  // The new card, in the cleaning group, unclaimed, says where it came from.
  const moved = cardText(h, CLEANING_CHAT, ref);
  expect(moved).toContain('由工程维修部转来');
  expect(moved).toContain('待接单');
  expect(h.fake.buttonsOf(h.messageWithButton(CLEANING_CHAT, `tk:claim:${ref}`)).length).toBeGreaterThan(1);
  // The resident hears the department, not a person.
  expect(h.fake.lastTextTo(alice.id)).toBe(`↪️ 您的工单 ${ref} 已转交保洁绿化部处理。`);

  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({ department: 'cleaning', status: 'open', transferredFrom: 'engineering' });
  expect(ticket.owner).toBeUndefined();

  // The cleaner claims it: same reference, the same log goes on.
  await h.press(wu, CLEANING_CHAT, `tk:claim:${ref}`);
  const history = await h.services.tickets.history(ref);
  expect(history.map((e) => [e.seq, e.type, e.actor.id])).toEqual([
    [1, 'created', alice.id],
    [2, 'claimed', zhang.id],
    [3, 'transferred', zhang.id],
    [4, 'claimed', wu.id],
  ]);
  expect(history[2].data).toMatchObject({ from: 'engineering', to: 'cleaning' });
  expect(await h.database.models.Ticket.countDocuments({ ref })).toBe(1);
});

test('release: unclaimed again with the reason under the card; a typed reason works too', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const card = h.messageWithButton(STAFF_CHAT, `tk:rel:${ref}`).message_id;

  await h.press(zhang, STAFF_CHAT, `tk:rel:${ref}`);
  expect(lastAnswer()).toBe(`请在与机器人的私聊中继续处理 ${ref}。`);
  await h.press(zhang, zhang.id, `tk:rel:${ref}`);
  expect(h.fake.lastTextTo(zhang.id)).toContain(`为什么退回 ${ref}`);
  await h.press(zhang, zhang.id, 'sc:unreachable');
  expect(h.fake.lastTextTo(zhang.id)).toBe(`✅ ${ref} 已退回，重新待接单。`);

  const shown = h.fake.message(STAFF_CHAT, card)!;
  expect(shown.text).toContain('待接单');
  expect(h.fake.buttonsOf(shown).map((b) => b.data)).toContain(`tk:claim:${ref}`);
  expect(repliesTo(STAFF_CHAT, card).at(-1)!.text).toBe(`↩️ 张 退回了 ${ref}：联系不上住户。工单重新待接单。`);
  const released = (await h.services.tickets.history(ref)).at(-1)!;
  expect(released).toMatchObject({ type: 'released', text: '联系不上住户', actor: { id: zhang.id, role: 'staff' } });
  expect((await h.services.tickets.get(ref))!.owner).toBeUndefined();

  // Li takes it and gives it back with his own words.
  await h.press(li, STAFF_CHAT, `tk:claim:${ref}`);
  await release(h, li, STAFF_CHAT, ref, '需要电工证，我没有');
  expect(repliesTo(STAFF_CHAT, card).at(-1)!.text).toBe(`↩️ 李 退回了 ${ref}：需要电工证，我没有。工单重新待接单。`);
  expect(await snapshot(h, ref)).toMatchObject({ status: 'open', seq: 5 });
});

test('reassign: refused for plain staff; the head picks a colleague, who gets the ticket and the contact', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  // Li has used the bot in the group, so the bot knows his name.
  await h.send(h.u.command(li, 'mine', { id: STAFF_CHAT }));
  const card = h.messageWithButton(STAFF_CHAT, `tk:ra:${ref}`).message_id;
  const before = await snapshot(h, ref);
  const messagesInGroup = h.fake.messagesIn(STAFF_CHAT).length;

  await h.press(li, STAFF_CHAT, `tk:ra:${ref}`);
  expect(lastAnswer()).toBe(`抱歉，只有部门主管或管理处主任可以改派工单 ${ref}。`);
  expect(h.fake.messagesIn(STAFF_CHAT)).toHaveLength(messagesInGroup); // no picker for him
  expect(await snapshot(h, ref)).toEqual(before);

  await h.press(head, STAFF_CHAT, `tk:ra:${ref}`);
  const picker = h.messageWithButton(STAFF_CHAT, `tk:ra:${ref}:${li.id}`);
  expect(picker.reply_to_message_id).toBe(card);
  // Known members of the group and the head; not the current owner.
  expect(h.fake.buttonsOf(picker).map((b) => [b.text, b.data])).toEqual([
    ['李', `tk:ra:${ref}:${li.id}`],
    ['王主管', `tk:ra:${ref}:${head.id}`],
    ['✖️ 取消', `tk:ra:${ref}:_`],
  ]);

  await h.press(head, STAFF_CHAT, '李');
  expect(lastAnswer()).toBe(`已把 ${ref} 改派给 李。`);
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({ status: 'claimed', owner: { id: li.id, name: '李' } });
  expect(h.fake.message(STAFF_CHAT, card)!.text).toContain('已接单：李');
  expect(h.fake.message(STAFF_CHAT, picker.message_id)!.text).toBe(`👤 王主管 已把 ${ref} 改派给 李。`);
  const toLi = h.fake.textsTo(li.id).join('\n');
  expect(toLi).toContain(`王主管 把工单 ${ref} 改派给了您`);
  expect(toLi).toContain('爱丽丝');
  expect(toLi).toContain('+8613812345678');
  expect(h.fake.lastTextTo(alice.id)).toBe(`👤 您的工单 ${ref} 改由 李 处理。`);
  expect((await h.services.tickets.history(ref)).at(-1)).toMatchObject({ type: 'reassigned', actor: { id: head.id, role: 'head' }, data: { to: { id: li.id, name: '李' } } });

  // The new owner may act; the old one no longer may.
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  expect(lastAnswer()).toContain('只有接单人（李）');
  await h.press(li, STAFF_CHAT, `tk:arr:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('on_site');
});

test('reschedule: waiting for parts with a typed time, then a new visit from the offered slots; the resident hears each', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await openInPrivate(h, zhang, STAFF_CHAT, 'rsch', ref);
  await h.press(zhang, zhang.id, 'sc:parts');
  await h.say(zhang, '门铃主板已订货');
  // Typed times: unreadable, already past, then right (11-25 14:00 Shanghai time).
  await h.say(zhang, '下周吧');
  expect(h.fake.lastTextTo(zhang.id)).toContain('没能看懂这个时间');
  await h.say(zhang, '11-20 10:00');
  expect(h.fake.lastTextTo(zhang.id)).toContain('这个时间已经过去了');
  await h.say(zhang, '11-25 14:00');
  expect(h.fake.lastTextTo(zhang.id)).toContain('预计继续：2026-11-25 14:00');
  await h.press(zhang, zhang.id, 'sc:yes');
  expect(h.fake.lastTextTo(zhang.id)).toBe(`✅ ${ref} 已更新，新时间 2026-11-25 14:00，已通知住户。`);

  expect(cardText(h, STAFF_CHAT, ref)).toContain('⏳ 等待配件：门铃主板已订货，预计 2026-11-25 14:00');
  expect(h.fake.lastTextTo(alice.id)).toBe(`⏳ 工单 ${ref} 正在等待配件：门铃主板已订货。预计 2026-11-25 14:00 继续处理。`);
  let ticket = (await h.services.tickets.get(ref))!;
  expect(new Date(ticket.waiting!.until).toISOString()).toBe('2026-11-25T06:00:00.000Z');
  expect(ticket.waiting!.parts).toBe(true);

  // A new visit: the offered slots start an hour from now (10:00 → the 12:00-14:00 slot).
  await openInPrivate(h, zhang, STAFF_CHAT, 'rsch', ref);
  await h.press(zhang, zhang.id, 'sc:visit');
  await h.say(zhang, '住户下午不在家');
  const slots = h.fake.buttonsOf(h.messageWithButton(zhang.id, /^sc:\d+$/));
  expect(slots[0].text).toBe('2026-11-23 12:00-14:00');
  await h.press(zhang, zhang.id, slots[0].data!);
  await h.press(zhang, zhang.id, 'sc:yes');
  expect(h.fake.lastTextTo(alice.id)).toBe(`⏳ 工单 ${ref} 已改期：住户下午不在家。新的时间：2026-11-23 12:00。`);
  expect(cardText(h, STAFF_CHAT, ref)).toContain('⏳ 已改期：住户下午不在家，新时间 2026-11-23 12:00');
  ticket = (await h.services.tickets.get(ref))!;
  expect(new Date(ticket.onSiteDueAt!).toISOString()).toBe('2026-11-23T04:00:00.000Z');
  expect((await h.services.tickets.history(ref)).filter((e) => e.type === 'rescheduled')).toHaveLength(2);
});

test('note: internal notes and photos stay with the staff; a note marked for the resident reaches her', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const card = h.messageWithButton(STAFF_CHAT, `tk:note:${ref}`).message_id;
  const toAlice = h.fake.callsTo(alice.id).length;

  await addNote(h, zhang, STAFF_CHAT, ref, { text: '线路 <老化> & 松动', photos: ['note-photo-1'], tell: false });
  expect(h.fake.lastTextTo(zhang.id)).toBe(`✅ 已为 ${ref} 添加内部备注。`);
  const notes = repliesTo(STAFF_CHAT, card);
  expect(notes.map((m) => m.text ?? m.media?.[0].file_id)).toEqual([`📝 内部备注 ${ref}（张）：线路 <老化> & 松动\n📎 附 1 个照片/视频（见下方）`, 'note-photo-1']);
  expect(h.fake.callsTo(alice.id)).toHaveLength(toAlice); // nothing for the resident
  expect((await h.services.tickets.history(ref)).at(-1)).toMatchObject({
    type: 'note_added',
    text: '线路 <老化> & 松动',
    media: [{ type: 'photo', fileId: 'note-photo-1' }],
    data: { toResident: false },
  });

  await addNote(h, zhang, STAFF_CHAT, ref, { text: '明天上午带新线过来', tell: true });
  expect(repliesTo(STAFF_CHAT, card).at(-1)!.text).toBe(`📝 备注 ${ref}（张，已告知住户）：明天上午带新线过来`);
  expect(h.fake.lastTextTo(alice.id)).toBe(`📝 关于 ${ref}（张）：明天上午带新线过来`);
  // Notes change nothing else.
  expect(await snapshot(h, ref)).toMatchObject({ status: 'claimed', owner: { id: zhang.id, name: '张' }, seq: 4 });
});

test('a staff member who never started the bot is sent there by a link, and Start continues the note', async () => {
  const ref = await newTicket();
  h.fake.neverStarted(li.id);
  await h.press(li, STAFF_CHAT, `tk:note:${ref}`);
  const answer = h.fake.callsOf('answerCallbackQuery').at(-1)!;
  expect(answer.params.url).toBe(`https://t.me/${h.fake.botInfo.username}?start=st_note_${ref}`);

  h.fake.started(li.id);
  await h.send(h.u.text(li, `/start st_note_${ref}`));
  expect(h.fake.lastTextTo(li.id)).toContain(`工单 ${ref} 的备注`);
  await h.say(li, '已电话联系住户');
  await h.press(li, li.id, 'sc:done');
  await h.press(li, li.id, 'sc:internal');
  expect((await h.services.tickets.history(ref)).at(-1)).toMatchObject({ type: 'note_added', text: '已电话联系住户', actor: { id: li.id } });
  expect(await h.services.staff.privateChatOpen(li.id)).toBe(true);
});

test('the new owner who never started the bot is asked under the card to open it for the contact', async () => {
  const ref = await newTicket();
  await h.send(h.u.command(li, 'mine', { id: STAFF_CHAT }));
  const card = h.messageWithButton(STAFF_CHAT, `tk:ra:${ref}`).message_id;
  h.fake.neverStarted(li.id);
  await h.press(head, STAFF_CHAT, `tk:ra:${ref}`);
  await h.press(head, STAFF_CHAT, '李');
  expect((await h.services.tickets.get(ref))!.owner?.id).toBe(li.id);
  const link = `https://t.me/${h.fake.botInfo.username}?start=ct_${ref}`;
  expect(repliesTo(STAFF_CHAT, card).at(-1)!.text).toContain(`李：您还没有打开与机器人的私聊，请点 ${link}`);
  // Start from that link shows the contact (staff.ts), now that Li is the owner.
  h.fake.started(li.id);
  await h.send(h.u.text(li, `/start ct_${ref}`));
  expect(h.fake.lastTextTo(li.id)).toContain('+8613812345678');
});

test("a complaint about a staff member cannot be transferred to that member's department", async () => {
  const zhou = user(612, '周', { language_code: 'zh-hans' });
  h.fake.setChatMember(OFFICE_CHAT, zhou.id, 'member');
  const resident = { telegramId: alice.id, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
  const complaint = await h.services.tickets.createComplaint(
    resident,
    { subject: 'staff', staffDepartment: 'engineering', when: '今天上午', where: '3栋', what: '维修师傅态度很差', wants: '道歉', media: [], anonymous: true, showUnit: false },
    residentActor(alice.id, alice.first_name),
  );
  await h.settle();
  const ref = complaint.ref;

  await h.press(zhou, OFFICE_CHAT, `tk:tr:${ref}`);
  const offered = h.fake.buttonsOf(h.messageWithButton(OFFICE_CHAT, `tk:tr:${ref}:_`)).map((b) => b.data);
  expect(offered).toEqual([`tk:tr:${ref}:cleaning`, `tk:tr:${ref}:security`, `tk:tr:${ref}:_`]);
  expect(await pressData(h, zhou, OFFICE_CHAT, `tk:tr:${ref}:engineering`)).toBe(`工单 ${ref} 不适用此操作。`);
  expect(await snapshot(h, ref)).toMatchObject({ department: 'service', seq: 1 });
  expect(h.fake.textsTo(STAFF_CHAT).join('\n')).not.toContain(ref);
});
