import { ManualClock, systemClock } from '../../src/clock';

describe('ManualClock', () => {
  it('stays put until set or advanced', () => {
    const clock = new ManualClock(new Date('2026-11-22T06:30:00Z'));
    expect(clock.now().toISOString()).toBe('2026-11-22T06:30:00.000Z');
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-11-22T08:00:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('does not let callers move it by mutating the returned Date', () => {
    const clock = new ManualClock(new Date('2026-11-22T06:30:00Z'));
    clock.now().setTime(0);
    expect(clock.now().toISOString()).toBe('2026-11-22T06:30:00.000Z');
  });
});

describe('systemClock', () => {
  it('follows the real time', () => {
    const before = Date.now();
    const t = systemClock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});
