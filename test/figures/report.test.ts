/**
 * /report through the real bot against the fake Bot API: the manager gets October's figures
 * (the hand-made month of support.ts, worked out in monthly.test.ts) as a message and as a
 * CSV document; a head sees their department first; residents and other staff are refused.
 */
import { factsOfLog } from '../../src/figures/facts';
import { FactStore } from '../../src/figures/store';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import type { TgUser } from '../support/updates';
import { octoberOffice } from './support';

const { manager, head, alice, zhang } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness(); // 23 November 2026, 10:00 in Shanghai
  const store = new FactStore(h.services.db, h.policy);
  await store.record(Object.values(octoberOffice()).flatMap((t) => factsOfLog(t.events, h.policy)));
});
afterAll(async () => {
  await h.close();
});

/** What the bot sent to the chat in answer to one command. */
async function report(who: TgUser, command: string, chatId = who.id) {
  const before = h.fake.calls.length;
  await h.send(h.u.text(who, command, { id: chatId }));
  const calls = h.fake.calls.slice(before).filter((c) => Number(c.params.chat_id) === chatId);
  const texts = calls.filter((c) => c.method === 'sendMessage').map((c) => h.fake.message(chatId, (c.result as { message_id: number }).message_id)!.text!);
  const documents = calls.filter((c) => c.method === 'sendDocument');
  return { texts, documents };
}

const OFFICE_BLOCK = [
  '🏢 全处',
  '收到 9 张，上月 1 ▲8（报修 5 · 投诉 2 · 紧急 1 · 咨询 1），取消 1 张',
  '及时率（接单响应）：62.5%（5/8） · 上月 0% ▲62.5',
  '及时率（按时完成）：57.1%（4/7） · 上月 —',
  '合格率（一次修好）：71.4%（5/7） · 上月 —',
  '回访率：75%（3/4） · 上月 —',
  '满意率：66.7%（2/3） · 目标 96% ⚠️ · 上月 —',
  '满意度：82.2%（37/45） · 目标 75% ✅ · 上月 —',
  '超时 2 张 · 升级至主任 1 张 · 重新打开 2 次',
  '回访覆盖：有效/重大投诉 1/1 ✅、匿名投诉 0/1、有偿服务 1/1 ✅、日常报修 2/3 ✅、咨询 0/1 ⚠️',
  '🔥 报事最多的楼栋：3栋 4、5栋 3、7栋 1',
  '🔥 报事最多的类别：公共部位报修·检修 2、投诉·环境卫生 1、投诉·服务质量 1、紧急·水浸 / 爆管 1、住户报修·检修 1',
  '🔁 重复报事 1 件：BX-20261026-001（同 BX-20261010-001）',
];

test('the manager gets the month\'s headline figures against targets and last month, and the full table as CSV', async () => {
  const { texts, documents } = await report(manager, '/report 2026-10');
  expect(texts).toHaveLength(1);
  expect(texts[0].split('\n')).toEqual(['📊 2026-10 统计 · 物业管理处', '', ...OFFICE_BLOCK, '', '完整表格见 CSV 附件（可用 Excel 打开）。']);
  expect(documents).toHaveLength(1);
  expect(documents[0].params.caption).toBe('2026-10 统计表');
  const [file] = documents[0].params.__files;
  expect(file.filename).toBe('figures-2026-10.csv');
  expect(file.content.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
  const rows: string[] = file.content.slice(1).trimEnd().split('\r\n');
  expect(rows[0]).toBe('范围,指标,项目,数值,分子,分母,目标,上月');
  expect(rows).toEqual(
    expect.arrayContaining([
      '全处,及时率（接单响应）,,62.5%,5,8,,0%',
      '全处,满意率,,66.7%,2,3,96%,—',
      '全处,满意度,,82.2%,37,45,75%,—',
      '全处,收到工单,,9,,,,1',
      '工程维修部,及时率（按时完成）,,66.7%,2,3,,—',
      '客户服务中心,收到工单,,3,,,,0',
      '全处,按类型,报修,5,,,,1',
      '全处,按楼栋,未登记楼栋,1,,,,0',
      '全处,按投诉分类,有效投诉,2,,,,0',
      '全处,回访覆盖率,日常报修,66.7%,2,3,20%,—',
      '全处,回访覆盖率,匿名投诉,0%,0,1,0%,—',
      '全处,超时（按时限）,接单响应时限,1,,,,0',
      '全处,重复报事,BX-20261026-001,BX-20261010-001,,,,',
      '全处,超时工单号,JJ-20261025-001,,,,,',
      '全处,升级工单号,JJ-20261025-001,,,,,',
    ]),
  );
  // Every scope: the office and the four departments, six rates and twelve counts each.
  expect(rows.filter((r) => r.split(',')[1] === '回访率').map((r) => r.split(',')[0])).toEqual(['全处', '工程维修部', '保洁绿化部', '安全保卫部', '客户服务中心']);
});

test('a department head sees their department first, then the office', async () => {
  const { texts, documents } = await report(head, '/report 2026-10');
  const lines = texts[0].split('\n');
  expect(lines.slice(2, 11)).toEqual([
    '👥 工程维修部',
    '收到 4 张，上月 1 ▲3（报修 4），取消 1 张',
    '及时率（接单响应）：66.7%（2/3） · 上月 0% ▲66.7',
    '及时率（按时完成）：66.7%（2/3） · 上月 —',
    '合格率（一次修好）：66.7%（2/3） · 上月 —',
    '回访率：50%（1/2） · 上月 —',
    '满意率：100%（1/1） · 目标 96% ✅ · 上月 —',
    '满意度：93.3%（14/15） · 目标 75% ✅ · 上月 —',
    '超时 1 张 · 升级至主任 0 张 · 重新打开 1 次',
  ]);
  expect(lines.slice(12, 12 + OFFICE_BLOCK.length)).toEqual(OFFICE_BLOCK);
  expect(documents).toHaveLength(1);
});

test('residents and other staff are refused; in a group the figures are only given privately', async () => {
  const resident = await report(alice, '/report 2026-10');
  expect(resident).toEqual({ texts: ['只有管理处主任和部门主管可以查看统计报表。'], documents: [] });
  const staff = await report(zhang, '/report');
  expect(staff).toEqual({ texts: ['只有管理处主任和部门主管可以查看统计报表。'], documents: [] });
  const inGroup = await report(head, '/report 2026-10', STAFF_CHAT);
  expect(inGroup).toEqual({ texts: ['统计报表请私聊我发送 /report 查看。'], documents: [] });
});

test('/report alone: this month so far; an empty month says so; a wrong or future month is explained', async () => {
  // November so far: nothing received, but t3's survey was answered on the 2nd.
  const now = await report(manager, '/report');
  expect(now.texts[0].split('\n')).toEqual([
    '📊 2026-11 统计（截至 2026-11-23 10:00） · 物业管理处',
    '',
    '🏢 全处',
    '收到 0 张，上月 9 ▼9，取消 0 张',
    '及时率（接单响应）：— · 上月 62.5%',
    '及时率（按时完成）：— · 上月 57.1%',
    '合格率（一次修好）：— · 上月 71.4%',
    '回访率：100%（1/1） · 上月 75% ▲25',
    '满意率：100%（1/1） · 目标 96% ✅ · 上月 66.7% ▲33.3',
    '满意度：80%（12/15） · 目标 75% ✅ · 上月 82.2% ▼2.2',
    '超时 0 张 · 升级至主任 0 张 · 重新打开 0 次',
    '',
    '完整表格见 CSV 附件（可用 Excel 打开）。',
  ]);
  expect(now.documents).toHaveLength(1);
  expect(now.texts[0]).not.toMatch(/NaN|undefined/);
  const empty = await report(manager, '/report 2026-08');
  expect(empty.texts).toEqual(['📊 2026-08 统计 · 物业管理处\n\n本期还没有任何记录。']);
  expect(empty.documents[0].params.__files[0].content).toContain('全处,满意率,,—,0,0,96%,—');
  expect((await report(manager, '/report 2026年9月')).texts[0].split('\n').slice(2, 4)).toEqual(['🏢 全处', '收到 1 张，上月 0 ▲1（报修 1），取消 0 张']);
  expect(await report(manager, '/report 2026-13')).toEqual({ texts: ['月份请这样写：/report 2026-10（不写月份就是本月至今）。'], documents: [] });
  expect(await report(manager, '/report last month')).toEqual({ texts: ['月份请这样写：/report 2026-10（不写月份就是本月至今）。'], documents: [] });
  expect(await report(manager, '/report 2026-12')).toEqual({ texts: ['2026-12 还没有到，请选择本月或以前的月份。'], documents: [] });
});

test('in English for a reader who chose English', async () => {
  await h.services.residents.setLanguage(manager.id, manager.first_name, 'en');
  const { texts, documents } = await report(manager, '/report 2026-10');
  const lines = texts[0].split('\n');
  expect(lines[0]).toBe('📊 Figures for 2026-10 · Property Management Office');
  expect(lines).toEqual(
    expect.arrayContaining([
      'Received 9, last month 1 ▲8 (repairs 5 · complaints 2 · emergencies 1 · inquiries 1), cancelled 1',
      'Satisfaction rate: 66.7% (2/3) · target 96% ⚠️ · last month —',
      'Average satisfaction: 82.2% (37/45) · target 75% ✅ · last month —',
      '🔥 Buildings with most reports: Bldg 3 4, Bldg 5 3, Bldg 7 1',
    ]),
  );
  expect(documents[0].params.caption).toBe('Figures for 2026-10');
  expect(documents[0].params.__files[0].content).toContain('Whole office,Satisfaction rate,,66.7%,2,3,96%,—');
  await h.services.residents.setLanguage(manager.id, manager.first_name, 'zh-CN');
});
