/**
 * A guard on patrol files an internal task for the cleaners: it is numbered NB-…, carded in
 * the cleaning group, held to the office's `internalTask` limit with the usual reminder and
 * escalations, and the guard hears — in a colleague's words — when it is taken on and done.
 * It is never followed up by a survey, and the figures count it apart from residents' reports.
 */
import { createLimitJobs } from '../../bot/limits/jobs';
import { fieldsOfGroupKey } from '../../src/figures/facts';
import { FactStore } from '../../src/figures/store';
import { monthlyFigures } from '../../src/figures/monthly';
import { surveysOf, closedRepair, work } from '../followups/support';
import { cardText, resolveTicket } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { CLEANING_CHAT, OFFICE_CHAT, wu } from '../support/staffFlows';
import { fileTask, guard, seatStaff, SEC, SECURITY_CHAT, taskPolicy } from '../support/taskFlows';

const { manager, alice } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: taskPolicy() });
  seatStaff(h);
});
afterAll(async () => {
  await h.close();
});

async function tick(): Promise<void> {
  await createLimitJobs(h.services).find((j) => j.name === 'limits:alerts')!.run();
  await h.settle();
}

function sends(chatId: number, fragment: string) {
  return h.fake.callsOf('sendMessage').filter((c) => c.params.chat_id === chatId && String(c.params.text).includes(fragment));
}

test('a guard files a cleaning task: NB reference, carded in the cleaning group, internalTask limit, the guard hears each step', async () => {
  const ref = await fileTask(h, guard, { department: 'cleaning', category: 'cleaning', place: '3栋2单元楼道', description: '楼道有人倒了装修垃圾', photos: ['rubbish-1'] });
  expect(ref).toMatch(/^NB-20261123-001$/);
  expect(h.fake.lastTextTo(guard.id)).toContain('已派给 保洁绿化部');

  // The card: in the cleaning group only, naming the filer and their department.
  const card = cardText(h, CLEANING_CHAT, ref);
  expect(card).toContain(`内部工作任务 ${ref}`);
  expect(card).toContain('发起人：赵（安全保卫部）');
  expect(card).toContain('类别：保洁');
  expect(card).toContain('位置：3栋2单元楼道');
  expect(h.fake.textsTo(STAFF_CHAT).some((t) => t.includes(ref))).toBe(false);
  expect(h.fake.textsTo(OFFICE_CHAT).some((t) => t.includes(ref))).toBe(false);
  expect(h.fake.textsTo(SECURITY_CHAT).some((t) => t.includes(ref))).toBe(false);

  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket).toMatchObject({ kind: 'task', department: 'cleaning', status: 'open', task: { fromDepartment: 'security', building: '3', unit: '2' } });
  expect(ticket.report).toMatchObject({ repairKind: 'public', category: 'cleaning', media: [{ type: 'photo', fileId: 'rubbish-1' }] });
  const created = new Date(ticket.createdAt).getTime();
  // The office's internalTask limit (100 s here), not the cleaning category's day.
  expect(new Date(ticket.resolutionDueAt).getTime() - created).toBe(100 * SEC);

  // A cleaner takes it: the guard hears who, privately.
  h.clock.advance(1 * SEC);
  await h.press(wu, CLEANING_CHAT, `tk:claim:${ref}`);
  expect(h.fake.lastTextTo(guard.id)).toBe(`👷 您派给保洁绿化部的任务 ${ref} 已由 吴 接手。`);
  await h.press(wu, CLEANING_CHAT, `tk:arr:${ref}`);
  expect(h.fake.lastTextTo(guard.id)).toBe(`🚪 吴 已到现场处理任务 ${ref}。`);

  // 80 % of the limit: the cleaner is reminded; when due, the group and the manager (cleaning has no head).
  h.clock.set(new Date(created + 79 * SEC));
  await tick();
  expect(sends(wu.id, '⏰')).toHaveLength(0);
  h.clock.set(new Date(created + 80 * SEC));
  await tick();
  expect(sends(wu.id, '⏰')).toHaveLength(1);
  expect(h.fake.lastTextTo(wu.id)).toContain(`工单 ${ref}（内部任务 · 保洁 · 楼道有人倒了装修垃圾）`);
  h.clock.set(new Date(created + 100 * SEC));
  await tick();
  expect(sends(CLEANING_CHAT, '超时')).toHaveLength(1);
  expect(sends(manager.id, ref)).toHaveLength(1);
  h.clock.set(new Date(created + 200 * SEC));
  await tick();
  await tick();
  expect(sends(manager.id, ref)).toHaveLength(2);
  const escalations = (await h.services.tickets.history(ref)).filter((e) => e.type === 'escalated').map((e) => e.data as { limit: string; level: string });
  expect(escalations.map((e) => [e.limit, e.level])).toEqual([['resolution', 'head'], ['resolution', 'manager']]);

  // Done: the guard is told, with the result, and confirms it is sorted.
  await resolveTicket(h, wu, CLEANING_CHAT, ref, '垃圾已清运，楼道已清扫');
  const done = h.messageWithButton(guard.id, `rs:ok:${ref}`);
  expect(done.text).toContain(`任务 ${ref} 已由 吴 处理完毕`);
  expect(done.text).toContain('垃圾已清运，楼道已清扫');
  await h.press(guard, guard.id, `rs:ok:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');
  expect(h.fake.lastTextTo(guard.id)).toBe(`👍 任务 ${ref} 已关闭，谢谢。`);
  expect(cardText(h, CLEANING_CHAT, ref)).toContain('垃圾已清运');
});

test('no follow-up survey for an internal task, while a resident\'s repair closed alongside is decided', async () => {
  const ref = await fileTask(h, guard, { department: 'cleaning', category: 'landscape', place: '中心花园东侧', description: '草坪喷灌头坏了在漏水' });
  expect((await h.services.tickets.get(ref))!.task).toEqual({ fromDepartment: 'security' });
  h.clock.advance(1 * SEC);
  await h.press(wu, CLEANING_CHAT, `tk:claim:${ref}`);
  await resolveTicket(h, wu, CLEANING_CHAT, ref, '已更换喷头');
  await h.press(guard, guard.id, `rs:ok:${ref}`);
  const repair = await closedRepair(h, alice);

  await work(h).tick();
  expect(await surveysOf(h, repair.ref)).not.toHaveLength(0);
  expect(await surveysOf(h, ref)).toEqual([]);
  expect((await h.services.tickets.history(ref)).filter((e) => e.type.startsWith('survey'))).toEqual([]);
});

test('the figures count internal tasks as internal tasks, not as residents\' reports', async () => {
  const store = new FactStore(h.services.db, h.policy);
  // Each ticket's "received" fact, with the kind it is counted under.
  const stored = await store.collection('2026-11').find({}).toArray();
  const received = stored.map((f) => ({ ref: f._id.split(':')[0], ...fieldsOfGroupKey(f.g) })).filter((f) => f.type === 'received');
  expect(received.map((f) => [f.ref.slice(0, 2), f.kind]).sort()).toEqual([['BX', 'repair'], ['NB', 'task'], ['NB', 'task']]);

  const figures = await monthlyFigures(store, '2026-11');
  // Two tasks filed and done (the first one late), one resident's repair.
  expect(figures.internalTasks).toEqual({ received: 2, resolved: 2, resolutionOnTime: { num: 1, den: 2, value: 0.5 }, overdue: 1 });
  expect(figures.received).toBe(1);
  expect(figures.byKind).toEqual([{ key: 'repair', n: 1 }]);
  expect(figures.resolutionOnTime.den).toBe(1);
  expect(figures.overdue.tickets).toBe(0);

  // The manager's /report shows them on their own line.
  await h.send(h.u.command(manager, 'report'));
  const report = h.fake.textsTo(manager.id).find((t) => t.includes('内部工作任务'));
  expect(report).toContain('🛠 内部工作任务（不计入住户报事）：收到 2 件，完成 2 件，按时完成率 50%，超时 1 件');
});

test('a done task the guard never answers closes by itself after the confirmation period, and the guard is told so', async () => {
  const ref = await fileTask(h, guard, { department: 'cleaning', category: 'cleaning', place: '2栋大堂', description: '大堂玻璃门有污渍' });
  await h.press(wu, CLEANING_CHAT, `tk:claim:${ref}`);
  await resolveTicket(h, wu, CLEANING_CHAT, ref, '已擦净');
  h.clock.advance(h.policy.confirmation.autoConfirmAfter + 60 * SEC);
  await work(h).tick();
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');
  expect(h.fake.lastTextTo(guard.id)).toBe(`✅ 任务 ${ref} 已处理完毕，3天内未收到您的确认，已自动关闭。如仍有问题，请再发 /task 派单。`);
  expect(await surveysOf(h, ref)).toEqual([]);
});
