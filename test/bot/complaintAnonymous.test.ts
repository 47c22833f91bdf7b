/**
 * Anonymous complaints: no name, phone, room or Telegram identity (user id, username, first
 * name) of the resident reaches anyone but the resident — not the card, not the heads' copies,
 * not the claimant's private chat, not the alerts, not the notes under the card, not a toast.
 * Checked by scanning every call the bot made to any other chat (and every callback answer)
 * after a complaint's whole life: claim, classify, notes, answer, "not solved" with a reason,
 * answer again, confirm — plus a major complaint (the manager's alert) and an invalid one.
 */
import { resolveTicket, type Profile } from '../support/flows';
import { addNote } from '../support/staffFlows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import {
  callsSeenByOthers,
  clerk,
  complaintCard,
  complaintPolicy,
  fileComplaint,
  identityLeaks,
  seatServiceStaff,
  SERVICE_CHAT,
  serviceHead,
  type ComplaintAnswers,
  type Identity,
} from '../support/complaintFlows';

const { alice, head, manager } = people;
const PROFILE: Profile = { name: '林秘密', phone: '139 8765 4321', address: '7栋3单元2604' };
const ALICE: Identity = { name: '林秘密', phoneDigits: '13987654321', room: '2604', telegramId: alice.id, username: alice.username, firstName: alice.first_name };
const RUDE_PLUMBER: ComplaintAnswers = {
  subject: 'staff',
  staffDepartment: 'engineering',
  when: 'yesterday',
  where: '7栋电梯厅',
  what: '维修师傅对我大吼大叫，还说下次不来修了',
  wants: '道歉并换人',
  photos: ['photo-evidence'],
  anonymous: true,
  showUnit: false,
};

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ policy: complaintPolicy() });
  seatServiceStaff(h);
});
afterEach(async () => {
  await h.close();
});

test("an anonymous complaint about a staff member's attitude: nobody but the resident ever sees who made it", async () => {
  const ref = await fileComplaint(h, alice, RUDE_PLUMBER, PROFILE);
  const summary = h.fake.textsTo(alice.id).find((t) => t.includes('请确认您的投诉'))!;
  expect(summary).toContain('匿名：是（员工只看到：7栋）');

  // The card: anonymous, building only (the resident chose not to show the unit).
  const card = complaintCard(h, SERVICE_CHAT, ref);
  expect(card.text).toContain('匿名投诉');
  expect(card.text).toContain('（7栋）');
  expect(card.text).not.toContain('3单元');
  expect(complaintCard(h, head.id, ref).text).toBe(card.text); // the plumber's head gets a copy
  expect(h.fake.callsTo(STAFF_CHAT).filter((c) => c.method !== 'getChatMember')).toEqual([]); // never the plumber's group

  // Claim: the claimant gets no contact, and the contact link refuses too.
  await h.press(clerk, SERVICE_CHAT, `tk:claim:${ref}`);
  expect((await h.services.tickets.get(ref))!.owner).toEqual({ id: clerk.id, name: '小周' });
  await h.send(h.u.command(clerk, `start ct_${ref}`));

  // Classify (valid): both heads are alerted.
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${ref}`);
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${ref}:valid`);
  for (const who of [serviceHead, head]) expect(h.fake.textsTo(who.id).join('\n')).toContain(`有效投诉 ${ref}`);

  // Notes: an internal one with a photo, and one told to the resident.
  await addNote(h, clerk, SERVICE_CHAT, ref, { text: '已调取电梯厅监控核实', photos: ['photo-cctv'], tell: false });
  await addNote(h, clerk, SERVICE_CHAT, ref, { text: '我们已联系工程部主管处理', tell: true });
  expect((await h.services.tickets.history(ref)).filter((e) => e.type === 'note_added')).toHaveLength(2);

  // Answer, "not solved" with a reason (notes under the card), answer again, confirm.
  await resolveTicket(h, clerk, SERVICE_CHAT, ref, '已约谈该师傅并调整岗位');
  await h.press(alice, alice.id, `rs:no:${ref}`);
  await h.say(alice, '希望师傅当面道歉');
  const noteUnderCard = h.fake.textsTo(SERVICE_CHAT).find((t) => t.includes('住户补充'));
  expect(noteUnderCard).toBeDefined();
  await resolveTicket(h, clerk, SERVICE_CHAT, ref, '师傅已上门当面道歉');
  await h.press(alice, alice.id, `rs:ok:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');

  // The record keeps the resident's contact (for My tickets) but never her name in the log.
  const events = await h.services.tickets.history(ref);
  expect(events.filter((e) => e.actor.role === 'resident').every((e) => e.actor.name === '')).toBe(true);

  const seen = callsSeenByOthers(h, alice.id);
  expect(seen.length).toBeGreaterThan(15);
  expect(identityLeaks(seen, ALICE)).toEqual([]);
});

test('anonymous complaints classified major and invalid: the manager and the staff see only the building and unit', async () => {
  const major = await fileComplaint(h, alice, { ...RUDE_PLUMBER, showUnit: true }, PROFILE);
  expect(complaintCard(h, SERVICE_CHAT, major).text).toContain('（7栋3单元）'); // she let staff see the unit
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${major}`);
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${major}:major`);
  expect(h.fake.textsTo(manager.id).join('\n')).toContain(`重大投诉 ${major}`);
  expect(h.fake.textsTo(manager.id).join('\n')).toContain('住户：7栋3单元');

  const invalid = await fileComplaint(h, alice, { ...RUDE_PLUMBER, subject: 'neighbours', staffDepartment: undefined, what: '楼上邻居半夜跳绳' }, PROFILE);
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${invalid}`);
  await h.press(clerk, SERVICE_CHAT, `tk:cls:${invalid}:invalid`);
  const prompt = [...h.fake.messagesIn(clerk.id)].reverse().find((m) => (m.text ?? '').includes('请回复本消息'))!;
  const reply_to_message = { message_id: prompt.message_id, from: h.fake.botInfo, chat: { id: clerk.id, type: 'private', first_name: clerk.first_name }, date: 0, text: prompt.text };
  await h.send(h.u.text(clerk, '邻里噪音请先与邻居沟通，可联系居委会调解', undefined, { reply_to_message }));
  expect((await h.services.tickets.get(invalid))!.complaint!.class).toBe('invalid');

  expect(identityLeaks(callsSeenByOthers(h, alice.id), ALICE)).toEqual([]);
});

test('the scan itself finds an identity where there is one (a named complaint, after a claim)', async () => {
  const ref = await fileComplaint(h, alice, { ...RUDE_PLUMBER, anonymous: false }, PROFILE);
  await h.press(clerk, SERVICE_CHAT, `tk:claim:${ref}`);
  // A named complaint's claimant gets the contact privately: exactly what the scan must catch.
  expect(identityLeaks(h.fake.callsTo(clerk.id), ALICE)).toEqual([expect.stringContaining('林秘密')]);
  expect(identityLeaks(h.fake.callsTo(SERVICE_CHAT), ALICE)).toEqual([]);
});
