/**
 * The rules of which limit watches a ticket and when each alert is due, without a database:
 * the office's defaults, the levels, and the cases where a limit starts later or stops.
 */
import { defaultOfficePolicy, parseOfficePolicy } from '../../src/config/office';
import { alertsDue, announcementDue, levelTimes, lookaheads, mostOverdue, progressWeekDue, quietSince, releaseDue, watchedLimits } from '../../src/limits/rules';
import { DEFAULT_TIME_LIMITS, timeLimitsPolicy } from '../../src/limits/settings';
import type { TicketState } from '../../src/tickets/types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const policy = defaultOfficePolicy({ staffChatId: -100, timezone: 'Asia/Shanghai' });
const settings = timeLimitsPolicy(policy);
const T0 = new Date('2026-11-23T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function ticket(overrides: Partial<TicketState> = {}): TicketState {
  return {
    ref: 'BX-20261123-001',
    seq: 1,
    kind: 'repair',
    status: 'open',
    department: 'engineering',
    priority: 'normal',
    resident: { telegramId: 1, name: 'A', phone: '1', building: '3', room: '1201', language: 'zh-CN' },
    anonymous: false,
    showUnit: true,
    report: { description: '灯坏了', media: [], location: '大堂', atHome: false },
    createdAt: T0,
    day: '2026-11-23',
    month: '2026-11',
    responseDueAt: at(5 * MIN),
    resolutionDueAt: at(DAY),
    nightIntake: false,
    reopenCount: 0,
    lastEvent: { type: 'created', at: T0 },
    lastEventAt: T0,
    ...overrides,
  };
}

test('the defaults are those of the office procedures, and the policy key overrides them (ms or text)', () => {
  expect(settings).toEqual(DEFAULT_TIME_LIMITS);
  expect(DEFAULT_TIME_LIMITS).toMatchObject({ remindAt: 0.8, escalateManagerAfter: 1, reannounceAfter: 10 * MIN, emergencyReannounceEvery: 2 * MIN, weeklyProgressEvery: 7 * DAY });
  // The file's texts are read once, by the office policy's schema; the settings merge over the defaults.
  const file = { timeLimits: { remindAt: 0.5, reannounceAfter: '30s', noProgressRelease: '5s', extensionChoices: ['2h'] } };
  const custom = timeLimitsPolicy(parseOfficePolicy(file, { staffChatId: -100, timezone: 'Asia/Shanghai', source: 'test' }));
  expect(custom).toMatchObject({ remindAt: 0.5, reannounceAfter: 30_000, noProgressRelease: 5000, extensionChoices: [2 * HOUR], weeklyProgressEvery: 7 * DAY });
});

test('levels: the reminder at 80 %, the head at the due time, the manager when late by the limit again', () => {
  const [response, resolution] = watchedLimits(ticket(), policy);
  expect(response.limit).toBe('response');
  expect(levelTimes(resolution, settings)).toEqual({ remind: at(0.8 * DAY), head: at(DAY), manager: at(2 * DAY) });
  const levels = (ms: number) => alertsDue(ticket({ status: 'claimed', owner: { id: 7, name: '张' } }), at(ms), policy, settings).map((a) => `${a.limit}:${a.level}`);
  expect(levels(0.8 * DAY - 1)).toEqual([]);
  expect(levels(0.8 * DAY)).toEqual(['resolution:remind']);
  expect(levels(DAY)).toEqual(['resolution:head']);
  // Found only after the manager's time (downtime): the head too, never a late "reminder".
  expect(levels(3 * DAY)).toEqual(['resolution:head', 'resolution:manager']);
  const [alert] = alertsDue(ticket(), at(DAY), policy, settings).filter((a) => a.limit === 'resolution');
  expect(alert.key).toBe(`lim:BX-20261123-001:resolution:head:${at(DAY).getTime()}`);
});

test('which limits run: response until claimed, on site until arrived (a booked visit counts the normal allowance before it), first answer for major complaints', () => {
  const names = (t: TicketState) => watchedLimits(t, policy).map((w) => w.limit);
  expect(names(ticket())).toEqual(['response', 'resolution']);
  const claimed = ticket({ status: 'claimed', claimedAt: at(MIN), onSiteDueAt: at(16 * MIN), owner: { id: 7, name: '张' } });
  expect(names(claimed)).toEqual(['onSite', 'resolution']);
  expect(watchedLimits(claimed, policy)[0].start).toEqual(at(MIN));
  expect(names({ ...claimed, status: 'on_site', arrivedAt: at(10 * MIN) })).toEqual(['resolution']);
  // Booked for tomorrow: the reminder comes 20 % of 15 minutes before, not 20 % of a day.
  const booked = { ...claimed, onSiteDueAt: at(DAY + 2 * HOUR) };
  expect(levelTimes(watchedLimits(booked, policy)[0], settings).remind).toEqual(at(DAY + 2 * HOUR - 3 * MIN));
  // After a transfer the new department's response limit runs from the transfer.
  const transferred = ticket({ transferredFrom: 'service', responseDueAt: at(3 * HOUR) });
  expect(watchedLimits(transferred, policy)[0].start).toEqual(at(3 * HOUR - 5 * MIN));
  const major = ticket({ kind: 'complaint', status: 'claimed', complaint: { subject: 'service', when: '', wants: '', class: 'major', firstAnswerDueAt: at(2 * DAY) }, resolutionDueAt: at(10 * DAY) });
  expect(names(major)).toEqual(['firstAnswer', 'resolution']);
  expect(watchedLimits(major, policy, { firstAnswered: true }).map((w) => w.limit)).toEqual(['resolution']);
  for (const status of ['resolved', 'closed', 'cancelled'] as const) expect(names(ticket({ status }))).toEqual([]);
});

test('mostOverdue names the limit the ticket is latest on', () => {
  expect(mostOverdue(ticket(), at(4 * MIN), policy)).toBeNull();
  expect(mostOverdue(ticket(), at(DAY + HOUR), policy)).toMatchObject({ limit: 'response', lateMs: DAY + HOUR - 5 * MIN });
});

test('the lookaheads bound the candidate queries by the longest configured limit', () => {
  // Waterproofing takes 20 days: its reminder comes 4 days ahead.
  expect(lookaheads(policy, settings)).toEqual({ response: 4 * MIN, onSite: 3 * MIN, resolution: 4 * DAY, firstAnswer: Math.ceil(0.2 * 2 * DAY) });
});

test('announcements: after the wait, up to the limit; emergencies every 2 minutes', () => {
  const open = ticket();
  expect(announcementDue(open, T0, at(10 * MIN - 1), settings)).toBe(0);
  expect(announcementDue(open, T0, at(10 * MIN), settings)).toBe(1);
  expect(announcementDue(open, T0, at(25 * MIN), settings)).toBe(2);
  expect(announcementDue(open, T0, at(5 * HOUR), settings)).toBe(settings.reannounceTimes);
  const emergency = ticket({ kind: 'emergency' });
  expect([1, 2, 4, 7].map((m) => announcementDue(emergency, T0, at(m * MIN), settings))).toEqual([0, 1, 2, 3]);
  expect(announcementDue({ ...emergency, status: 'claimed' }, T0, at(7 * MIN), settings)).toBe(0);
});

test('no progress: quiet since the last change, the on-site time or the end of a wait, whichever is latest', () => {
  const claimed = ticket({ status: 'claimed', claimedAt: T0, onSiteDueAt: at(15 * MIN), owner: { id: 7, name: '张' }, lastEventAt: T0 });
  expect(quietSince(claimed)).toEqual(at(15 * MIN));
  expect(releaseDue(claimed, at(2 * HOUR + 15 * MIN - 1), settings)).toBe(false);
  expect(releaseDue(claimed, at(2 * HOUR + 15 * MIN), settings)).toBe(true);
  expect(releaseDue({ ...claimed, lastEventAt: at(HOUR) }, at(2 * HOUR + 15 * MIN), settings)).toBe(false);
  expect(releaseDue({ ...claimed, waiting: { reason: '等配件', until: at(DAY), parts: true } }, at(5 * HOUR), settings)).toBe(false);
  expect(releaseDue({ ...claimed, status: 'on_site', arrivedAt: at(MIN) }, at(DAY), settings)).toBe(false);
  // A complaint has no on-site step: its handler keeps it; the resolution limit escalates.
  expect(releaseDue({ ...claimed, kind: 'complaint', onSiteDueAt: undefined }, at(DAY), settings)).toBe(false);
});

test('weekly progress: week numbers while the ticket is live', () => {
  expect(progressWeekDue(ticket(), at(7 * DAY - 1), settings)).toBe(0);
  expect(progressWeekDue(ticket(), at(7 * DAY), settings)).toBe(1);
  expect(progressWeekDue(ticket({ status: 'reopened' }), at(15 * DAY), settings)).toBe(2);
  expect(progressWeekDue(ticket({ status: 'resolved' }), at(15 * DAY), settings)).toBe(0);
});
