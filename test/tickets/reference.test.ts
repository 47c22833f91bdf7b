import { formatRef, kindOfRef, parseRef, REF_PREFIX } from '../../src/tickets/reference';

describe('formatRef', () => {
  it('uses the pinyin prefixes', () => {
    expect(REF_PREFIX).toEqual({ repair: 'BX', complaint: 'TS', emergency: 'JJ', inquiry: 'ZX', task: 'NB' });
  });

  it.each([
    ['repair', 7, 'BX-20261122-007'],
    ['complaint', 3, 'TS-20261122-003'],
    ['emergency', 42, 'JJ-20261122-042'],
    ['inquiry', 999, 'ZX-20261122-999'],
    ['task', 5, 'NB-20261122-005'],
    ['repair', 1000, 'BX-20261122-1000'],
    ['repair', 12345, 'BX-20261122-12345'],
  ] as const)('%s #%d → %s', (kind, n, ref) => {
    expect(formatRef(kind, '2026-11-22', n)).toBe(ref);
  });

  it('rejects bad input', () => {
    expect(() => formatRef('repair', '20261122', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => formatRef('repair', '2026-11-22', 0)).toThrow(/positive integer/);
    expect(() => formatRef('repair', '2026-11-22', 1.5)).toThrow(/positive integer/);
  });
});

describe('parseRef', () => {
  it.each([
    'BX-20261122-007',
    'bx-20261122-007',
    'Bx 20261122 007',
    ' BX - 20261122 - 007 ',
    'bx20261122007',
    'BX20261122-007',
    'BX-20261122007',
    'BX－20261122－007',
    'ＢＸ－２０２６１１２２－００７',
    'BX—20261122—007',
    'BX_20261122_007',
    'BX-20261122-7',
    'BX-20261122-0007',
    '#BX-20261122-007',
    'BX-20261122-007。',
  ])('%p → BX-20261122-007', (text) => {
    expect(parseRef(text)).toBe('BX-20261122-007');
  });

  it('keeps long sequences', () => {
    expect(parseRef('ts202611221000')).toBe('TS-20261122-1000');
    expect(parseRef('TS-20261122-1000')).toBe('TS-20261122-1000');
  });

  it.each([
    '',
    'hello',
    'XX-20261122-007', // unknown prefix
    'BX-2026112-007', // 7-digit date
    'BX-20261322-007', // month 13
    'BX-20261100-007', // day 0
    'BX-20261122-000',
    'BX2026112207', // unpadded sequence without a dash
    'BX-20261122',
    'BX-20261122-007 please',
    '{"$gt": ""}',
  ])('rejects %p', (text) => {
    expect(parseRef(text)).toBeNull();
  });

  it('reads an office\'s own task prefix only when told it', () => {
    expect(formatRef('task', '2026-11-22', 8, 'RW')).toBe('RW-20261122-008');
    expect(parseRef('rw20261122008')).toBeNull();
    expect(parseRef('rw20261122008', ['RW'])).toBe('RW-20261122-008');
    expect(parseRef('nb-20261122-8')).toBe('NB-20261122-008');
  });

  it('round-trips formatRef', () => {
    expect(parseRef(formatRef('emergency', '2027-01-05', 12))).toBe('JJ-20270105-012');
  });
});

describe('kindOfRef', () => {
  it('reads the kind from the prefix', () => {
    expect(kindOfRef('BX-20261122-007')).toBe('repair');
    expect(kindOfRef('TS-20261122-003')).toBe('complaint');
    expect(kindOfRef('jj20261122001')).toBe('emergency');
    expect(kindOfRef('ZX-20261122-010')).toBe('inquiry');
    expect(kindOfRef('NB-20261122-010')).toBe('task');
    expect(kindOfRef('QQ-20261122-010')).toBeNull();
    expect(kindOfRef('nonsense')).toBeNull();
  });
});
