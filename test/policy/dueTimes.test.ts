import { defaultOfficePolicy, findCategory, parseOfficePolicy } from '../../src/config/office';
import { autoConfirmAt, onSiteDueAt, repairDueTimes } from '../../src/policy/dueTimes';

const policy = defaultOfficePolicy({ staffChatId: -100, timezone: 'Asia/Shanghai' });
const created = new Date('2026-11-22T06:30:00Z');
const iso = (d: Date) => d.toISOString();

describe('repairDueTimes', () => {
  it('gives a paid repair 20 minutes for the quote and 1 day to fix', () => {
    const due = repairDueTimes(created, findCategory(policy, 'household', 'unblock')!, policy);
    expect(iso(due.responseDueAt)).toBe('2026-11-22T06:50:00.000Z');
    expect(iso(due.resolutionDueAt)).toBe('2026-11-23T06:30:00.000Z');
  });

  it('gives a free repair 5 minutes to reach the department', () => {
    const due = repairDueTimes(created, findCategory(policy, 'household', 'inspect')!, policy);
    expect(iso(due.responseDueAt)).toBe('2026-11-22T06:35:00.000Z');
  });

  it('uses the category resolution time', () => {
    expect(iso(repairDueTimes(created, findCategory(policy, 'defect', 'waterproof')!, policy).resolutionDueAt)).toBe('2026-12-12T06:30:00.000Z');
    expect(iso(repairDueTimes(created, findCategory(policy, 'public', 'unblock')!, policy).resolutionDueAt)).toBe('2026-11-24T06:30:00.000Z');
  });

  it('follows configured limits', () => {
    const p = parseOfficePolicy({ response: { dispatch: '2m', paidQuote: '1h' } }, { staffChatId: -100, timezone: 'Asia/Shanghai', source: 't' });
    expect(iso(repairDueTimes(created, findCategory(p, 'household', 'inspect')!, p).responseDueAt)).toBe('2026-11-22T06:32:00.000Z');
    expect(iso(repairDueTimes(created, findCategory(p, 'household', 'install')!, p).responseDueAt)).toBe('2026-11-22T07:30:00.000Z');
  });
});

describe('onSiteDueAt', () => {
  const claimed = new Date('2026-11-22T06:40:00Z');

  it('is 15 minutes after the claim without a booking', () => {
    expect(iso(onSiteDueAt(claimed, null, policy))).toBe('2026-11-22T06:55:00.000Z');
  });

  it('is the end of the booked slot', () => {
    const slot = { slotStart: new Date('2026-11-23T00:00:00Z'), slotEnd: new Date('2026-11-23T02:00:00Z') };
    expect(iso(onSiteDueAt(claimed, slot, policy))).toBe('2026-11-23T02:00:00.000Z');
  });

  it('is never earlier than 15 minutes after the claim', () => {
    const slot = { slotStart: new Date('2026-11-22T04:50:00Z'), slotEnd: new Date('2026-11-22T06:50:00Z') };
    expect(iso(onSiteDueAt(claimed, slot, policy))).toBe('2026-11-22T06:55:00.000Z');
  });
});

describe('autoConfirmAt', () => {
  it('is 3 days after resolution by default', () => {
    expect(iso(autoConfirmAt(created, policy))).toBe('2026-11-25T06:30:00.000Z');
  });

  it('follows the configured quiet period', () => {
    const p = parseOfficePolicy({ confirmation: { autoConfirmAfter: '12h' } }, { staffChatId: -100, timezone: 'Asia/Shanghai', source: 't' });
    expect(iso(autoConfirmAt(created, p))).toBe('2026-11-22T18:30:00.000Z');
  });
});
