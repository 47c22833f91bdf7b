/**
 * Time limits, escalated: before a limit passes the owner is reminded, when it passes the
 * department head is alerted (under the card, by name, and privately), when it is late by
 * the limit again the manager — each once, however many ticks and however many instances.
 */
import { createLimitJobs } from '../../bot/limits/jobs';
import { limitRecords } from '../../bot/limits/notices';
import { LimitAlertJob } from '../../src/limits/jobs';
import { timeLimitsPolicy } from '../../src/limits/settings';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { cardMessageId } from '../support/staffFlows';
import { eventsOf, limitJobs, newRepair, SEC, secondsPolicy, sentTo } from '../limits/support';

const { zhang, head, manager } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: secondsPolicy() });
  // The head has spoken in the group: the bot knows the name to mention.
  await h.send(h.u.text(head, '收到', { id: STAFF_CHAT }));
});
afterAll(async () => {
  await h.close();
});

/** The sendMessage calls to a chat whose text contains `fragment`. */
function sends(chatId: number, fragment: string) {
  return h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === chatId && String(c.params.text).includes(fragment));
}

test('reminder to the owner, then the head, then the manager: each once, with two instances ticking', async () => {
  const ticket = await newRepair(h, '2栋电梯厅灯不亮');
  const { ref } = ticket;
  h.clock.advance(1 * SEC);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`); // on site: only the resolution limit (100 s) still runs
  const first = limitJobs(h);
  // Another bot instance on the same database: its own notifier and jobs.
  const otherJobs = createLimitJobs(h.services);
  const second = () => otherJobs.find((j) => j.name === 'limits:alerts')!.run();
  const tickBoth = async (times = 3) => {
    for (let i = 0; i < times; i++) await Promise.all([first('alerts'), second()]);
  };

  h.clock.set(new Date(new Date(ticket.createdAt).getTime() + 79 * SEC));
  await tickBoth();
  expect(sends(zhang.id, '⏰')).toHaveLength(0);

  // 80 % of the 100 s limit: the owner is reminded privately.
  h.clock.set(new Date(new Date(ticket.createdAt).getTime() + 80 * SEC));
  await tickBoth();
  const reminders = sends(zhang.id, '⏰');
  expect(reminders).toHaveLength(1);
  expect(h.fake.lastTextTo(zhang.id)).toBe(`⏰ 提醒：工单 ${ref}（公共部位报修 · 检修 · 2栋电梯厅灯不亮）的完成时限是 2026-11-23 10:01，还剩 20秒。`);
  expect(sends(STAFF_CHAT, '超时')).toHaveLength(0);

  // Due: the head, in the group under the card (mentioned by name) and privately.
  h.clock.set(new Date(new Date(ticket.createdAt).getTime() + 100 * SEC));
  await tickBoth();
  const inGroup = sends(STAFF_CHAT, '超时');
  expect(inGroup).toHaveLength(1);
  expect(inGroup[0].params.text).toContain(`<a href="tg://user?id=${head.id}">王主管</a>`);
  expect(inGroup[0].params.reply_parameters.message_id).toBe(cardMessageId(h, STAFF_CHAT, ref));
  expect(sends(head.id, ref)).toHaveLength(1);
  expect(h.fake.lastTextTo(head.id)).toContain(`您部门的工单 ${ref}`);
  expect(h.fake.lastTextTo(head.id)).toContain('处理人：张');
  expect(sends(manager.id, ref)).toHaveLength(0);

  // Late by the limit again (100 s more): the manager, privately.
  h.clock.set(new Date(new Date(ticket.createdAt).getTime() + 200 * SEC));
  await tickBoth();
  expect(sends(manager.id, ref)).toHaveLength(1);
  expect(h.fake.lastTextTo(manager.id)).toContain(`工单 ${ref}（公共部位报修 · 检修 · 2栋电梯厅灯不亮，工程维修部）已超过完成时限（2026-11-23 10:01），超时 1分钟40秒`);
  // The manager may approve more time too.
  expect(h.fake.buttonsOf(sends(manager.id, ref)[0]).map((b) => b.data)).toEqual([`lim:ext:${ref}`]);

  // Much later, many more ticks: nothing is sent or recorded again.
  h.clock.advance(3600 * SEC);
  await tickBoth(4);
  expect(sends(zhang.id, '⏰')).toHaveLength(1);
  expect(sends(STAFF_CHAT, '超时')).toHaveLength(1);
  expect(sends(head.id, ref)).toHaveLength(1);
  expect(sends(manager.id, ref)).toHaveLength(1);
  expect((await eventsOf(h, ref, 'reminded')).map((e) => e.data)).toEqual([{ limit: 'resolution', level: 'remind', due: ticket.resolutionDueAt, key: expect.stringMatching(/^lim:/) }]);
  expect((await eventsOf(h, ref, 'escalated')).map((e) => (e.data as Record<string, unknown> | undefined)?.level)).toEqual(['head', 'manager']);
  expect((await eventsOf(h, ref, 'escalated'))[0].text).toBe('已超过完成时限（2026-11-23 10:01），已通知 王主管');
});

test('an unclaimed ticket: the group is reminded before the response limit, the head alerted when it passes; then the on-site limit runs from the claim', async () => {
  const ticket = await newRepair(h, '3栋门禁失灵');
  const { ref } = ticket;
  const run = limitJobs(h);
  const created = new Date(ticket.createdAt).getTime();

  h.clock.set(new Date(created + 8 * SEC)); // 80 % of the 10 s response limit
  await run('alerts');
  await run('alerts');
  expect(sentTo(h, STAFF_CHAT, `工单 ${ref}（公共部位报修 · 检修 · 3栋门禁失灵）还没有人接单`)).toHaveLength(1);

  h.clock.set(new Date(created + 10 * SEC));
  await run('alerts');
  expect(sentTo(h, STAFF_CHAT, `${ref}（公共部位报修 · 检修 · 3栋门禁失灵）已超过接单响应时限`)).toHaveLength(1);
  // No approval button: only the resolution limit can be extended.
  expect(h.fake.buttonsOf(sends(STAFF_CHAT, '已超过接单响应时限').at(-1)!)).toEqual([]);

  h.clock.set(new Date(created + 12 * SEC));
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  h.clock.set(new Date(created + 12 * SEC + 16 * SEC)); // 80 % of the 20 s on-site allowance after the claim
  await run('alerts');
  expect(sentTo(h, zhang.id, `⏰ 提醒：工单 ${ref}（公共部位报修 · 检修 · 3栋门禁失灵）的上门时限是`)).toHaveLength(1);
  h.clock.set(new Date(created + 12 * SEC + 20 * SEC));
  await run('alerts');
  expect(sentTo(h, STAFF_CHAT, `${ref}（公共部位报修 · 检修 · 3栋门禁失灵）已超过上门时限`)).toHaveLength(1);
  expect((await eventsOf(h, ref, 'escalated')).map((e) => (e.data as Record<string, unknown> | undefined)?.limit)).toEqual(['response', 'onSite']);
});

test('a crash before the alert is recorded, or after it but before it is marked done: it is recorded and sent once', async () => {
  h.clock.set(new Date('2026-11-23T11:00:00+08:00'));
  const ticket = await newRepair(h, '6栋水箱溢水');
  const settings = timeLimitsPolicy(h.policy);
  const real = limitRecords(h.services, settings);
  const deps = { models: h.database.models, clock: h.clock, policy: h.policy, settings, tickets: h.services.tickets, log: h.services.log };
  // Killed while wording the record: nothing was recorded or sent.
  const crashing = new LimitAlertJob({ ...deps, records: { ...real, describe: async () => Promise.reject(new Error('process killed')) } });
  h.clock.set(new Date(new Date(ticket.createdAt).getTime() + 10 * SEC));
  await crashing.run();
  await h.settle();
  const alerts = () => sentTo(h, STAFF_CHAT, `${ticket.ref}（公共部位报修 · 检修 · 6栋水箱溢水）已超过接单响应时限`);
  expect(alerts()).toHaveLength(0);
  expect(await eventsOf(h, ticket.ref, 'escalated')).toHaveLength(0);

  // Killed after recording, before marking the key done: the next tick finds the key in the ticket and records nothing more.
  await new LimitAlertJob({ ...deps, records: real }).run();
  await h.settle();
  expect(alerts()).toHaveLength(1);
  const key = `lim:${ticket.ref}:response:head:${new Date(ticket.responseDueAt).getTime()}`;
  await h.database.models.JobRun.deleteOne({ _id: key });
  await new LimitAlertJob({ ...deps, records: real }).run();
  expect(await h.database.models.JobRun.exists({ _id: key })).toBeTruthy();
  await h.settle();
  expect(alerts()).toHaveLength(1);
  expect((await eventsOf(h, ticket.ref, 'escalated')).map((e) => (e.data as Record<string, unknown> | undefined)?.limit)).toEqual(['response']);
});
