/**
 * A rescheduled ticket's on-site limit moves with the new time; going past the resolution
 * limit needs a head's approval — a button on the head's alert — after which the limit's
 * reminders and alerts start over for the new due time. Nobody else can approve.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { callbackAnswers } from '../support/flows';
import { pressData } from '../support/staffFlows';
import { eventsOf, limitJobs, newRepair, SEC, secondsPolicy, sentTo } from '../limits/support';

const { zhang, head, manager, mallory } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: secondsPolicy() });
  await h.send(h.u.text(head, '收到', { id: STAFF_CHAT }));
});
afterAll(async () => {
  await h.close();
});

const zhangActor = () => h.services.staff.actorFor({ id: zhang.id, firstName: '张' });
const at = (created: Date | string, seconds: number) => h.clock.set(new Date(new Date(created).getTime() + seconds * SEC));

test("a rescheduled visit moves the on-site limit: nothing at the old time, the reminder and the head's alert at the new one", async () => {
  h.clock.set(new Date('2026-11-23T10:00:00+08:00'));
  const ticket = await newRepair(h, '地库照明坏了');
  const { ref, createdAt } = ticket;
  const run = limitJobs(h);
  at(createdAt, 1);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`); // on site due at +21 s
  at(createdAt, 5);
  const moved = await h.services.tickets.reschedule(ref, await zhangActor(), { reason: '住户下午才在家', until: new Date(new Date(createdAt).getTime() + 60 * SEC), parts: false });
  expect(moved.ok).toBe(true);

  for (const second of [17, 21, 30, 50]) {
    at(createdAt, second);
    await run('alerts');
  }
  expect(sentTo(h, STAFF_CHAT, `${ref}（公共部位报修 · 检修 · 地库照明坏了）已超过上门时限`)).toHaveLength(0);
  expect(sentTo(h, zhang.id, '上门时限')).toHaveLength(0);

  // The normal 20 s allowance before the new time: reminded at 80 % of it, alerted when it passes.
  at(createdAt, 56);
  await run('alerts');
  expect(sentTo(h, zhang.id, `⏰ 提醒：工单 ${ref}（公共部位报修 · 检修 · 地库照明坏了）的上门时限是 2026-11-23 10:01，还剩 4秒。`)).toHaveLength(1);
  at(createdAt, 60);
  await run('alerts');
  expect(sentTo(h, STAFF_CHAT, `${ref}（公共部位报修 · 检修 · 地库照明坏了）已超过上门时限（2026-11-23 10:01）`)).toHaveLength(1);
  expect((await eventsOf(h, ref, 'escalated')).map((e) => [(e.data as Record<string, unknown> | undefined)?.limit, new Date((e.data as Record<string, unknown> | undefined)?.due as Date).getTime()])).toEqual([['onSite', new Date(createdAt).getTime() + 60 * SEC]]);
});

test('past the resolution limit: only a head (or the manager) approves more time, and the levels start over', async () => {
  h.clock.set(new Date('2026-11-23T10:10:00+08:00'));
  const ticket = await newRepair(h, '水泵异响');
  const { ref, createdAt } = ticket;
  const run = limitJobs(h);
  at(createdAt, 1);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  at(createdAt, 3);
  // Waiting for parts beyond the 100 s resolution limit: the limit itself does not move.
  await h.services.tickets.reschedule(ref, await zhangActor(), { reason: '水泵配件已订货', until: new Date(new Date(createdAt).getTime() + 150 * SEC), parts: true });
  expect((await h.services.tickets.get(ref))!.resolutionDueAt).toEqual(ticket.resolutionDueAt);

  at(createdAt, 80);
  await run('alerts');
  expect(h.fake.lastTextTo(zhang.id)).toContain('⏳ 已改期至 2026-11-23 10:12（水泵配件已订货），晚于完成时限，需要主管批准延期。');

  at(createdAt, 100);
  await run('alerts');
  const alert = h.messageWithButton(STAFF_CHAT, `lim:ext:${ref}`);
  expect(alert.text).toContain(`${ref}（公共部位报修 · 检修 · 水泵异响）已超过完成时限`);
  expect(alert.text).toContain('需要主管批准延期');
  expect(h.fake.buttonsOf(h.messageWithButton(head.id, `lim:ext:${ref}`)).map((b) => b.text)).toEqual(['✅ 批准延期']);

  // The handler, a stranger, a forged choice: refused, nothing changes.
  const before = callbackAnswers(h).length;
  await h.press(zhang, STAFF_CHAT, `lim:ext:${ref}`);
  expect(callbackAnswers(h).slice(before)).toEqual([`抱歉，只有本部门主管或管理处主任可以批准工单 ${ref} 延期。`]);
  expect(await pressData(h, zhang, STAFF_CHAT, `lim:ext:${ref}:100000`, alert.message_id)).toBe(`抱歉，只有本部门主管或管理处主任可以批准工单 ${ref} 延期。`);
  expect(await pressData(h, mallory, STAFF_CHAT, `lim:ext:${ref}:100000`, alert.message_id)).toBe('抱歉，只有物业员工可以进行此操作。');
  expect(await pressData(h, head, head.id, `lim:ext:${ref}:12345`)).toBe('这个选项已失效，请重新点“批准延期”。');
  expect(h.fake.buttonsOf(h.fake.message(STAFF_CHAT, alert.message_id)!).map((b) => b.data)).toEqual([`lim:ext:${ref}`]);
  expect(await eventsOf(h, ref, 'deadline_extended')).toHaveLength(0);
  expect((await h.services.tickets.get(ref))!.resolutionDueAt).toEqual(ticket.resolutionDueAt);

  // The head, privately: Approve → how long → +100 s from the (just passed) limit.
  await h.press(head, head.id, `lim:ext:${ref}`);
  expect(h.fake.buttonsOf(h.messageWithButton(head.id, `lim:ext:${ref}:100000`)).map((b) => b.text)).toEqual(['+50秒', '+1分钟40秒', '↩️ 返回']);
  await h.press(head, head.id, '+1分钟40秒');
  const extended = (await h.services.tickets.get(ref))!;
  const newDue = new Date(new Date(createdAt).getTime() + 200 * SEC);
  expect(new Date(extended.resolutionDueAt)).toEqual(newDue);
  const [approval] = await eventsOf(h, ref, 'deadline_extended');
  expect(approval.actor).toMatchObject({ id: head.id, role: 'head' });
  expect(approval.text).toBe('主管批准延期 1分钟40秒：水泵配件已订货');
  expect(callbackAnswers(h).at(-1)).toBe(`已批准 ${ref} 延期至 2026-11-23 10:13。`);
  expect(h.fake.lastTextTo(STAFF_CHAT)).toBe(`✅ 王主管 批准工单 ${ref} 延期，新的完成时限：2026-11-23 10:13。`);
  expect(h.fake.messagesIn(STAFF_CHAT).find((m) => m.text?.includes('📝') && m.text.includes(ref))!.text).toContain('完成时限：2026-11-23 10:13');

  // The new limit's levels: reminder at 80 % of 200 s, the head at 200 s, the manager at 400 s.
  const reminders = () => sentTo(h, zhang.id, `⏰ 提醒：工单 ${ref}`).length;
  const headAlerts = () => sentTo(h, STAFF_CHAT, `${ref}（公共部位报修 · 检修 · 水泵异响）已超过完成时限`).length;
  at(createdAt, 159);
  await run('alerts');
  expect([reminders(), headAlerts()]).toEqual([1, 1]);
  at(createdAt, 160);
  await run('alerts');
  await run('alerts');
  expect([reminders(), headAlerts()]).toEqual([2, 1]);
  at(createdAt, 200);
  await run('alerts');
  await run('alerts');
  expect([reminders(), headAlerts()]).toEqual([2, 2]);
  expect(sentTo(h, STAFF_CHAT, '已超过完成时限（2026-11-23 10:13）')).toHaveLength(1);
  expect(sentTo(h, manager.id, ref)).toHaveLength(0);
  at(createdAt, 400);
  await run('alerts');
  expect(sentTo(h, manager.id, `${ref}（公共部位报修 · 检修 · 水泵异响，工程维修部）已超过完成时限（2026-11-23 10:13）`)).toHaveLength(1);
});

test('the manager may approve too, from the alert in the group', async () => {
  h.clock.set(new Date('2026-11-23T10:20:00+08:00'));
  const ticket = await newRepair(h, '消防栓漏水');
  const { ref, createdAt } = ticket;
  at(createdAt, 100);
  await limitJobs(h)('alerts');
  const alert = h.messageWithButton(STAFF_CHAT, `lim:ext:${ref}`);
  await h.press(manager, STAFF_CHAT, `lim:ext:${ref}`);
  // The choices replace the button on that message only; "Back" brings it back.
  expect(h.fake.buttonsOf(h.fake.message(STAFF_CHAT, alert.message_id)!).map((b) => b.data)).toEqual([`lim:ext:${ref}:50000`, `lim:ext:${ref}:100000`, `lim:back:${ref}`]);
  await h.press(manager, STAFF_CHAT, `lim:back:${ref}`);
  expect(h.fake.buttonsOf(h.fake.message(STAFF_CHAT, alert.message_id)!).map((b) => b.data)).toEqual([`lim:ext:${ref}`]);
  await h.press(manager, STAFF_CHAT, `lim:ext:${ref}`);
  await h.press(manager, STAFF_CHAT, `lim:ext:${ref}:50000`);
  expect(new Date((await h.services.tickets.get(ref))!.resolutionDueAt)).toEqual(new Date(new Date(createdAt).getTime() + 150 * SEC));
  expect(h.fake.buttonsOf(h.fake.message(STAFF_CHAT, alert.message_id)!)).toEqual([]);
  expect((await eventsOf(h, ref, 'deadline_extended'))[0].actor).toMatchObject({ id: manager.id, role: 'manager' });
});
