/**
 * renderHistory: one log, two audiences. The resident reads their own words as "you",
 * staff by first name, and never an internal note, a complaint's class or a release
 * reason; staff read every event with who and role, but an anonymous complainant only ever
 * as "anonymous resident". Long histories keep the newest events within the limit.
 */
import { Texts } from '../../bot/texts';
import { HISTORY_MAX_LENGTH, renderHistory } from '../../bot/render/history';
import { residentActor, type Actor } from '../../src/people/actors';
import { initialComplaint, initialRepair } from '../../src/tickets/creation';
import { replay } from '../../src/tickets/projection';
import type { ResidentContact, TicketEvent, TicketEventType, TicketState } from '../../src/tickets/types';
import { testPolicy } from '../support/harness';

const policy = testPolicy();
const texts = new Texts({
  onMissing: (lang, key) => {
    throw new Error(`missing text "${key}" in ${lang}`);
  },
});
const START = new Date('2026-11-23T02:00:00Z'); // 10:00 in Shanghai
const CONTACT: ResidentContact = { telegramId: 501, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
const RESIDENT = residentActor(501, '爱丽丝');
const ZHANG: Actor = { id: 601, name: '张', role: 'staff', chats: [], headOf: [] };
const HEAD: Actor = { id: 801, name: '王主管', role: 'head', chats: [], headOf: ['engineering'] };
const LI: Actor = { id: 602, name: '李', role: 'staff', chats: [], headOf: [] };

/** A step of a hand-made log (its data loosely typed, as fixtures are). */
type Step = [TicketEventType, Actor, { text?: string; media?: TicketEvent['media']; data?: Record<string, unknown> }?];

/** A log as the service writes it: one event a minute after the created one. */
function log(created: Record<string, unknown>, steps: Step[], anonymous = false): { ticket: TicketState; events: TicketEvent[] } {
  const ref = created.kind === 'complaint' ? 'TS-20261123-001' : 'BX-20261123-001';
  const at = (i: number) => new Date(START.getTime() + i * 60_000);
  const name = (actor: Actor) => (anonymous && actor.role === 'resident' ? '' : actor.name);
  const events = [
    { ref, seq: 1, type: 'created', at: at(0), actor: { id: RESIDENT.id, role: 'resident', name: name(RESIDENT) }, data: { ...created, ref, day: '2026-11-23', month: '2026-11' } },
    ...steps.map(([type, actor, extra], i) => ({ ref, seq: i + 2, type, at: at(i + 1), actor: { id: actor.id, role: actor.role, name: name(actor) }, ...extra })),
  ] as TicketEvent[];
  return { ticket: replay(events)!, events };
}

const repair = initialRepair(CONTACT, { repairKind: 'household', category: 'inspect', location: '家里', atHome: true, description: '门铃坏了', media: [], visit: { asap: true } }, START, policy);

const REPAIR_STEPS: Step[] = [
  ['claimed', ZHANG],
  ['note_added', ZHANG, { text: '住户脾气不好', data: { toResident: false } }],
  ['rescheduled', ZHANG, { text: '等配件', data: { until: new Date('2026-11-24T02:00:00Z'), parts: true } }],
  ['note_added', ZHANG, { text: '明天上午来', data: { toResident: true } }],
  ['released', ZHANG, { text: '我今天请假' }],
  ['reassigned', HEAD, { data: { to: { id: LI.id, name: LI.name } } }],
  ['arrived', LI],
  ['info_added', RESIDENT, { text: '<b>还有</b>门也坏了', media: [{ type: 'photo', fileId: 'p1' }] }],
  ['urged', RESIDENT],
  ['transferred', HEAD, { text: '归保洁', data: { from: 'engineering', to: 'cleaning' } }],
  ['claimed', LI],
  ['resolved', LI, { text: '修好了', data: {} }],
  ['reopened', RESIDENT, { text: '还是响' }],
  ['resolved', LI, { text: '换了新的', data: {} }],
  ['confirmed', { id: 0, name: 'system', role: 'system', chats: [], headOf: [] }],
];

test('the resident view: you, first names, no internal note, no release reason, the department of a transfer', () => {
  const { ticket, events } = log(repair as never, REPAIR_STEPS);
  const text = renderHistory(ticket, events, 'resident', policy, texts, 'zh-CN');
  expect(text.split('\n')).toEqual([
    '📜 <b>处理记录</b>（15 条）',
    '2026-11-23 10:00 · 您 提交了工单',
    '2026-11-23 10:01 · 张 接单',
    '2026-11-23 10:03 · 张 等待配件：等配件，预计 2026-11-24 10:00',
    '2026-11-23 10:04 · 张：明天上午来',
    '2026-11-23 10:05 · 工单等待重新安排处理人员',
    '2026-11-23 10:06 · 改由 李 处理',
    '2026-11-23 10:07 · 李 到场处理',
    '2026-11-23 10:08 · 您 补充信息：&lt;b&gt;还有&lt;/b&gt;门也坏了（附件 1 个）',
    '2026-11-23 10:09 · 您 催办',
    '2026-11-23 10:10 · 王主管 将工单转交保洁绿化部',
    '2026-11-23 10:11 · 李 接单',
    '2026-11-23 10:12 · 李 处理完成：修好了',
    '2026-11-23 10:13 · 您 反馈未解决，工单重新打开：还是响',
    '2026-11-23 10:14 · 李 处理完成：换了新的',
    '2026-11-23 10:15 · 系统 确认已解决，工单关闭',
  ]);
  expect(text).not.toContain('脾气');
  expect(text).not.toContain('请假');
});

test('the staff view: every event, who with role, internal notes marked', () => {
  const { ticket, events } = log(repair as never, REPAIR_STEPS);
  const lines = renderHistory(ticket, events, 'staff', policy, texts, 'zh-CN').split('\n');
  expect(lines).toHaveLength(17);
  expect(lines[1]).toBe('2026-11-23 10:00 · 住户 提交了工单');
  expect(lines[2]).toBe('2026-11-23 10:01 · 张（员工） 接单');
  expect(lines[3]).toBe('2026-11-23 10:02 · 🔒 张（员工） 内部备注：住户脾气不好');
  expect(lines[5]).toBe('2026-11-23 10:04 · 张（员工） 备注（已告知住户）：明天上午来');
  expect(lines[6]).toBe('2026-11-23 10:05 · 张（员工） 退回工单，等待重新安排：我今天请假');
  expect(lines[7]).toBe('2026-11-23 10:06 · 王主管（主管） 改派给 李');
  expect(lines[16]).toBe('2026-11-23 10:15 · 系统 确认已解决，工单关闭');
  // The resident's name is contact data: the history never carries it, whoever reads it.
  expect(lines.join('\n')).not.toContain('爱丽丝');
});

test('English, both views', () => {
  const { ticket, events } = log(repair as never, REPAIR_STEPS);
  const resident = renderHistory(ticket, events, 'resident', policy, texts, 'en');
  expect(resident).toContain('📜 <b>History</b> (15 entries)');
  expect(resident).toContain('10:00 · You reported it');
  expect(resident).toContain('10:08 · You added: &lt;b&gt;还有&lt;/b&gt;门也坏了 (one attachment)');
  expect(resident).toContain('10:10 · 王主管 transferred it to Cleaning &amp; Landscaping');
  expect(resident).toContain('10:15 · System confirmed it solved; closed');
  expect(resident).not.toContain('internal');
  const staff = renderHistory(ticket, events, 'staff', policy, texts, 'en');
  expect(staff).toContain('10:02 · 🔒 张 (staff), internal note: 住户脾气不好');
  expect(staff).toContain('10:06 · 王主管 (head) reassigned it to 李');
});

test('an anonymous complaint: "anonymous resident" for staff, never a name or id; the class stays with staff', () => {
  const complaint = initialComplaint(
    CONTACT,
    { subject: 'staff', when: '昨天', where: '大堂', what: '保安态度差', wants: '道歉', media: [], anonymous: true, showUnit: false },
    START,
    policy,
  );
  const { ticket, events } = log(
    complaint as never,
    [
      ['classified', ZHANG, { data: { class: 'venting', resolutionDueAt: new Date('2026-11-26T02:00:00Z') } }],
      ['info_added', RESIDENT, { text: '补充一点' }],
      ['cancelled', RESIDENT, { text: '算了' }],
    ],
    true,
  );
  const staff = renderHistory(ticket, events, 'staff', policy, texts, 'zh-CN');
  expect(staff).toContain('10:00 · 匿名住户 提交了工单');
  expect(staff).toContain('10:01 · 张（员工） 分类为「发泄型」');
  expect(staff).toContain('10:02 · 匿名住户 补充信息：补充一点');
  expect(staff).toContain('10:03 · 匿名住户 取消了工单：算了');
  for (const secret of ['爱丽丝', '501', '1201', '+86']) expect(staff).not.toContain(secret);
  expect(renderHistory(ticket, events, 'staff', policy, texts, 'en')).toContain('10:00 · Anonymous resident reported it');

  const resident = renderHistory(ticket, events, 'resident', policy, texts, 'zh-CN');
  expect(resident).toContain('10:01 · 投诉已登记处理，预计 2026-11-26 10:00 前答复');
  expect(resident).not.toContain('发泄');
});

test('a long history keeps the newest events within the limit, with "…" for the rest', () => {
  const steps: Step[] = Array.from({ length: 300 }, (_, i) => ['note_added', ZHANG, { text: `第${i + 1}条 ${'很长的备注'.repeat(60)}`, data: { toResident: true } }]);
  const { ticket, events } = log(repair as never, steps);
  for (const audience of ['resident', 'staff'] as const) {
    const text = renderHistory(ticket, events, audience, policy, texts, 'zh-CN');
    expect(text.length).toBeLessThanOrEqual(HISTORY_MAX_LENGTH);
    const lines = text.split('\n');
    expect(lines[0]).toContain('（301 条）');
    expect(lines[1]).toBe('…');
    expect(lines.at(-1)).toContain('第300条');
    expect(lines.at(-1)!.endsWith('…')).toBe(true); // a long note is cut
    expect(text).not.toContain('第1条');
    expect(lines.length).toBeGreaterThan(5);
  }
});
