import { formatDuration, parseDuration } from '../../src/time/duration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['3d', 259_200_000],
    ['1w', 604_800_000],
    ['1h30m', 5_400_000],
    ['1d12h', 129_600_000],
    [' 1h 30m ', 5_400_000],
    ['2H', 7_200_000],
    ['0m', 0],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('rejects a bare number, saying a unit is needed and giving an example', () => {
    expect(() => parseDuration('5')).toThrow(/no unit/);
    expect(() => parseDuration('5')).toThrow(/"5m"/);
  });

  it.each(['', 'abc', '5x', '1.5h', 'h', '30m1h', '1h1h', '-5m', '5 minutes'])('rejects %p', (text) => {
    expect(() => parseDuration(text)).toThrow(/duration/i);
  });
});

describe('formatDuration', () => {
  it.each([
    [2 * 86_400_000, '2天', '2 days'],
    [86_400_000, '1天', '1 day'],
    [15 * 60_000, '15分钟', '15 minutes'],
    [90 * 60_000, '1小时30分钟', '1 hour 30 minutes'],
    [30_000, '30秒', '30 seconds'],
    // 1 d 2 h 30 m: only the two largest parts are shown
    [95_400_000, '1天2小时', '1 day 2 hours'],
    // 1 d 0 h 5 m: the minutes are not shown next to days with the hours missing between
    [86_700_000, '1天', '1 day'],
    [0, '0秒', '0 seconds'],
    [-5 * 60_000, '-5分钟', '-5 minutes'],
  ])('%d ms → %s / %s', (ms, zh, en) => {
    expect(formatDuration(ms, 'zh-CN')).toBe(zh);
    expect(formatDuration(ms, 'en')).toBe(en);
  });
});
