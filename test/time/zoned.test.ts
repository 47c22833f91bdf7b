import {
  formatDateTime,
  formatTime,
  isValidTimeZone,
  localDateKey,
  localMonthKey,
  localParts,
  parseHHMM,
  zonedTime,
} from '../../src/time/zoned';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const iso = (d: Date) => d.toISOString();

describe('localParts', () => {
  it('gives Shanghai wall time (UTC+8) and weekday', () => {
    // 2026-11-22 is a Sunday
    expect(localParts(new Date('2026-11-22T06:30:15Z'), SH)).toEqual({
      year: 2026, month: 11, day: 22, hour: 14, minute: 30, second: 15, weekday: 0,
    });
  });

  it('uses 0 for midnight, not 24', () => {
    expect(localParts(new Date('2026-11-22T16:00:00Z'), SH).hour).toBe(0);
  });

  it('follows New York DST (EST -5 in winter, EDT -4 in summer)', () => {
    expect(localParts(new Date('2026-01-15T17:00:00Z'), NY).hour).toBe(12);
    expect(localParts(new Date('2026-07-15T16:00:00Z'), NY).hour).toBe(12);
  });
});

describe('date keys', () => {
  it('use the local date, which can differ from the UTC date', () => {
    const d = new Date('2026-11-30T16:30:00Z'); // 2026-12-01 00:30 in Shanghai
    expect(localDateKey(d, SH)).toBe('2026-12-01');
    expect(localMonthKey(d, SH)).toBe('2026-12');
    expect(localDateKey(d, NY)).toBe('2026-11-30');
    expect(localMonthKey(d, NY)).toBe('2026-11');
  });
});

describe('zonedTime', () => {
  it('finds the instant of a Shanghai wall time', () => {
    expect(iso(zonedTime(SH, 2026, 11, 22, 14, 30))).toBe('2026-11-22T06:30:00.000Z');
    expect(iso(zonedTime(SH, 2026, 11, 22))).toBe('2026-11-21T16:00:00.000Z');
  });

  it('rolls over like Date.UTC (24:00 and day 32)', () => {
    expect(iso(zonedTime(SH, 2026, 12, 31, 24, 0))).toBe('2026-12-31T16:00:00.000Z');
    expect(iso(zonedTime(SH, 2026, 1, 32, 8, 0))).toBe('2026-02-01T00:00:00.000Z');
  });

  // US DST 2026: starts Sun 8 March 02:00 EST, ends Sun 1 November 02:00 EDT.
  it('uses the right offset either side of spring-forward', () => {
    expect(iso(zonedTime(NY, 2026, 3, 8, 1, 30))).toBe('2026-03-08T06:30:00.000Z');
    expect(iso(zonedTime(NY, 2026, 3, 8, 3, 0))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedTime(NY, 2026, 7, 1, 12, 0))).toBe('2026-07-01T16:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap forward by the gap', () => {
    // 02:30 does not exist on 8 March; 02:30 EST = 07:30Z, which reads 03:30 EDT
    expect(iso(zonedTime(NY, 2026, 3, 8, 2, 30))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier of the two 01:30s at fall-back', () => {
    expect(iso(zonedTime(NY, 2026, 11, 1, 1, 30))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTime(NY, 2026, 11, 1, 3, 0))).toBe('2026-11-01T08:00:00.000Z');
  });
});

describe('parseHHMM', () => {
  it.each([
    ['08:00', 8, 0],
    ['8:00', 8, 0],
    ['20:30', 20, 30],
    ['00:00', 0, 0],
    ['24:00', 24, 0],
    [' 23:59 ', 23, 59],
  ])('%p', (text, hour, minute) => {
    expect(parseHHMM(text)).toEqual({ hour, minute });
  });

  it.each(['24:01', '25:00', '8', '08:60', '8:5', 'ab:cd', '', '08:00:00', '-1:00'])('rejects %p', (text) => {
    expect(() => parseHHMM(text)).toThrow(/HH:MM/);
  });
});

describe('formatting', () => {
  const d = new Date('2026-11-22T06:05:00Z');
  it('formats date and time in the office zone, the same for both languages', () => {
    expect(formatDateTime(d, SH, 'zh-CN')).toBe('2026-11-22 14:05');
    expect(formatDateTime(d, SH, 'en')).toBe('2026-11-22 14:05');
    expect(formatDateTime(d, NY, 'en')).toBe('2026-11-22 01:05');
  });

  it('formats the time alone with two-digit hours', () => {
    expect(formatTime(d, SH)).toBe('14:05');
    expect(formatTime(new Date('2026-11-22T16:00:00Z'), SH)).toBe('00:00');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('+08:00 Beijing')).toBe(false);
  });
});
