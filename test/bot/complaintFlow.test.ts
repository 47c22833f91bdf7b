/**
 * The complaint scene end to end: a resident registers and complains with a photo and a video
 * as evidence; the card reaches the customer service centre's group (not engineering's),
 * the record and the event log hold what was said, and the answer path (Claim → 答复办结 in
 * private → the resident confirms) works for complaints. Also: a complaint about a staff
 * member goes to the service centre and that member's head, never to the member's group;
 * editing a field; cancelling leaves nothing.
 */
import { Texts, LANGS } from '../../bot/texts';
import { SUBJECT_BUTTONS } from '../../scenes/complaint';
import { ALICE_PROFILE, resolveTicket } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { answerComplaint, clerk, complaintCard, complaintPolicy, fileComplaint, seatServiceStaff, SERVICE_CHAT, startComplaint } from '../support/complaintFlows';

const { alice, bob, head } = people;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let h: Harness;

afterEach(async () => {
  await h.close();
});

async function boot(overrides = {}): Promise<void> {
  h = await createHarness({ policy: complaintPolicy(overrides) });
  seatServiceStaff(h);
}

test('a complaint with evidence: scene, card in the service group, record, event log, answer and close', async () => {
  await boot();
  const { fake } = h;
  await startComplaint(h, alice, ALICE_PROFILE);
  expect(fake.lastTextTo(alice.id)).toContain('投诉的是哪方面');
  const subjects = fake.buttonsOf(h.messageWithButton(alice.id, 'sc:service'));
  expect(subjects.map((b) => b.data)).toEqual(['service', 'staff', 'fees', 'environment', 'neighbours', 'developer', 'other'].map((s) => `sc:${s}`));
  expect(subjects.map((b) => b.text)).toContain('🏘 邻里纠纷');

  await answerComplaint(h, alice, {
    subject: 'service',
    when: 'yesterday',
    where: '服务中心前台',
    what: '前台说快递已经送到家，其实弄丢了，还态度很差',
    wants: '找回快递，并给个说法',
    photos: ['photo-receipt'],
    videos: ['video-desk'],
  });
  const summary = fake.lastTextTo(alice.id)!;
  // 10:00 on 23 Nov in Shanghai: "yesterday" is the 22nd, fixed when it was answered.
  for (const line of ['投诉对象：服务质量', '时间：昨天（2026-11-22）', '地点：服务中心前台', '诉求：找回快递，并给个说法', '证据：2 个', '匿名：否（联系人：爱丽丝 +8613812345678）']) {
    expect(summary).toContain(line);
  }
  expect(fake.callsTo(SERVICE_CHAT)).toEqual([]); // nothing before Confirm
  await h.press(alice, alice.id, 'sc:confirm');

  const accepted = fake.lastTextTo(alice.id)!;
  const ref = /TS-\d{8}-\d{3}/.exec(accepted)![0];
  expect(ref).toBe('TS-20261123-001');
  expect(accepted).toContain('客户服务中心');
  expect(accepted).toContain('20分钟');

  // The service centre's group: the evidence as an album, then the card replying to it.
  const album = fake.callsOf('sendMediaGroup').find((c) => c.params.chat_id === SERVICE_CHAT)!;
  expect(album.params.media).toEqual([{ type: 'photo', media: 'photo-receipt' }, { type: 'video', media: 'video-desk' }]);
  const card = complaintCard(h, SERVICE_CHAT, ref);
  for (const line of [`投诉 ${ref}`, '投诉对象：服务质量', '住户：3栋2单元', '时间地点：昨天（2026-11-22） · 服务中心前台', '前台说快递已经送到家', '住户诉求：找回快递，并给个说法', '附件 2 个']) {
    expect(card.text).toContain(line);
  }
  for (const secret of ['爱丽丝', '13812345678', '1201']) expect(card.text).not.toContain(secret);
  expect(fake.buttonsOf(card).map((b) => b.data)).toEqual([`tk:claim:${ref}`, `tk:cls:${ref}`, `tk:note:${ref}`, `tk:tr:${ref}`]);
  expect(card.reply_to_message_id).toBe(album.result && (album.result as { message_id: number }[])[0].message_id);
  // Not the engineering group's business, and no head was told privately.
  expect(fake.callsTo(STAFF_CHAT)).toEqual([]);
  expect(fake.callsTo(head.id)).toEqual([]);

  const ticket = (await h.services.tickets.get(ref))!;
  const created = new Date('2026-11-23T02:00:00Z').getTime();
  expect(ticket).toMatchObject({
    kind: 'complaint',
    status: 'open',
    department: 'service',
    anonymous: false,
    showUnit: true,
    resident: { telegramId: alice.id, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201' },
    complaint: { subject: 'service', when: '昨天（2026-11-22）', wants: '找回快递，并给个说法' },
    report: { description: '前台说快递已经送到家，其实弄丢了，还态度很差', location: '服务中心前台', media: [{ type: 'photo', fileId: 'photo-receipt' }, { type: 'video', fileId: 'video-desk' }] },
  });
  expect(ticket.complaint!.staffDepartment).toBeUndefined();
  expect(new Date(ticket.responseDueAt).getTime()).toBe(created + 20 * MIN);
  expect(new Date(ticket.resolutionDueAt).getTime()).toBe(created + 2 * DAY);
  expect(await h.services.tickets.cards(ref)).toEqual([expect.objectContaining({ chatId: SERVICE_CHAT, messageId: card.message_id })]);
  const [createdEvent] = await h.services.tickets.history(ref);
  expect(createdEvent).toMatchObject({ seq: 1, type: 'created', actor: { id: alice.id, role: 'resident', name: '爱丽丝' }, text: ticket.report.description });
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0); // the scene is over

  // Claim, then 答复办结: the answer is written in private; no fee question for a complaint.
  await h.press(clerk, SERVICE_CHAT, `tk:claim:${ref}`);
  expect(fake.lastTextTo(alice.id)).toContain(`小周 正在处理您的 ${ref}`);
  expect(fake.buttonsOf(fake.message(SERVICE_CHAT, card.message_id)!).map((b) => b.text)).toContain('✅ 答复办结');
  await resolveTicket(h, clerk, SERVICE_CHAT, ref, '快递已在驿站找到并送回，前台已当面致歉');
  expect(fake.textsTo(clerk.id).join('\n')).not.toContain('实际收费多少元'); // no fee question for a complaint
  const answer = fake.textsTo(alice.id).find((t) => t.includes('处理答复'))!;
  expect(answer).toContain('快递已在驿站找到并送回');
  await h.press(alice, alice.id, `rs:ok:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');
  expect((await h.services.tickets.history(ref)).map((e) => [e.type, e.actor.id])).toEqual([
    ['created', alice.id],
    ['claimed', clerk.id],
    ['resolved', clerk.id],
    ['confirmed', alice.id],
  ]);
});

test("a complaint about a staff member goes to the service centre and that member's head, never to the member's group", async () => {
  await boot();
  const ref = await fileComplaint(
    h,
    bob,
    { subject: 'staff', staffDepartment: 'engineering', when: 'last night around 9', where: 'none', what: 'The plumber shouted at my kid', wants: 'An apology' },
    { name: 'Bob Smith', phone: '13900001111', address: 'Building 5, Unit 1, Room 302' },
  );
  // Bob speaks English: his questions and labels were English, and so is the summary that was confirmed.
  const summary = h.fake.textsTo(bob.id).find((t) => t.includes('Please check your complaint'))!;
  expect(summary).toContain("About: a staff member's attitude");
  expect(summary).toContain("Staff member's department: Engineering & Repairs");
  expect(summary).toContain('Where: no particular place');
  expect(h.fake.lastTextTo(bob.id)).toContain(ref);

  const inService = complaintCard(h, SERVICE_CHAT, ref);
  expect(inService.text).toContain('涉及员工所在部门：工程维修部');
  // The record is in the office's language where a button was used, as typed otherwise.
  expect(inService.text).toContain('时间地点：last night around 9 · 不涉及具体地点');
  const toHead = complaintCard(h, head.id, ref);
  expect(toHead.text).toBe(inService.text);
  expect(h.fake.callsTo(STAFF_CHAT)).toEqual([]);
  expect(await h.services.tickets.cards(ref)).toHaveLength(2);
  expect((await h.services.tickets.get(ref))!.complaint).toMatchObject({ subject: 'staff', staffDepartment: 'engineering' });
});

test('when the office turns telling the staff member\'s heads off, only the service centre gets it', async () => {
  await boot({ complaints: { tellStaffDepartmentHeads: false } });
  const ref = await fileComplaint(
    h,
    alice,
    { subject: 'staff', staffDepartment: 'engineering', when: 'today', where: '地库', what: '维修工骂人', wants: '道歉' },
    ALICE_PROFILE,
  );
  expect(complaintCard(h, SERVICE_CHAT, ref).text).toContain('工程维修部');
  expect(h.fake.callsTo(head.id)).toEqual([]);
  expect(h.fake.callsTo(STAFF_CHAT)).toEqual([]);
});

test('"not sure" of the department, editing a field, and cancelling leaves nothing', async () => {
  await boot();
  await startComplaint(h, alice, ALICE_PROFILE);
  await answerComplaint(h, alice, { subject: 'staff', staffDepartment: 'unsure', when: 'today', where: '3栋大堂', what: '保安不让我进门', wants: '说明原因' });
  let summary = h.fake.lastTextTo(alice.id)!;
  expect(summary).not.toContain('员工所在部门');
  expect(summary).toContain('时间：今天（2026-11-23）');

  await h.press(alice, alice.id, 'sc:edit');
  await h.press(alice, alice.id, 'sc:when');
  await h.say(alice, '上周五晚上');
  summary = h.fake.lastTextTo(alice.id)!;
  expect(summary).toContain('时间：上周五晚上');
  expect(summary).toContain('经过：保安不让我进门'); // the rest is kept

  await h.press(alice, alice.id, 'sc:cancel');
  expect(h.fake.lastTextTo(alice.id)).toContain('已取消');
  expect(await h.database.models.Ticket.countDocuments()).toBe(0);
  expect(await h.database.models.TicketEvent.countDocuments()).toBe(0);
  expect(h.fake.callsTo(SERVICE_CHAT)).toEqual([]);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
});

test('every subject button has a label in both languages', () => {
  const texts = new Texts({
    onMissing: (lang, key) => {
      throw new Error(`missing ${key} in ${lang}`);
    },
  });
  for (const lang of LANGS) {
    const labels = SUBJECT_BUTTONS.map(([, key]) => texts.plain(lang, key));
    expect(new Set(labels).size).toBe(SUBJECT_BUTTONS.length);
  }
});
