/**
 * Rendering the figures: text typed by residents or set by the office is escaped in the
 * message and defused in the CSV; no value is ever shown as NaN; changes get ▲, ▼ or ＝.
 * Pure: the facts are added up here the way the database groups them.
 */
import { csvCell, percent, renderFiguresCsv, renderFiguresMessage, type FiguresView } from '../../bot/figures/render';
import { Texts } from '../../bot/texts';
import { factsOfLog, type Fact } from '../../src/figures/facts';
import { figuresFromRows, type FactRow } from '../../src/figures/monthly';
import { figuresPolicy, ticket } from './support';

const texts = new Texts({
  onMissing: (lang, key) => {
    throw new Error(`missing text "${key}" in ${lang}`);
  },
});

/** The facts as the one $group returns them: a row per fact, n = its weight. */
const rowsOf = (facts: Fact[]): FactRow[] => facts.map(({ _id, ref, seq, at, month, day, w, ...keys }) => ({ ...keys, n: w }) as FactRow);

function view(month: string, facts: Fact[], previous: Fact[], policy = figuresPolicy(), first: string[] = []): FiguresView {
  const compared = (department?: string) => ({
    current: figuresFromRows(rowsOf(facts), policy, month, { department }),
    previous: figuresFromRows(rowsOf(previous), policy, month, { department }),
  });
  return { month, office: compared(), departments: policy.departments.map((d) => ({ id: d.id, ...compared(d.id) })), first };
}

test('percentages: one decimal at most, "—" for nothing to divide', () => {
  expect([percent(0.625), percent(1), percent(0), percent(2 / 3), percent(null), percent(NaN), percent(undefined)]).toEqual(['62.5%', '100%', '0%', '66.7%', '—', '—', '—']);
});

test('what residents typed and what the office named is escaped in the message and defused in the CSV', () => {
  const policy = figuresPolicy();
  policy.departments = policy.departments.map((d) => (d.id === 'engineering' ? { ...d, name: { 'zh-CN': '<工程> & 维修', en: '<Eng> & Repairs' } } : d));
  const facts = [
    ...factsOfLog(ticket('BX-20261005-001', { created: '2026-10-05T10:00', building: '<b>' }).claim('2026-10-05T10:01').events, policy),
    ...factsOfLog(ticket('BX-20261005-002', { created: '2026-10-05T11:00', building: '=HYPERLINK("http://x")' }).events, policy),
  ];
  const v = view('2026-10', facts, [], policy, ['engineering']);
  const message = renderFiguresMessage(v, policy, texts, 'zh-CN');
  expect(message).toContain('👥 <b>&lt;工程&gt; &amp; 维修</b>');
  expect(message).toContain('&lt;b&gt;栋 1');
  expect(message).toContain('=HYPERLINK(&quot;http://x&quot;)栋 1');
  expect(message).not.toMatch(/<b>栋|<工程>/);
  const csv = renderFiguresCsv(v, policy, texts, 'zh-CN');
  expect(csv).toContain('全处,按楼栋,<b>栋,1,,,,0');
  expect(csv).toContain(`全处,按楼栋,"'=HYPERLINK(""http://x"")栋",1,,,,0`);
  expect(csv).toContain('<工程> & 维修,收到工单,,2,,,,0');
  expect([csvCell('-1'), csvCell(-1), csvCell('+86'), csvCell('@x'), csvCell('a,b'), csvCell('line\nbreak')]).toEqual(["'-1", '-1', "'+86", "'@x", '"a,b"', '"line\nbreak"']);
});

test('against last month: ▲ up, ▼ down, ＝ the same, and only the last month\'s value when either is missing', () => {
  const policy = figuresPolicy();
  const onTime = (ref: string, day: string) => ticket(ref, { created: `${day}T10:00` }).claim(`${day}T10:01`).events;
  const late = (ref: string, day: string) => ticket(ref, { created: `${day}T10:00` }).claim(`${day}T11:00`).events;
  const oct = [onTime('BX-20261001-001', '2026-10-01'), late('BX-20261002-001', '2026-10-02')].flatMap((e) => factsOfLog(e, policy));
  const sep = [onTime('BX-20260901-001', '2026-09-01'), onTime('BX-20260902-001', '2026-09-02'), late('BX-20260903-001', '2026-09-03'), late('BX-20260904-001', '2026-09-04')].flatMap((e) => factsOfLog(e, policy));
  const nov = [onTime('BX-20261101-001', '2026-11-01')].flatMap((e) => factsOfLog(e, policy));
  const line = (facts: Fact[], previous: Fact[], lang: 'zh-CN' | 'en' = 'zh-CN') =>
    renderFiguresMessage(view('2026-10', facts, previous), policy, texts, lang).split('\n').find((l) => l.includes(lang === 'en' ? 'response' : '接单响应'))!;
  expect(line(oct, sep)).toBe('及时率（接单响应）：<b>50%</b>（1/2） · 上月 50% ＝');
  expect(line(nov, oct)).toBe('及时率（接单响应）：<b>100%</b>（1/1） · 上月 50% ▲50');
  expect(line(oct, nov)).toBe('及时率（接单响应）：<b>50%</b>（1/2） · 上月 100% ▼50');
  expect(line(oct, [])).toBe('及时率（接单响应）：<b>50%</b>（1/2） · 上月 —');
  expect(line(oct, nov, 'en')).toBe('On time: response: <b>50%</b> (1/2) · last month 100% ▼50');
  const received = renderFiguresMessage(view('2026-10', oct, sep), policy, texts, 'zh-CN').split('\n').find((l) => l.startsWith('收到'));
  expect(received).toBe('收到 2 张，上月 4 ▼2（报修 2），取消 0 张');
  // A target the office set shows on its line.
  const strict = { ...policy, figures: { ...policy.figures, responseOnTime: 0.9 } };
  const withTarget = renderFiguresMessage(view('2026-10', oct, sep, strict), strict, texts, 'zh-CN');
  expect(withTarget).toContain('及时率（接单响应）：<b>50%</b>（1/2） · 目标 90% ⚠️ · 上月 50% ＝');
});
