/** The times staff type when rescheduling, read in the office's time zone. */
import { parseTypedDateTime } from '../../src/time/typedDateTime';

const TZ = 'Asia/Shanghai';
const now = new Date('2026-11-23T02:00:00Z'); // 10:00 in Shanghai
const read = (text: string, at = now) => parseTypedDateTime(text, at, TZ)?.toISOString() ?? null;

test('full dates, with any of the usual separators, full-width digits and colons', () => {
  for (const text of ['2026-11-25 14:00', '2026/11/25 14:00', '2026.11.25 14:00', '2026-11-25 14:00', '２０２６－１１－２５　１４：００', '2026-11-25  14:00 ']) {
    expect([text, read(text)]).toEqual([text, '2026-11-25T06:00:00.000Z']);
  }
  expect(read('2026-11-25 9:05')).toBe('2026-11-25T01:05:00.000Z');
});

test('without a year: this year, or next year for a date long past (typed in December for January)', () => {
  expect(read('11-25 14:00')).toBe('2026-11-25T06:00:00.000Z');
  expect(read('11/25 14:00')).toBe('2026-11-25T06:00:00.000Z');
  expect(read('11-20 10:00')).toBe('2026-11-20T02:00:00.000Z'); // a few days ago stays in the past: the scene says so
  expect(read('01-05 09:00', new Date('2026-12-30T02:00:00Z'))).toBe('2027-01-05T01:00:00.000Z');
});

test('Chinese month and day, with 点 for the hour', () => {
  expect(read('11月25日 14:00')).toBe('2026-11-25T06:00:00.000Z');
  expect(read('11月25号14点')).toBe('2026-11-25T06:00:00.000Z');
  expect(read('2027年1月3日 8点30')).toBe('2027-01-03T00:30:00.000Z');
});

test('anything else, or a day that does not exist, is not a time', () => {
  for (const text of ['', '明天', '下周吧', '14:00', '11-25', '2026-13-01 10:00', '2026-02-30 10:00', '11-25 24:00', '11-25 10:60', '2026-11-25T14:00', 'x'.repeat(50)]) {
    expect([text, read(text)]).toEqual([text, null]);
  }
});
