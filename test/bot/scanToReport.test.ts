/**
 * Scan to report (扫码报修): the QR code on building 3's lift is the deep link
 * `?start=b3-lift`; scanning it opens a repair already placed there and categorised (no kind,
 * category or place questions), and when that lift has an open ticket, "Already reported … Me
 * too" comes first — also for a resident of another building, since the place decides. A code
 * without a category asks only what; an unknown or stale code is the ordinary welcome.
 */
import type { Place } from '../../src/places/config';
import { fileRepair } from '../support/flows';
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { carol, CAROL, dave, DAVE } from '../support/followerFlows';
import { answerRegistration } from '../support/flows';
import type { TgUser } from '../support/updates';

const { alice, zhang } = people;
const PLACES: Place[] = [
  { code: 'b3-lift', name: { 'zh-CN': '3栋2单元电梯', en: 'Building 3 Unit 2 lift' }, building: '3', unit: '2', category: { kind: 'equipment', id: 'lift' } },
  { code: 'b3-lobby', name: { 'zh-CN': '3栋大堂', en: 'Building 3 lobby' }, building: '3' },
];
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: { ...testPolicy(), places: PLACES } });
});
afterEach(async () => {
  await h.close();
});

const scan = (who: TgUser, code: string) => h.send(h.u.command(who, `start ${code}`));

test('a scan of building 3\'s lift code opens a placed, categorised repair, and the next scan is offered that ticket', async () => {
  await scan(dave, 'b3-lift');
  await answerRegistration(h, dave, DAVE);
  const asked = h.fake.textsTo(dave.id).slice(-2);
  expect(asked[0]).toContain('扫码报修：3栋2单元电梯');
  // Placed and categorised: the next question is what happened.
  expect(asked[1]).toBe(h.services.texts.plain('zh-CN', 'repair-ask-description'));
  await h.say(dave, '电梯门夹人');
  await h.press(dave, dave.id, 'sc:done');
  await h.press(dave, dave.id, 'sc:confirm');
  const ref = /BX-\d{8}-\d{3}/.exec(h.fake.lastTextTo(dave.id)!)![0];
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.report).toMatchObject({ repairKind: 'equipment', category: 'lift', location: '3栋2单元电梯', atHome: false, place: { code: 'b3-lift', building: '3', unit: '2' } });
  expect(ticket.resident.building).toBe('5');

  // Carol scans the same code: the open lift ticket comes first, and she follows it.
  await scan(carol, 'b3-lift');
  await answerRegistration(h, carol, CAROL);
  const offer = h.fake.lastTextTo(carol.id)!;
  expect(offer).toContain('已有人报修');
  expect(offer).toContain(ref);
  await h.press(carol, carol.id, '🙋 我也遇到');
  expect((await h.services.tickets.get(ref))!.followers?.map((f) => f.telegramId)).toEqual([carol.id]);
  const followed = (await h.services.tickets.history(ref)).find((e) => e.type === 'followed');
  expect(followed?.data).toMatchObject({ via: 'scan' });

  // A resident of building 3 reporting the lift by the menu is offered it too (the place's building counts).
  await h.send(h.u.command(alice, 'repair'));
  await answerRegistration(h, alice, { name: '爱丽丝', phone: '138 1234 5678', address: '3栋2单元1201' });
  await h.press(alice, alice.id, 'sc:equipment');
  await h.press(alice, alice.id, 'sc:lift');
  expect(h.fake.lastTextTo(alice.id)).toContain(ref);

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect(h.fake.lastTextTo(carol.id)).toContain(`您关注的工单 ${ref}`);
});

test('a code without a category asks only what kind of problem; where is the place', async () => {
  const ref0 = await fileRepair(h, alice, { kind: 'public', category: 'cleaning', location: '5栋门口', description: '垃圾没清' });
  expect(ref0).toBeTruthy();
  await scan(alice, 'b3-lobby');
  expect(h.fake.textsTo(alice.id).slice(-2)[0]).toContain('扫码报修：3栋大堂');
  await h.press(alice, alice.id, 'sc:public');
  await h.press(alice, alice.id, 'sc:install');
  expect(h.fake.lastTextTo(alice.id)).toBe(h.services.texts.plain('zh-CN', 'repair-ask-description'));
  await h.say(alice, '大堂灯不亮');
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = /BX-\d{8}-\d{3}/.exec(h.fake.lastTextTo(alice.id)!)![0];
  expect((await h.services.tickets.get(ref))!.report).toMatchObject({ category: 'install', location: '3栋大堂', place: { code: 'b3-lobby' } });
});

test('an unknown or stale code is the ordinary welcome, with nothing being filled in', async () => {
  await scan(alice, 'b9-pool');
  expect(h.fake.lastTextTo(alice.id)).toContain('您好，Alice！这里是物业管理处的线上服务台');
  expect(h.fake.textsTo(alice.id)).toHaveLength(1);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
});
