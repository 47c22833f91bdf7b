/**
 * factsOf: what one event means for the figures — which facts, with which ids, in which
 * office-local month, with which keys and flags. Pure: no database.
 */
import { factsOf, factsOfLog, fieldsOfGroupKey, type Fact } from '../../src/figures/facts';
import { storedFact } from '../../src/figures/store';
import { applyEvent } from '../../src/tickets/projection';
import type { TicketEvent, TicketState } from '../../src/tickets/types';
import { figuresPolicy, octoberOffice, ticket } from './support';

const policy = figuresPolicy();
const brief = (f: Fact) => `${f._id} ${f.type} ${f.month} ${f.day} w${f.w}`;

/** Facts event by event, as the event path records them: (event, after, before). */
function live(events: TicketEvent[]): Fact[][] {
  let state: TicketState | undefined;
  return events.map((event) => {
    const after = applyEvent(state, event);
    const facts = factsOf(event, after, state, policy);
    state = after;
    return facts;
  });
}

test('ids are the event\'s ref:seq, with a suffix for its further facts; unique over a whole log', () => {
  const log = octoberOffice().t6.events;
  const perEvent = live(log);
  expect(perEvent.map((facts) => facts.map((f) => f._id))).toEqual([
    ['TS-20261015-001:1', 'TS-20261015-001:1:building', 'TS-20261015-001:1:class'], // created: received, its building, class "none"
    ['TS-20261015-001:2'], // claimed: the first response
    ['TS-20261015-001:3', 'TS-20261015-001:3:was'], // classified help: +help, -none
    ['TS-20261015-001:4', 'TS-20261015-001:4:was'], // classified valid: +valid, -help
    ['TS-20261015-001:5'], // resolved
    ['TS-20261015-001:6'], // confirmed: closed
    ['TS-20261015-001:7'], // survey sent
    ['TS-20261015-001:8'], // survey answered
    ['TS-20261015-001:9', 'TS-20261015-001:9:unresolved', 'TS-20261015-001:9:unclosed'], // reopened by the survey
    ['TS-20261015-001:10'],
    ['TS-20261015-001:11'],
    ['TS-20261015-001:12'],
    ['TS-20261015-001:13'],
  ]);
  const all = Object.values(octoberOffice()).flatMap((t) => factsOfLog(t.events, policy));
  expect(new Set(all.map((f) => f._id)).size).toBe(all.length);
  // The same event gives the same facts: recording it twice is harmless.
  expect(live(log)).toEqual(perEvent);
  // The live path and the replay of the log agree.
  expect(factsOfLog(log, policy)).toEqual(perEvent.flat());
});

test('months and days are the office\'s: 23:30 local on 31 October is October, 00:30 local on 1 November is November', () => {
  const late = ticket('BX-20261031-009', { created: '2026-10-31T22:00' }).claim('2026-10-31T22:01').resolve('2026-10-31T23:00').confirm('2026-10-31T23:30');
  const closed = factsOfLog(late.events, policy).find((f) => f.type === 'closed')!;
  expect(closed.at.toISOString()).toBe('2026-10-31T15:30:00.000Z');
  expect([closed.month, closed.day]).toEqual(['2026-10', '2026-10-31']);

  const after = ticket('BX-20261031-010', { created: '2026-10-31T22:00' }).claim('2026-10-31T22:01').resolve('2026-10-31T23:00').confirm('2026-11-01T00:30');
  const closedAfter = factsOfLog(after.events, policy).find((f) => f.type === 'closed')!;
  // Still 31 October in UTC, already November in the office.
  expect(closedAfter.at.toISOString()).toBe('2026-10-31T16:30:00.000Z');
  expect([closedAfter.month, closedAfter.day]).toEqual(['2026-11', '2026-11-01']);
});

test('what is learnt about a received ticket counts in the month it was received', () => {
  const { t4 } = octoberOffice();
  expect(factsOfLog(t4.events, policy).map(brief)).toEqual([
    'BX-20260930-001:1 received 2026-09 2026-09-30 w1',
    'BX-20260930-001:1:building building 2026-09 2026-09-30 w1',
    'BX-20260930-001:2 responded 2026-09 2026-09-30 w1', // answered on 1 October, for September's ticket
    'BX-20260930-001:3 resolved 2026-10 2026-10-01 w1',
    'BX-20260930-001:4 closed 2026-10 2026-10-04 w1',
  ]);
  const responded = factsOfLog(t4.events, policy).find((f) => f.type === 'responded')!;
  expect(responded.onTime).toBe(0); // due 23:55, claimed 00:10
});

test('a reopen takes back the resolution and the closure it undoes, where they were counted', () => {
  const { t2, t6 } = octoberOffice();
  const t2Facts = factsOfLog(t2.events, policy).filter((f) => f.type === 'resolved' || f.type === 'reopened');
  expect(t2Facts.map((f) => `${brief(f)} onTime${f.onTime}`)).toEqual([
    'BX-20261010-001:3 resolved 2026-10 2026-10-11 w1 onTime1',
    'BX-20261010-001:4 reopened 2026-10 2026-10-11 w1 onTime0',
    'BX-20261010-001:4:unresolved resolved 2026-10 2026-10-11 w-1 onTime1',
    'BX-20261010-001:5 resolved 2026-10 2026-10-13 w1 onTime0',
  ]);
  const t6Facts = factsOfLog(t6.events, policy).filter((f) => f.type === 'closed');
  expect(t6Facts.map((f) => `${brief(f)} firstTime${f.firstTime}`)).toEqual([
    'TS-20261015-001:6 closed 2026-10 2026-10-16 w1 firstTime1',
    'TS-20261015-001:9:unclosed closed 2026-10 2026-10-16 w-1 firstTime1',
    'TS-20261015-001:11 closed 2026-10 2026-10-18 w1 firstTime0',
  ]);
  expect(factsOfLog(t6.events, policy).find((f) => f.type === 'reopened')!.source).toBe('survey');
  expect(factsOfLog(t2.events, policy).find((f) => f.type === 'reopened')!.source).toBe('resident');

  // Resolved in October, reopened in November: October's resolution is taken back in October.
  const late = ticket('BX-20261030-001', { created: '2026-10-30T09:00' }).claim('2026-10-30T09:01').resolve('2026-10-30T10:00').dispute('2026-11-02T09:00');
  expect(factsOfLog(late.events, policy).filter((f) => f.type === 'resolved').map(brief)).toEqual([
    'BX-20261030-001:3 resolved 2026-10 2026-10-30 w1',
    'BX-20261030-001:4:unresolved resolved 2026-10 2026-10-30 w-1',
  ]);
});

test('a cancelled ticket stays received and counted as cancelled; its response is taken back', () => {
  const { t7 } = octoberOffice();
  expect(factsOfLog(t7.events, policy).map((f) => `${brief(f)} onTime${f.onTime}`)).toEqual([
    'BX-20261020-001:1 received 2026-10 2026-10-20 w1 onTime0',
    'BX-20261020-001:1:building building 2026-10 2026-10-20 w1 onTime0',
    'BX-20261020-001:2 responded 2026-10 2026-10-20 w1 onTime1',
    'BX-20261020-001:3 cancelled 2026-10 2026-10-20 w1 onTime0',
    'BX-20261020-001:3:response responded 2026-10 2026-10-20 w-1 onTime1',
  ]);
});

test('only the first response counts: a release and a new claim add nothing', () => {
  const t = ticket('BX-20261012-001', { created: '2026-10-12T09:00' }).claim('2026-10-12T09:02');
  t.events.push({ ref: t.ref, seq: 3, type: 'released', at: new Date('2026-10-12T01:30:00Z'), actor: { id: 601, role: 'staff', name: '张' }, text: '没空' });
  t.events.push({ ref: t.ref, seq: 4, type: 'claimed', at: new Date('2026-10-12T02:30:00Z'), actor: { id: 602, role: 'staff', name: '李' }, data: {} });
  expect(factsOfLog(t.events, policy).filter((f) => f.type === 'responded').map((f) => `${f._id} onTime${f.onTime}`)).toEqual(['BX-20261012-001:2 onTime1']);
});

test('complaint classes: "none" until classified, moved on each classification, in the month received', () => {
  const { t6 } = octoberOffice();
  expect(factsOfLog(t6.events, policy).filter((f) => f.type === 'class').map((f) => `${f.complaintClass} ${f.w} ${f.month}`)).toEqual([
    'none 1 2026-10',
    'help 1 2026-10',
    'none -1 2026-10',
    'valid 1 2026-10',
    'help -1 2026-10',
  ]);
});

test('surveys: answers with their stars, a late comment is no second answer; sent surveys count with their closure', () => {
  const { t1, t3, t6 } = octoberOffice();
  const answered = factsOfLog(t1.events, policy).filter((f) => f.type === 'survey_answered');
  expect(answered.map((f) => [f.satisfied, f.points, f.maxPoints, f.stage, f.month])).toEqual([[1, 14, 15, 'first', '2026-10']]);
  // Closed at 23:30 on 31 October, surveyed on 1 November: the survey is October's closure's.
  const t3Facts = factsOfLog(t3.events, policy);
  expect(t3Facts.filter((f) => f.type === 'survey_sent').map((f) => [f.month, f.day, f.coverage])).toEqual([['2026-10', '2026-10-31', 'repair']]);
  expect(t3Facts.filter((f) => f.type === 'survey_answered').map((f) => f.month)).toEqual(['2026-11']);
  // The survey after the rework is the rework's, not a second one of the class.
  expect(factsOfLog(t6.events, policy).filter((f) => f.type === 'survey_sent').map((f) => f.coverage)).toEqual(['complaint', 'rework']);
  const dissatisfied = factsOfLog(t6.events, policy).filter((f) => f.type === 'survey_answered')[0];
  expect([dissatisfied.satisfied, dissatisfied.points, dissatisfied.maxPoints]).toEqual([0, 8, 15]);
});

test('anonymous complaints are counted but nothing of a survey ever counts for them', () => {
  const anon = ticket('TS-20261008-002', { kind: 'complaint', created: '2026-10-08T10:00', anonymous: true, responseMinutes: 20 })
    .claim('2026-10-08T10:05').resolve('2026-10-08T12:00').confirm('2026-10-08T13:00')
    // Events that cannot happen to an anonymous complaint: still no figures from them.
    .surveySent('2026-10-09T10:00').surveyAnswered('2026-10-09T11:00', [1, 1, 1]).surveyNoAnswer('2026-10-12T10:00');
  const facts = factsOfLog(anon.events, policy);
  expect(facts.map((f) => f.type)).toEqual(['received', 'building', 'class', 'responded', 'resolved', 'closed']);
  expect(facts[0].anonymous).toBe(1);
  expect(facts.find((f) => f.type === 'closed')!.coverage).toBe('anonymous');
});

test('overdue, escalated and repeats name their tickets; reminders and notes count nothing', () => {
  const { t8, t9 } = octoberOffice();
  expect(factsOfLog(t8.events, policy).filter((f) => f.type === 'overdue' || f.type === 'escalated').map((f) => [f.type, f.limit, f.item])).toEqual([
    ['overdue', 'response', 'JJ-20261025-001'],
    ['escalated', 'response', 'JJ-20261025-001'],
  ]);
  const t9Facts = live(t9.events);
  expect(t9Facts.map((facts) => facts.map((f) => f.type))).toEqual([['received', 'building'], ['repeat'], ['responded'], [], ['overdue'], []]);
  expect(t9Facts[1][0]).toMatchObject({ item: 'BX-20261026-001', of: 'BX-20261010-001', category: 'public/inspect', building: '3' });
});

test('keys: each fact keeps the ticket keys its figures read, kind and department always', () => {
  const { t1, t5, t8, t9, t10 } = octoberOffice();
  const pick = (f: Fact) => [f.type, f.kind, f.category, f.department, f.building, f.complaintClass, f.coverage, f.anonymous];
  const t1Facts = factsOfLog(t1.events, policy);
  expect(t1Facts.slice(0, 2).map(pick)).toEqual([
    ['received', 'repair', 'household/unblock', 'engineering', '', '', '', 0],
    ['building', 'repair', '', 'engineering', '3', '', '', 0],
  ]);
  expect(pick(t1Facts.find((f) => f.type === 'closed')!)).toEqual(['closed', 'repair', '', 'engineering', '', '', 'paid', 0]);
  expect(pick(t1Facts.find((f) => f.type === 'resolved')!)).toEqual(['resolved', 'repair', '', 'engineering', '', '', '', 0]);
  const t5Facts = factsOfLog(t5.events, policy);
  expect(pick(t5Facts[0])).toEqual(['received', 'complaint', 'complaint/environment', 'service', '', '', '', 1]);
  expect(t5Facts.filter((f) => f.type === 'class').map(pick)).toEqual([
    ['class', 'complaint', '', 'service', '', 'none', '', 0],
    ['class', 'complaint', '', 'service', '', 'valid', '', 0],
    ['class', 'complaint', '', 'service', '', 'none', '', 0],
  ]);
  expect(pick(t5Facts.find((f) => f.type === 'closed')!)).toEqual(['closed', 'complaint', '', 'service', '', '', 'anonymous', 0]);
  expect(factsOfLog(t8.events, policy).slice(0, 2).map(pick)).toEqual([
    ['received', 'emergency', 'emergency/flood', 'security', '', '', '', 0],
    ['building', 'emergency', '', 'security', '', '', '', 0],
  ]);
  expect(pick(factsOfLog(t9.events, policy).find((f) => f.type === 'repeat')!)).toEqual(['repeat', 'repair', 'public/inspect', 'engineering', '3', '', '', 0]);
  expect(pick(factsOfLog(t10.events, policy).find((f) => f.type === 'closed')!)).toEqual(['closed', 'inquiry', '', 'service', '', '', 'inquiry', 0]);
});

test('stored lean: the id, the day, the weight and the grouping fields as one key', () => {
  const { t2 } = octoberOffice();
  const unresolved = factsOfLog(t2.events, policy).find((f) => f._id === 'BX-20261010-001:4:unresolved')!;
  const stored = storedFact(unresolved);
  expect(stored).toEqual({
    _id: 'BX-20261010-001:4:unresolved',
    day: '2026-10-11',
    w: -1,
    g: '["resolved","repair","","engineering","","","",0,1]',
  });
  expect(fieldsOfGroupKey(stored.g)).toMatchObject({ type: 'resolved', department: 'engineering', onTime: 1, item: '' });
});
