/**
 * /late: a staff group sees its departments' overdue tickets with how late each is, latest
 * first; the manager sees every department's in the private chat; a group never sees
 * another group's tickets; anyone else is refused.
 */
import { residentActor } from '../../src/people/actors';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { CLEANING_CHAT, OFFICE_CHAT, seatCleaner, twoGroupPolicy, wu } from '../support/staffFlows';
import type { TgUser } from '../support/updates';
import { ALICE_CONTACT, newRepair, secondsPolicy } from '../limits/support';

const { zhang, li, head, manager, mallory } = people;
let h: Harness;
const refs: Record<'gate' | 'light' | 'onTime' | 'lawn', string> = { gate: '', light: '', onTime: '', lawn: '' };

const local = (text: string) => new Date(`${text}+08:00`);

beforeAll(async () => {
  const policy = secondsPolicy();
  policy.departments = twoGroupPolicy().departments;
  h = await createHarness({ policy, start: local('2026-11-23T10:00:00') });
  seatCleaner(h);
  refs.gate = (await newRepair(h, '东门道闸不抬杆')).ref; // never claimed: 10 s response limit
  refs.light = (await newRepair(h, '5栋走廊灯闪')).ref; // claimed, nobody on site: 20 s after the claim
  const lawn = await h.services.tickets.createRepair(
    ALICE_CONTACT,
    { repairKind: 'public', category: 'cleaning', location: '中心花园', atHome: false, description: '草坪上有碎玻璃', media: [], visit: { asap: true } },
    residentActor(ALICE_CONTACT.telegramId, ALICE_CONTACT.name),
  );
  await h.settle();
  refs.lawn = lawn.ref;
  h.clock.set(local('2026-11-23T10:00:01'));
  await h.press(zhang, STAFF_CHAT, `tk:claim:${refs.light}`);
  await h.press(wu, CLEANING_CHAT, `tk:claim:${refs.lawn}`);
  await h.press(wu, CLEANING_CHAT, `tk:arr:${refs.lawn}`); // on site: only its 100 s resolution limit runs
  h.clock.set(local('2026-11-23T10:02:00'));
  refs.onTime = (await newRepair(h, '信报箱锁坏了')).ref;
  await h.press(li, STAFF_CHAT, `tk:claim:${refs.onTime}`);
  await h.press(li, STAFF_CHAT, `tk:arr:${refs.onTime}`);
  h.clock.set(local('2026-11-23T10:02:30'));
});
afterAll(async () => {
  await h.close();
});

async function late(who: TgUser, chatId: number = who.id): Promise<string> {
  const before = h.fake.textsTo(chatId).length;
  await h.send(h.u.text(who, '/late', { id: chatId }));
  const replies = h.fake.textsTo(chatId).slice(before);
  expect(replies).toHaveLength(1);
  return replies[0];
}

test("/late in a department's group lists its overdue tickets, the latest first, with how late each is", async () => {
  expect((await late(li, STAFF_CHAT)).split('\n')).toEqual([
    '⏰ 工程维修部超时的工单（2 张，超时最久的在前）：',
    `🟡 ${refs.gate} 公共部位报修 · 检修 · 东门道闸不抬杆 · 待接单 · 接单响应时限 2026-11-23 10:00 · 超时 2分钟20秒`,
    `🔵 ${refs.light} 公共部位报修 · 检修 · 5栋走廊灯闪 · 张 · 上门时限 2026-11-23 10:00 · 超时 2分钟9秒`,
  ]);
  expect((await late(wu, CLEANING_CHAT)).split('\n')).toEqual([
    '⏰ 保洁绿化部超时的工单（1 张，超时最久的在前）：',
    `🟣 ${refs.lawn} 公共部位报修 · 保洁 · 草坪上有碎玻璃 · 吴 · 完成时限 2026-11-23 10:01 · 超时 50秒`,
  ]);
});

test('the manager sees every department in the private chat; in a group, that group’s list like everyone there', async () => {
  const all = await late(manager);
  expect(all.split('\n')[0]).toBe('⏰ 全部超时的工单（3 张，超时最久的在前）：');
  expect(all.split('\n').slice(1).map((line) => line.split(' ')[1])).toEqual([refs.gate, refs.light, refs.lawn]);
  expect(all).not.toContain(refs.onTime);
  // Security and the service centre share the office group: nothing late there.
  expect(await late(manager, OFFICE_CHAT)).toBe('✅ 安全保卫部、客户服务中心目前没有超时的工单。');
  // A head privately: the departments they head.
  const mine = await late(head);
  expect(mine).toContain(refs.gate);
  expect(mine).not.toContain(refs.lawn);
});

test('not staff: refused; nothing late: said so', async () => {
  expect(await late(mallory)).toBe("Sorry, only the office's staff can do this."); // in their own language, privately
  const wuActor = await h.services.staff.actorFor({ id: wu.id, firstName: '吴' });
  expect((await h.services.tickets.resolve(refs.lawn, wuActor, { text: '已清理', media: [] })).ok).toBe(true);
  await h.settle();
  expect(await late(wu, CLEANING_CHAT)).toBe('✅ 保洁绿化部目前没有超时的工单。');
  // Claimed and on site since: the gate is late on its resolution limit now, not its response.
  const zhangActor = await h.services.staff.actorFor({ id: zhang.id, firstName: '张' });
  await h.services.tickets.claim(refs.gate, zhangActor);
  await h.services.tickets.arrive(refs.gate, zhangActor);
  await h.settle();
  expect(await late(li, STAFF_CHAT)).toContain(`🟣 ${refs.gate} 公共部位报修 · 检修 · 东门道闸不抬杆 · 张 · 完成时限 2026-11-23 10:01 · 超时 50秒`);
});
