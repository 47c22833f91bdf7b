/**
 * The monthly report job: from the 2nd at 09:00 (office time) the previous month's figures
 * go privately to the manager and every head, once each, whatever the number of ticks or
 * instances; the month's facts are caught up from the event log first.
 */
import { createFiguresJobs, reportDue, sendMonthlyReports } from '../../bot/figures/jobs';
import { factsOfLog } from '../../src/figures/facts';
import { FactStore } from '../../src/figures/store';
import { residentActor } from '../../src/people/actors';
import { createHarness, people, testPolicy, type Harness } from '../support/harness';
import { local, octoberOffice } from './support';

const { manager, head } = people;
const OTHER_HEAD = 802;
let h: Harness;

beforeAll(async () => {
  const policy = testPolicy();
  policy.departments = policy.departments.map((d) => (d.id === 'cleaning' ? { ...d, heads: [OTHER_HEAD] } : d));
  h = await createHarness({ policy, start: local('2026-10-21T10:00') }); // no hand-made ticket that day: its own reference
  await new FactStore(h.services.db, policy).record(Object.values(octoberOffice()).flatMap((t) => factsOfLog(t.events, policy)));
  // A report made through the service, whose facts were then lost (as if the process had died
  // between its event and its facts): the job's catch-up finds it in the event log.
  const alice = { telegramId: 501, name: '爱丽丝', phone: '+8613812345678', building: '9', room: '101', language: 'zh-CN' };
  const lost = await h.services.tickets.createRepair(
    alice,
    { repairKind: 'public', category: 'landscape', location: '9栋', atHome: false, description: '树倒了', media: [], visit: { asap: true } },
    residentActor(501, '爱丽丝'),
  );
  const facts = new FactStore(h.services.db, policy).collection('2026-10');
  expect((await facts.deleteMany({ _id: { $regex: `^${lost.ref}:` } })).deletedCount).toBe(2);
});
afterAll(async () => {
  await h.close();
});

const sentTo = (chatId: number) => h.fake.calls.filter((c) => Number(c.params.chat_id) === chatId && (c.method === 'sendMessage' || c.method === 'sendDocument'));

test('due from the configured day and time, office-local', () => {
  expect(reportDue(local('2026-11-01T23:59'), h.services)).toBeNull();
  expect(reportDue(local('2026-11-02T08:59'), h.services)).toBeNull();
  expect(reportDue(local('2026-11-02T09:00'), h.services)).toBe('2026-10');
  expect(reportDue(local('2026-11-20T03:00'), h.services)).toBe('2026-10');
  expect(reportDue(local('2027-01-02T09:00'), h.services)).toBe('2026-12');
  // 09:00 on 2 November in Shanghai is 01:00 UTC: the office's clock decides.
  expect(reportDue(new Date('2026-11-02T00:59:00Z'), h.services)).toBeNull();
});

test('on the 2nd at 09:00 the manager and each head get October once: a message and the CSV', async () => {
  const [job] = createFiguresJobs(h.services, h.bot.api);
  expect(job.name).toBe('figures:monthly-report');
  h.clock.set(local('2026-11-02T08:59'));
  expect(await job.run()).toBe('not_yet');
  expect([manager.id, head.id, OTHER_HEAD].flatMap(sentTo)).toEqual([]);

  h.clock.set(local('2026-11-02T09:00'));
  expect(await job.run()).toEqual({ month: '2026-10', sent: 3, rebuilt: 2 }); // the ticket's received and building facts
  for (const id of [manager.id, head.id, OTHER_HEAD]) {
    expect(sentTo(id).map((c) => c.method)).toEqual(['sendMessage', 'sendDocument']);
    expect(sentTo(id)[1].params.__files[0].filename).toBe('figures-2026-10.csv');
  }
  const text = (id: number) => h.fake.message(id, (sentTo(id)[0].result as { message_id: number }).message_id)!.text!;
  // The caught-up report counts: 10 received in October.
  expect(text(manager.id).split('\n').slice(0, 4)).toEqual(['📊 2026-10 统计 · 物业管理处', '', '🏢 全处', '收到 10 张，上月 1 ▲9（报修 6 · 投诉 2 · 紧急 1 · 咨询 1），取消 1 张']);
  // Each head sees their own department first.
  expect(text(head.id).split('\n')[2]).toBe('👥 工程维修部');
  expect(text(OTHER_HEAD).split('\n').slice(2, 4)).toEqual(['👥 保洁绿化部', '收到 2 张，上月 0 ▲2（报修 2），取消 0 张']);

  // Later ticks, another instance, another day of the month: nothing more.
  h.clock.set(local('2026-11-02T09:01'));
  expect(await job.run()).toEqual({ month: '2026-10', sent: 0 });
  expect(await sendMonthlyReports(h.services, h.bot.api)).toEqual({ month: '2026-10', sent: 0 });
  h.clock.set(local('2026-11-15T10:00'));
  expect(await job.run()).toEqual({ month: '2026-10', sent: 0 });
  for (const id of [manager.id, head.id, OTHER_HEAD]) expect(sentTo(id)).toHaveLength(2);
});

test('a send that fails for a while is retried on the next tick, only what is missing; a reader who never started the bot is not', async () => {
  h.fake.neverStarted(OTHER_HEAD);
  // November's report: the table for the manager is refused for a while (too many requests, longer than
  // the bot's auto-retry waits): the job gives its claim back.
  h.fake.failNext('sendDocument', { error_code: 429, description: 'Too Many Requests: retry after 61', parameters: { retry_after: 61 } }, (p) => Number(p.chat_id) === manager.id);
  h.clock.set(local('2026-12-02T09:00'));
  const before = { manager: sentTo(manager.id).length, head: sentTo(head.id).length };
  expect(await sendMonthlyReports(h.services, h.bot.api)).toEqual({ month: '2026-11', sent: 2, rebuilt: 0 });
  expect(sentTo(manager.id).slice(before.manager).map((c) => [c.method, !!c.error])).toEqual([
    ['sendMessage', false],
    ['sendDocument', true],
  ]);
  h.clock.set(local('2026-12-02T09:01'));
  expect(await sendMonthlyReports(h.services, h.bot.api)).toEqual({ month: '2026-11', sent: 1 });
  expect(sentTo(manager.id).slice(before.manager + 2).map((c) => [c.method, !!c.error])).toEqual([['sendDocument', false]]);
  expect(sentTo(head.id).slice(before.head).map((c) => c.method)).toEqual(['sendMessage', 'sendDocument']);
  // Refused (403) once, and left alone afterwards.
  const refused = h.fake.calls.filter((c) => Number(c.params.chat_id) === OTHER_HEAD && c.error);
  expect(refused.map((c) => c.method)).toEqual(['sendMessage']);
});
