/**
 * The follow-up rules: SPEC.md's defaults, an office file changing only what it names, and the
 * send time — after the delay (never later than the office's limit allows), inside the hours.
 */
import { DEFAULT_FOLLOWUPS, followupHours, followupPolicy } from '../../src/followups/config';
import { firstFollowupTimes, recheckTimes } from '../../src/followups/schedule';
import type { OfficePolicy } from '../../src/config/office';
import { testPolicy } from '../support/harness';

const DAY = 86_400_000;
const shanghai = (local: string) => new Date(`${local}+08:00`);
const withFollowups = (followups: unknown) => ({ ...testPolicy(), followups }) as OfficePolicy;

test("SPEC.md's defaults", () => {
  const rules = followupPolicy(testPolicy());
  expect(rules).toEqual(DEFAULT_FOLLOWUPS);
  expect(rules).toMatchObject({ share: 0.2, dissatisfiedAtOrBelow: 2, repeatWindow: 30 * DAY, recheck: { after: 30 * DAY, within: 60 * DAY } });
  expect(rules.coverage).toMatchObject({ complaint: 'always', paid: 'always', defect: 'always', emergency: 'always', repair: 'sampled', help: 'sampled', anonymous: 'never', invalid: 'never' });
  expect(followupHours(testPolicy())).toEqual({ start: '08:00', end: '20:00' });
});

test('an office changes only what it names, also inside the nested rules', () => {
  const rules = followupPolicy(withFollowups({ share: 0.3, within: { repair: 2 * DAY }, coverage: { inquiry: 'never' }, hours: { start: '09:00' }, resendAfter: undefined }));
  expect(rules.share).toBe(0.3);
  expect(rules.within).toEqual({ ...DEFAULT_FOLLOWUPS.within, repair: 2 * DAY });
  expect(rules.coverage).toEqual({ ...DEFAULT_FOLLOWUPS.coverage, inquiry: 'never' });
  expect(rules.resendAfter).toBe(DEFAULT_FOLLOWUPS.resendAfter);
  expect(followupHours(withFollowups({ hours: { start: '09:00' } }))).toEqual({ start: '09:00', end: '20:00' });
});

test('sent after the delay inside the hours; a due time at night moves to the next opening', () => {
  const rules = DEFAULT_FOLLOWUPS;
  const hours = { start: '08:00', end: '20:00' };
  const tz = 'Asia/Shanghai';
  expect(firstFollowupTimes(shanghai('2026-11-23T10:00:00'), 'repair', rules, hours, tz)).toEqual({ dueAt: shanghai('2026-11-24T10:00:00'), deadlineAt: shanghai('2026-11-28T10:00:00') });
  // Paid service: two hours after a 19:59 closure is night: 08:00 the next day, inside its one day.
  expect(firstFollowupTimes(shanghai('2026-11-23T19:59:00'), 'paid', rules, hours, tz)).toEqual({ dueAt: shanghai('2026-11-24T08:00:00'), deadlineAt: shanghai('2026-11-24T19:59:00') });
  // A delay longer than the office's limit is cut to the limit.
  const hasty = { ...rules, delay: { ...rules.delay, paid: 3 * DAY } };
  expect(firstFollowupTimes(shanghai('2026-11-23T10:00:00'), 'paid', hasty, hours, tz).dueAt).toEqual(shanghai('2026-11-24T10:00:00'));
  expect(recheckTimes(shanghai('2026-11-23T21:00:00'), rules, hours, tz).dueAt).toEqual(shanghai('2026-12-24T08:00:00'));
});
