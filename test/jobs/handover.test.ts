/**
 * 交接班: at the start of the day shift, the tickets received overnight and still unclaimed
 * are listed once in the front desk's group — even when two bot instances tick at once.
 */
import { handoverDelivery } from '../../bot/handover';
import { HandoverJob } from '../../src/jobs/handover';
import { residentActor } from '../../src/people/actors';
import type { TicketState } from '../../src/tickets/types';
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';

const FRONT_DESK = -1003000000003;
let h: Harness;

const shanghai = (local: string) => new Date(`${local}+08:00`);
const resident = { telegramId: people.alice.id, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };

beforeAll(async () => {
  const policy = testPolicy();
  policy.departments = policy.departments.map((d) => (d.id === 'service' ? { ...d, chat: { chatId: FRONT_DESK } } : d));
  h = await createHarness({ policy, start: shanghai('2026-11-23T19:00:00') });
});
afterAll(async () => {
  await h.close();
});

async function reportAt(local: string, description: string): Promise<TicketState> {
  h.clock.set(shanghai(local));
  return h.services.tickets.createRepair(
    resident,
    { repairKind: 'public', category: 'cleaning', location: '3栋大堂', atHome: false, description, media: [], visit: { asap: true } },
    residentActor(resident.telegramId, resident.name),
  );
}

function job(): HandoverJob {
  return new HandoverJob({
    models: h.database.models,
    clock: h.clock,
    policy: h.policy,
    tickets: h.services.tickets,
    deliver: handoverDelivery(h.bot.api, h.services),
    graceMs: h.policy.scheduler.handoverGrace,
  });
}

test('the overnight unclaimed tickets are listed once at 08:00, in the front desk group', async () => {
  const daytime = await reportAt('2026-11-23T19:00:00', '白天报的');
  const claimedAtNight = await reportAt('2026-11-23T22:30:00', '夜里报的，已接单');
  const unclaimed1 = await reportAt('2026-11-23T23:10:00', '夜里报的一');
  const unclaimed2 = await reportAt('2026-11-24T06:45:00', '夜里报的二');
  h.fake.setChatMember(STAFF_CHAT, people.zhang.id, 'member');
  const zhang = await h.services.staff.actorFor({ id: people.zhang.id, firstName: '张' });
  expect((await h.services.tickets.claim(claimedAtNight.ref, zhang)).ok).toBe(true);

  h.clock.set(shanghai('2026-11-24T07:59:00'));
  expect(await job().runIfDue()).toBe('not_due');

  h.clock.set(shanghai('2026-11-24T08:00:30'));
  const [first, second] = await Promise.all([job().runIfDue(), job().runIfDue()]);
  expect([first, second].sort()).toEqual(['already_done', 'handed_over']);
  expect(await job().runIfDue()).toBe('already_done');

  const lists = h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === FRONT_DESK);
  expect(lists).toHaveLength(1);
  const text = h.fake.textsTo(FRONT_DESK)[0];
  expect(text).toContain('交接班');
  expect(text).toContain('2 张');
  expect(text).toContain(unclaimed1.ref);
  expect(text).toContain(unclaimed2.ref);
  expect(text).not.toContain(claimedAtNight.ref);
  expect(text).not.toContain(daytime.ref);
  expect(text).not.toContain('1201'); // never the room
});

test('a restart after the grace period does not hand over late; the next morning does again', async () => {
  h.clock.set(shanghai('2026-11-24T09:00:00'));
  expect(await job().runIfDue()).toBe('not_due');
  h.clock.set(shanghai('2026-11-25T08:10:00'));
  expect(await job().runIfDue()).toBe('handed_over');
  expect(h.fake.lastTextTo(FRONT_DESK)).toContain('夜间没有未接单的工单');
});
