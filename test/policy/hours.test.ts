import { defaultOfficePolicy, parseOfficePolicy } from '../../src/config/office';
import { isWithinHours, nextOpening, visitSlots } from '../../src/policy/hours';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const night = { start: '20:00', end: '08:00' };
const day = { start: '08:00', end: '20:00' };
// Shanghai is UTC+8 all year: local 21:00 on 22 Nov is 13:00Z.
const sh = (local: string) => new Date(`${local}+08:00`);
const slotsIso = (slots: { start: Date; end: Date }[]) => slots.map((s) => [s.start.toISOString(), s.end.toISOString()]);

describe('isWithinHours', () => {
  it.each([
    ['2026-11-22T21:00:00', true],
    ['2026-11-22T20:00:00', true],
    ['2026-11-23T00:00:00', true],
    ['2026-11-22T07:59:00', true],
    ['2026-11-22T07:59:59', true],
    ['2026-11-22T08:00:00', false],
    ['2026-11-22T12:00:00', false],
    ['2026-11-22T19:59:00', false],
  ])('night duty 20:00-08:00 at %s → %s', (local, open) => {
    expect(isWithinHours(sh(local), night, SH)).toBe(open);
  });

  it.each([
    ['2026-11-22T08:00:00', true],
    ['2026-11-22T19:59:00', true],
    ['2026-11-22T20:00:00', false],
    ['2026-11-22T07:59:00', false],
  ])('front desk 08:00-20:00 at %s → %s', (local, open) => {
    expect(isWithinHours(sh(local), day, SH)).toBe(open);
  });

  it('treats 00:00-24:00 as always open', () => {
    expect(isWithinHours(sh('2026-11-22T00:00:00'), { start: '00:00', end: '24:00' }, SH)).toBe(true);
    expect(isWithinHours(sh('2026-11-22T23:59:59'), { start: '00:00', end: '24:00' }, SH)).toBe(true);
  });

  it('reads the hours in the given zone', () => {
    // 13:00Z is 21:00 in Shanghai but 08:00 in New York (EST)
    const t = new Date('2026-11-22T13:00:00Z');
    expect(isWithinHours(t, day, SH)).toBe(false);
    expect(isWithinHours(t, day, NY)).toBe(true);
  });
});

describe('nextOpening', () => {
  it('is later today before the window starts', () => {
    expect(nextOpening(sh('2026-11-22T06:00:00'), day, SH).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });

  it('is the given instant when the window starts exactly then', () => {
    expect(nextOpening(sh('2026-11-22T08:00:00'), day, SH).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });

  it('is tomorrow once today’s window has started', () => {
    expect(nextOpening(sh('2026-11-22T09:00:00'), day, SH).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    // during the night window, the next opening is the following evening, 23 Nov 20:00 local
    expect(nextOpening(sh('2026-11-22T21:00:00'), night, SH).toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });

  it('crosses the end of a month', () => {
    expect(nextOpening(sh('2026-11-30T21:00:00'), day, SH).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('keeps local 08:00 across a DST change', () => {
    // Sat 7 Mar 2026 10:00 EST; next 08:00 is Sun 8 Mar, already EDT (UTC-4) → 12:00Z
    expect(nextOpening(new Date('2026-03-07T15:00:00Z'), day, NY).toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });
});

describe('visitSlots', () => {
  const policy = defaultOfficePolicy({ staffChatId: -100, timezone: SH }); // 08:00-18:00, 2h, 6 slots, 1h lead

  it('skips to tomorrow near the end of the day', () => {
    // 15:30 local + 1 h lead = 16:30: the 16-18 slot has started, so tomorrow 08-10 … and 24 Nov 08-10
    expect(slotsIso(visitSlots(sh('2026-11-22T15:30:00'), policy))).toEqual([
      ['2026-11-23T00:00:00.000Z', '2026-11-23T02:00:00.000Z'],
      ['2026-11-23T02:00:00.000Z', '2026-11-23T04:00:00.000Z'],
      ['2026-11-23T04:00:00.000Z', '2026-11-23T06:00:00.000Z'],
      ['2026-11-23T06:00:00.000Z', '2026-11-23T08:00:00.000Z'],
      ['2026-11-23T08:00:00.000Z', '2026-11-23T10:00:00.000Z'],
      ['2026-11-24T00:00:00.000Z', '2026-11-24T02:00:00.000Z'],
    ]);
  });

  it('offers a slot starting exactly at now + lead', () => {
    // 15:00 local + 1 h = 16:00: today's 16-18 (08:00Z-10:00Z) is the first slot
    const slots = visitSlots(sh('2026-11-22T15:00:00'), policy);
    expect(slotsIso(slots)[0]).toEqual(['2026-11-22T08:00:00.000Z', '2026-11-22T10:00:00.000Z']);
    expect(slotsIso(slots)[1]).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-23T02:00:00.000Z']);
    expect(slots).toHaveLength(6);
  });

  it('offers only whole slots inside the window', () => {
    const p = parseOfficePolicy({ visits: { start: '08:00', end: '13:00', slotLength: '2h', slotsOffered: 3, minLead: '0m' } }, { staffChatId: -100, timezone: SH, source: 't' });
    // 08-10, 10-12 fit; 12-14 would run past 13:00
    expect(slotsIso(visitSlots(sh('2026-11-22T09:00:00'), p))).toEqual([
      ['2026-11-22T02:00:00.000Z', '2026-11-22T04:00:00.000Z'],
      ['2026-11-23T00:00:00.000Z', '2026-11-23T02:00:00.000Z'],
      ['2026-11-23T02:00:00.000Z', '2026-11-23T04:00:00.000Z'],
    ]);
  });

  it('runs over midnight', () => {
    const p = parseOfficePolicy({ visits: { start: '20:00', end: '02:00', slotLength: '2h', slotsOffered: 4, minLead: '30m' } }, { staffChatId: -100, timezone: SH, source: 't' });
    // 21:30 + 30 min = 22:00 → 22-24, 00-02, then the next evening 20-22, 22-24
    expect(slotsIso(visitSlots(sh('2026-11-22T21:30:00'), p))).toEqual([
      ['2026-11-22T14:00:00.000Z', '2026-11-22T16:00:00.000Z'],
      ['2026-11-22T16:00:00.000Z', '2026-11-22T18:00:00.000Z'],
      ['2026-11-23T12:00:00.000Z', '2026-11-23T14:00:00.000Z'],
      ['2026-11-23T14:00:00.000Z', '2026-11-23T16:00:00.000Z'],
    ]);
  });

  it('finds the rest of a window that opened yesterday', () => {
    const p = parseOfficePolicy({ visits: { start: '20:00', end: '04:00', slotLength: '2h', slotsOffered: 2, minLead: '30m' } }, { staffChatId: -100, timezone: SH, source: 't' });
    // 23 Nov 00:30 local + 30 min = 01:00: the 22 Nov window still has 02-04 (22 Nov 18:00Z)
    expect(slotsIso(visitSlots(sh('2026-11-23T00:30:00'), p))).toEqual([
      ['2026-11-22T18:00:00.000Z', '2026-11-22T20:00:00.000Z'],
      ['2026-11-23T12:00:00.000Z', '2026-11-23T14:00:00.000Z'],
    ]);
  });

  it('keeps wall-clock slots across a DST change', () => {
    const p = parseOfficePolicy({ visits: { slotsOffered: 2 } }, { staffChatId: -100, timezone: NY, source: 't' });
    // Sat 7 Mar 17:30 EST: nothing left today; Sun 8 Mar 08-10 and 10-12 EDT (UTC-4)
    expect(slotsIso(visitSlots(new Date('2026-03-07T22:30:00Z'), p))).toEqual([
      ['2026-03-08T12:00:00.000Z', '2026-03-08T14:00:00.000Z'],
      ['2026-03-08T14:00:00.000Z', '2026-03-08T16:00:00.000Z'],
    ]);
  });

  it('returns nothing when a slot cannot fit in the window', () => {
    const p = parseOfficePolicy({ visits: { start: '08:00', end: '09:00', slotLength: '2h' } }, { staffChatId: -100, timezone: SH, source: 't' });
    expect(visitSlots(sh('2026-11-22T06:00:00'), p)).toEqual([]);
  });
});
