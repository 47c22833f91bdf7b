/**
 * Nobody claims it: the ticket is announced again under its card after the wait (an
 * emergency every couple of seconds in this test office — every 2 minutes by default) until
 * someone claims it. Someone claimed it and nothing happens: it goes back to the pool.
 */
import { createLimitJobs } from '../../bot/limits/jobs';
import { residentActor } from '../../src/people/actors';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { cardMessageId } from '../support/staffFlows';
import { cardText } from '../support/flows';
import { ALICE_CONTACT, eventsOf, limitJobs, newEmergency, newRepair, SEC, secondsPolicy, sentTo } from '../limits/support';

const { zhang } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: secondsPolicy() });
});
afterAll(async () => {
  await h.close();
});

const at = (created: Date | string, seconds: number) => h.clock.set(new Date(new Date(created).getTime() + seconds * SEC));
const zhangActor = () => h.services.staff.actorFor({ id: zhang.id, firstName: '张' });

test('an unclaimed ticket is announced again after the wait, up to the configured times, and again after a release', async () => {
  h.clock.set(new Date('2026-11-23T10:00:00+08:00'));
  const { ref, createdAt } = await newRepair(h, '8栋单元门闭门器坏了');
  const card = cardMessageId(h, STAFF_CHAT, ref);
  const first = limitJobs(h);
  const secondJobs = createLimitJobs(h.services);
  const second = () => secondJobs.find((j) => j.name === 'limits:reannounce')!.run();
  const announcements = () => h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === STAFF_CHAT && String(c.params.text).includes('仍无人接单') && String(c.params.text).includes(ref));

  at(createdAt, 9);
  await Promise.all([first('reannounce'), second()]);
  expect(announcements()).toHaveLength(0);

  at(createdAt, 10);
  await Promise.all([first('reannounce'), second()]);
  await Promise.all([first('reannounce'), second()]);
  expect(announcements()).toHaveLength(1);
  const [announcement] = announcements();
  expect(h.fake.lastTextTo(STAFF_CHAT)).toBe(`🔔 工单 ${ref}（公共部位报修 · 检修 · 8栋单元门闭门器坏了）已等待 10秒，仍无人接单，请尽快接单。`);
  expect(announcement.params.reply_parameters.message_id).toBe(card);
  expect(h.fake.buttonsOf(announcement).map((b) => b.data)).toEqual([`tk:claim:${ref}`]);

  for (const second of [19, 20, 25, 30, 40, 50]) {
    at(createdAt, second);
    await first('reannounce');
  }
  expect(announcements()).toHaveLength(3); // at 10, 20 and 30 s; then the head's alerts take over
  expect((await eventsOf(h, ref, 'reannounced')).map((e) => (e.data as Record<string, unknown> | undefined)?.number)).toEqual([1, 2, 3]);

  // Claimed, then given back: the count starts again from the release.
  at(createdAt, 55);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await first('reannounce');
  at(createdAt, 56);
  await h.services.tickets.release(ref, await zhangActor(), '不是我的片区');
  at(createdAt, 65);
  await first('reannounce');
  expect(announcements()).toHaveLength(3);
  at(createdAt, 66);
  await first('reannounce');
  expect(announcements()).toHaveLength(4);
  expect(h.fake.lastTextTo(STAFF_CHAT)).toContain('已等待 10秒，仍无人接单');
});

test('an unclaimed emergency is announced every interval until claimed; after a pause only once', async () => {
  h.clock.set(new Date('2026-11-23T11:00:00+08:00'));
  const { ref, createdAt } = await newEmergency(h);
  const run = limitJobs(h);
  const announcements = () => sentTo(h, STAFF_CHAT, `🚨 ${ref}（紧急求助 · 水浸 / 爆管）已等待`);

  for (const second of [1, 2, 3, 4, 5, 6]) {
    at(createdAt, second);
    await run('reannounce');
  }
  expect(announcements()).toEqual([
    `🚨 ${ref}（紧急求助 · 水浸 / 爆管）已等待 2秒，仍无人接单！请立即接单并赶到现场。`,
    `🚨 ${ref}（紧急求助 · 水浸 / 爆管）已等待 4秒，仍无人接单！请立即接单并赶到现场。`,
    `🚨 ${ref}（紧急求助 · 水浸 / 爆管）已等待 6秒，仍无人接单！请立即接单并赶到现场。`,
  ]);
  // The scheduler was held up for 5 s: one announcement, not one per missed interval.
  at(createdAt, 11);
  await run('reannounce');
  expect(announcements()).toHaveLength(4);
  at(createdAt, 12);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  for (const second of [14, 16, 30]) {
    at(createdAt, second);
    await run('reannounce');
  }
  expect(announcements()).toHaveLength(4);
  expect((await eventsOf(h, ref, 'reannounced')).map((e) => (e.data as Record<string, unknown> | undefined)?.number)).toEqual([1, 2, 3, 5]);
});

test('a claimed ticket with no progress goes back to the pool with a message to the group, once', async () => {
  h.clock.set(new Date('2026-11-23T12:00:00+08:00'));
  const idle = await newRepair(h, '绿化带喷头坏了');
  const working = await newRepair(h, '楼道窗户关不上');
  const waiting = await newRepair(h, '配电箱跳闸');
  const complaint = await h.services.tickets.createComplaint(
    ALICE_CONTACT,
    { subject: 'service', when: '今天', where: '大堂', what: '前台态度不好', wants: '道歉', media: [], anonymous: false, showUnit: true },
    residentActor(ALICE_CONTACT.telegramId, ALICE_CONTACT.name),
  );
  await h.settle();
  const created = idle.createdAt;
  at(created, 1);
  for (const t of [idle, working, waiting, complaint]) await h.press(zhang, STAFF_CHAT, `tk:claim:${t.ref}`); // on site due at +21 s
  await h.press(zhang, STAFF_CHAT, `tk:arr:${working.ref}`);
  at(created, 2);
  await h.services.tickets.reschedule(waiting.ref, await zhangActor(), { reason: '等停电检修', until: new Date(new Date(created).getTime() + 100 * SEC), parts: false });
  const first = limitJobs(h);
  const secondJobs = createLimitJobs(h.services);
  const second = () => secondJobs.find((j) => j.name === 'limits:no-progress')!.run();

  at(created, 50); // 29 s after the on-site time
  await Promise.all([first('no-progress'), second()]);
  expect((await h.services.tickets.get(idle.ref))!.status).toBe('claimed');
  await h.services.tickets.note(idle.ref, await zhangActor(), { text: '已联系园林公司', media: [], toResident: false });
  at(created, 79); // 29 s after the note
  await Promise.all([first('no-progress'), second()]);
  expect((await h.services.tickets.get(idle.ref))!.status).toBe('claimed');

  at(created, 80);
  await Promise.all([first('no-progress'), second()]);
  await first('no-progress');
  const released = (await h.services.tickets.get(idle.ref))!;
  expect(released.status).toBe('open');
  expect(released.owner).toBeUndefined();
  const [event] = await eventsOf(h, idle.ref, 'released');
  expect(event).toMatchObject({ actor: { role: 'system' }, text: '接单后 30秒 没有进展，系统自动退回', data: { automatic: true } });
  const messages = sentTo(h, STAFF_CHAT, `↩️ 工单 ${idle.ref}`);
  expect(messages).toEqual([`↩️ 工单 ${idle.ref}（公共部位报修 · 检修 · 绿化带喷头坏了）由 张 接单后 30秒 没有进展，已自动退回，请重新接单。`]);
  // The card is unclaimed again, with its Claim button.
  expect(cardText(h, STAFF_CHAT, idle.ref)).toContain('待接单');
  expect(h.fake.buttonsOf(h.fake.message(STAFF_CHAT, cardMessageId(h, STAFF_CHAT, idle.ref))!).map((b) => b.data)).toContain(`tk:claim:${idle.ref}`);

  // On site, waiting until a later time, or a complaint (no on-site step): kept by their handler.
  at(created, 129);
  await first('no-progress');
  expect((await h.services.tickets.get(working.ref))!.status).toBe('on_site');
  expect((await h.services.tickets.get(waiting.ref))!.status).toBe('claimed');
  expect((await h.services.tickets.get(complaint.ref))!.status).toBe('claimed');
  at(created, 130); // 30 s after the rescheduled time
  await first('no-progress');
  expect((await h.services.tickets.get(waiting.ref))!.status).toBe('open');
  at(created, 3600);
  await first('no-progress');
  expect((await h.services.tickets.get(working.ref))!.status).toBe('on_site');
  expect((await h.services.tickets.get(complaint.ref))!.status).toBe('claimed');
});
