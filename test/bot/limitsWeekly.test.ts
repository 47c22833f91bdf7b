/**
 * 件件有着落，事事有回音: a ticket still open after a week gets a progress message to the
 * resident — who has it, what happened last, the expected date — every week until it is
 * resolved; in the daytime; in the resident's language; anonymous complainants too.
 */
import { createLimitJobs } from '../../bot/limits/jobs';
import { residentActor } from '../../src/people/actors';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { ALICE_CONTACT, DAY, eventsOf, limitJobs, newRepair, secondsPolicy, sentTo } from '../limits/support';

const { alice, bob, zhang } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: secondsPolicy(), start: new Date('2026-11-23T10:00:00+08:00') });
});
afterAll(async () => {
  await h.close();
});

const local = (text: string) => new Date(`${text}+08:00`);

test('not before a week, then once a week until resolved, from any number of instances', async () => {
  h.clock.set(local('2026-11-23T10:00:00'));
  const { ref } = await newRepair(h, '小区东门路灯不亮');
  h.clock.set(local('2026-11-23T11:00:00'));
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const first = limitJobs(h);
  const otherJobs = createLimitJobs(h.services);
  const second = () => otherJobs.find((j) => j.name === 'limits:weekly-progress')!.run();
  const progress = () => sentTo(h, alice.id, `📋 工单 ${ref}`);

  h.clock.set(local('2026-11-30T09:59:00'));
  await Promise.all([first('weekly-progress'), second()]);
  expect(progress()).toHaveLength(0);

  h.clock.set(local('2026-11-30T10:00:00'));
  await Promise.all([first('weekly-progress'), second()]);
  await Promise.all([first('weekly-progress'), second()]);
  expect(progress()).toEqual([
    [
      `📋 工单 ${ref}（公共部位报修 · 检修 · 小区东门路灯不亮）进度通报`,
      '处理人：张',
      '最近进展：已接单（2026-11-23 11:00）',
      '预计完成：2026-11-23 10:01',
      '每件事我们都会跟进到底。您可以在「我的工单」查看处理记录或催办。',
    ].join('\n'),
  ]);
  const [message] = h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === alice.id && String(c.params.text).includes('进度通报'));
  expect(h.fake.buttonsOf(message).map((b) => b.data)).toEqual([`my:open:${ref}`]);

  h.clock.set(local('2026-12-06T10:00:00'));
  await first('weekly-progress');
  expect(progress()).toHaveLength(1);
  h.clock.set(local('2026-12-07T10:00:00'));
  await first('weekly-progress');
  expect(progress()).toHaveLength(2);
  expect((await eventsOf(h, ref, 'progress_sent')).map((e) => (e.data as Record<string, unknown> | undefined)?.week)).toEqual([1, 2]);

  // Resolved: no more progress messages (the resident confirms or disputes instead).
  const zhangActor = await h.services.staff.actorFor({ id: zhang.id, firstName: '张' });
  expect((await h.services.tickets.resolve(ref, zhangActor, { text: '已更换灯泡', media: [] })).ok).toBe(true);
  h.clock.set(local('2026-12-14T10:00:00'));
  await first('weekly-progress');
  expect(progress()).toHaveLength(2);
});

test('a week that ends at night is told when the front desk opens', async () => {
  h.clock.set(local('2026-11-23T23:00:00'));
  const { ref } = await newRepair(h, '半夜报的：车库积水');
  const run = limitJobs(h);
  h.clock.set(local('2026-11-30T23:00:00'));
  expect(await run('weekly-progress')).toBe('night');
  h.clock.set(local('2026-12-01T07:59:00'));
  expect(await run('weekly-progress')).toBe('night');
  expect(sentTo(h, alice.id, `📋 工单 ${ref}`)).toHaveLength(0);
  h.clock.set(local('2026-12-01T08:00:00'));
  await run('weekly-progress');
  expect(sentTo(h, alice.id, `📋 工单 ${ref}`)).toHaveLength(1);
  expect(h.fake.lastTextTo(alice.id)).toContain('处理人：正在安排处理人员');
});

test('an anonymous complainant hears too, in their own language; staff learn nothing new about them', async () => {
  h.clock.set(local('2026-11-24T10:00:00'));
  const contact = { ...ALICE_CONTACT, telegramId: bob.id, name: 'Bob', language: 'en' };
  const complaint = await h.services.tickets.createComplaint(
    contact,
    { subject: 'environment', when: 'every night', where: 'the courtyard', what: 'Loud music after midnight', wants: 'quiet nights', media: [], anonymous: true, showUnit: false },
    residentActor(bob.id, 'Bob'),
  );
  await h.settle();
  const staffCallsBefore = h.fake.callsTo(STAFF_CHAT).length;
  h.clock.set(new Date(local('2026-11-24T10:00:00').getTime() + 7 * DAY));
  await limitJobs(h)('weekly-progress');
  expect(h.fake.lastTextTo(bob.id)).toBe(
    [
      `📋 Progress of ticket ${complaint.ref} (Complaint · environment · Loud music after mi…)`,
      'Handler: a handler is being arranged',
      'Latest: submitted (2026-11-24 10:00)',
      'Expected by: 2026-11-24 10:01',
      'We follow every case to the end. In "My tickets" you can see the history or send a reminder.',
    ].join('\n'),
  );
  expect(h.fake.callsTo(STAFF_CHAT).length).toBe(staffCallsBefore);
  expect(await eventsOf(h, complaint.ref, 'progress_sent')).toHaveLength(1);
});
