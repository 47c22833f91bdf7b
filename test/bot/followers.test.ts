/**
 * "Already reported … Me too": two residents of building 3 report the lift within minutes;
 * the second is offered the first's ticket, follows it, hears of the claim and the
 * resolution in a follower's words, and the card counts two households (urgent at the
 * configured count). A resident of building 5 is not offered it; an estate-wide category is
 * offered across buildings. No one's personal details reach anyone else's chat.
 */
import { fileRepair, cardText, resolveTicket, ALICE_PROFILE } from '../support/flows';
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { carol, CAROL, dave, DAVE, erin, ERIN, everythingTo, finishPublicReport, reportUpToCategory } from '../support/followerFlows';

const { alice, zhang } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: { ...testPolicy(), followers: { urgentAt: 2 } } });
});
afterEach(async () => {
  await h.close();
});

async function aliceReportsLift(): Promise<string> {
  return fileRepair(h, alice, { kind: 'equipment', category: 'lift', location: '3栋2单元电梯', description: '电梯停在8楼不动了' });
}

test('the second resident of building 3 follows the first report of the lift and hears of its claim and resolution', async () => {
  const ref = await aliceReportsLift();
  expect(cardText(h, STAFF_CHAT, ref)).not.toContain('受影响住户');

  h.clock.advance(3 * 60_000);
  await reportUpToCategory(h, carol, CAROL, 'equipment', 'lift');
  const offer = h.fake.lastTextTo(carol.id)!;
  expect(offer).toContain('已有人报修');
  expect(offer).toContain(ref);
  expect(offer).toContain('待接单');
  await h.press(carol, carol.id, `sc:${ref}`);
  expect(h.fake.lastTextTo(carol.id)).toContain(`已为您关注工单 ${ref}`);

  // One ticket, two households: the card counts them and the configured count made it urgent.
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.followers?.map((f) => f.telegramId)).toEqual([carol.id]);
  expect(ticket.priority).toBe('urgent');
  expect(await h.services.tickets.listForResident(carol.id)).toEqual([]);
  const card = cardText(h, STAFF_CHAT, ref);
  expect(card).toContain('受影响住户：2 户');
  expect(card).toContain('优先级：紧急');
  expect(card).not.toContain(CAROL.name);
  const followed = (await h.services.tickets.history(ref)).filter((e) => e.type === 'followed');
  expect(followed).toHaveLength(1);
  expect(followed[0].actor).toMatchObject({ id: carol.id, role: 'resident' });
  expect(h.fake.textsTo(STAFF_CHAT).some((t) => t.includes(`${ref} 已有 2 户住户受影响`))).toBe(true);

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect(h.fake.lastTextTo(carol.id)).toBe(`🔔 您关注的工单 ${ref}（设备报修 · 电梯）：已由 张 接单处理。`);
  // The claimant gets both households' contacts privately; the group never does.
  const contact = h.fake.lastTextTo(zhang.id)!;
  expect(contact).toContain('卡萝');
  expect(contact).toContain('+8613922223333');
  expect(everythingTo(h, STAFF_CHAT)).not.toContain('卡萝');

  await resolveTicket(h, zhang, STAFF_CHAT, ref, '更换了电梯控制板');
  const resolved = h.fake.lastTextTo(carol.id)!;
  expect(resolved).toContain(`您关注的工单 ${ref}`);
  expect(resolved).toContain('处理结果：更换了电梯控制板');
  // Only the reporter confirms.
  expect(h.fake.buttonsOf(h.fake.messagesIn(carol.id).at(-1)!)).toEqual([]);
  await h.press(alice, alice.id, `rs:ok:${ref}`);
  expect(h.fake.lastTextTo(carol.id)).toContain('已关闭');

  // Nobody's details in anyone else's chat (from the offer on: registration's example address happens to be Alice's).
  const carolTexts = h.fake.textsTo(carol.id);
  const carolSaw = carolTexts.slice(carolTexts.findIndex((t) => t.includes('已有人报修'))).join('\n');
  for (const secret of [ALICE_PROFILE.name, '1201', '13812345678', '电梯停在8楼不动了', '3栋2单元电梯']) expect(carolSaw).not.toContain(secret);
  const aliceSaw = everythingTo(h, alice.id);
  for (const secret of [CAROL.name, '502', '13922223333']) expect(aliceSaw).not.toContain(secret);
});

test('a resident of building 5 is not offered building 3\'s lift; one who says "something else" files a new ticket', async () => {
  const ref = await aliceReportsLift();
  await reportUpToCategory(h, dave, DAVE, 'equipment', 'lift');
  expect(everythingTo(h, dave.id)).not.toContain('已有人报修');
  const daves = await finishPublicReport(h, dave, '5栋电梯', '按钮失灵');
  expect(daves).not.toBe(ref);

  await reportUpToCategory(h, carol, CAROL, 'equipment', 'lift');
  expect(h.fake.lastTextTo(carol.id)).toContain(ref);
  expect(h.fake.lastTextTo(carol.id)).not.toContain(daves);
  await h.press(carol, carol.id, 'sc:_other');
  const carols = await finishPublicReport(h, carol, '3栋1单元电梯', '门关不上');
  expect(carols).not.toBe(ref);
  expect((await h.services.tickets.get(ref))!.followers ?? []).toEqual([]);
});

test('an estate-wide category (the water supply) is offered across buildings, in the resident\'s language', async () => {
  const ref = await fileRepair(h, alice, { kind: 'equipment', category: 'water', location: '3栋', description: '停水了' });
  await reportUpToCategory(h, erin, ERIN, 'equipment', 'water');
  const offer = h.fake.lastTextTo(erin.id)!;
  expect(offer).toContain('Already reported');
  expect(offer).toContain(ref);
  await h.press(erin, erin.id, '🙋 Me too');
  expect(h.fake.lastTextTo(erin.id)).toContain(`You now follow ticket ${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect(h.fake.lastTextTo(erin.id)).toBe(`🔔 Ticket ${ref} you follow (Equipment · Water supply): 张 has taken it.`);
});

test('repairs open before "Already reported" existed are offered after the catch-up at start, which runs once', async () => {
  const ref = await aliceReportsLift();
  // As in a database from before: the lookup has never heard of the ticket.
  await h.database.conn.collection('open_places').deleteMany({});
  const query = { kind: 'equipment', category: 'lift', building: '3', residentId: carol.id };
  expect(await h.services.followers.openFor(query)).toEqual([]);
  expect(await h.services.followers.catchUp(h.database.models, h.clock.now())).toBe(1);
  expect((await h.services.followers.openFor(query)).map((t) => t.ref)).toEqual([ref]);
  expect(await h.services.followers.catchUp(h.database.models, h.clock.now())).toBeNull();
});

test('a household that joins a claimed ticket reaches its owner privately with the contacts, never the group', async () => {
  const ref = await aliceReportsLift();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await reportUpToCategory(h, carol, CAROL, 'equipment', 'lift');
  expect(h.fake.lastTextTo(carol.id)).toContain('已接单');
  await h.press(carol, carol.id, `sc:${ref}`);
  const contacts = h.fake.lastTextTo(zhang.id)!;
  expect(contacts).toContain(ALICE_PROFILE.name);
  expect(contacts).toContain('卡萝 · +8613922223333 · 3栋1单元502');
  expect(everythingTo(h, STAFF_CHAT)).not.toContain('卡萝');
});
