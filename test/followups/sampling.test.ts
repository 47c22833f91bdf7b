/**
 * Sampling the everyday closures: random per closure (not "the first N"), yet on the share
 * after every closure, so the month ends on it; and the coverage rules: every mandatory kind
 * always, anonymous and invalid complaints never. Pure functions with a seeded random source.
 */
import { DEFAULT_FOLLOWUPS } from '../../src/followups/config';
import { coverageOf, timingClass } from '../../src/followups/coverage';
import { blockLength, decideSample, nextDraw, seededRandom, type DrawState } from '../../src/followups/sampling';
import type { ComplaintClass, TicketState } from '../../src/tickets/types';

function ticket(shape: Partial<TicketState> & Pick<TicketState, 'kind'>): TicketState {
  return { anonymous: false, report: { description: '', media: [], location: '', atHome: true }, ...shape } as TicketState;
}
const repair = (repairKind: 'household' | 'public' | 'defect' | 'equipment', paid = false) =>
  ticket({ kind: 'repair', report: { description: '', media: [], location: '', atHome: true, repairKind, category: 'x', ...(paid ? { agreedPrice: { amount: 80, unit: '次' } } : {}) } });
const complaint = (cls: ComplaintClass | undefined, anonymous = false) => ticket({ kind: 'complaint', anonymous, complaint: { subject: 'service', when: '', wants: '', class: cls } });

test('over 1,000 closures the sample lands on the share (±3 points), and is on it after every block', () => {
  for (const share of [0.1, 0.2, 0.35, 0.123]) {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const length = blockLength(share);
      let state: DrawState | undefined;
      let worst = 0;
      let worstAtBlockEnd = 0;
      for (let n = 1; n <= 1003; n++) {
        state = nextDraw(state, share, random());
        const off = Math.abs(state.selectedCount - share * n);
        worst = Math.max(worst, off);
        if (n % length === 0) worstAtBlockEnd = Math.max(worstAtBlockEnd, off);
      }
      // Never further off than one block's draws; exact (to the closure) when a block ends.
      expect(worst).toBeLessThanOrEqual(share * length + 1);
      expect(worstAtBlockEnd).toBeLessThanOrEqual(0.5);
      expect(Math.abs(state!.selectedCount / 1003 - share)).toBeLessThanOrEqual(0.03);
    }
  }
});

test('random per closure: every closure has about the share as its chance, not the first ones of the month', () => {
  const runs = 4000;
  for (const share of [0.2, 0.35]) {
    const chosen = new Array(25).fill(0);
    for (let seed = 0; seed < runs; seed++) {
      const random = seededRandom(1000 + seed);
      let state: DrawState | undefined;
      for (let n = 0; n < chosen.length; n++) {
        const draw = nextDraw(state, share, random());
        if (draw.selected) chosen[n]++;
        state = draw;
      }
    }
    // The first of the month as likely as the fifth or the twenty-fifth.
    for (const count of chosen) expect(Math.abs(count / runs - share)).toBeLessThan(0.03);
  }
  // Different months (seeds) pick different closures.
  const picks = (seed: number) => {
    const random = seededRandom(seed);
    let state: DrawState | undefined;
    return Array.from({ length: 20 }, () => (state = nextDraw(state, 0.2, random())).selected);
  };
  expect(new Set([1, 2, 3, 4, 5].map((s) => JSON.stringify(picks(s)))).size).toBeGreaterThan(1);
});

test('within a block: still-to-draw over places-left; certain when they are equal, impossible when nothing is owed', () => {
  expect([0.2, 0.25, 0.5, 0.35, 0.123].map(blockLength)).toEqual([5, 4, 2, 20, 20]);
  expect(decideSample(0.2, 1, 0, 0.19)).toBe(true); // 1 owed, 5 places
  expect(decideSample(0.2, 1, 0, 0.21)).toBe(false);
  expect(decideSample(0.2, 4, 0, 0.49)).toBe(true); // 1 owed, 2 places
  expect(decideSample(0.2, 5, 0, 0.9999)).toBe(true); // the block's last place
  expect(decideSample(0.2, 3, 1, 0)).toBe(false); // this block's one is drawn
  expect(decideSample(0.2, 15, 2, 0.9999)).toBe(true); // 0.2 × 15 is 3.0000000000000004 in floating point
  expect(decideSample(0.2, 6, 1, 0.19)).toBe(true); // a new block
  expect(decideSample(1, 7, 6, 0.99)).toBe(true);
  expect(decideSample(0, 7, 0, 0)).toBe(false);
});

test('a month of 1,000 mixed closures: every mandatory kind covered, the sampled ones at the share, anonymous and invalid never', () => {
  const random = seededRandom(42);
  const kinds: [string, TicketState][] = [
    ['paid', repair('household', true)],
    ['defect', repair('defect')],
    ['emergency', ticket({ kind: 'emergency', emergency: { what: 'flood' } })],
    ['valid', complaint('valid')],
    ['major', complaint('major')],
    ['unclassified', complaint(undefined)],
    ['anonymous', complaint('valid', true)],
    ['invalid', complaint('invalid')],
    ['household', repair('household')],
    ['public', repair('public')],
    ['equipment', repair('equipment')],
    ['help', complaint('help')],
    ['venting', complaint('venting')],
    ['inquiry', ticket({ kind: 'inquiry' })],
  ];
  const pools = new Map<string, DrawState>();
  const seen = new Map<string, { closures: number; followed: number }>();
  const byPool = new Map<string, { closures: number; followed: number }>();
  for (let i = 0; i < 1000; i++) {
    // Everyday closures are most of a month: 3 in 4.
    const [name, t] = random() < 0.25 ? kinds[Math.floor(random() * 8)] : kinds[8 + Math.floor(random() * 6)];
    const { coverage, rule } = coverageOf(t, DEFAULT_FOLLOWUPS, false);
    let followed = rule === 'always';
    if (rule === 'sampled') {
      const draw = nextDraw(pools.get(coverage), DEFAULT_FOLLOWUPS.share, random());
      pools.set(coverage, draw);
      followed = draw.selected;
      const pool = byPool.get(coverage) ?? { closures: 0, followed: 0 };
      byPool.set(coverage, { closures: pool.closures + 1, followed: pool.followed + (followed ? 1 : 0) });
    }
    const s = seen.get(name) ?? { closures: 0, followed: 0 };
    seen.set(name, { closures: s.closures + 1, followed: s.followed + (followed ? 1 : 0) });
  }
  for (const name of ['paid', 'defect', 'emergency', 'valid', 'major', 'unclassified']) {
    const s = seen.get(name)!;
    expect(s.closures).toBeGreaterThan(10);
    expect(`${name}: ${s.followed}/${s.closures}`).toBe(`${name}: ${s.closures}/${s.closures}`);
  }
  for (const name of ['anonymous', 'invalid']) expect(seen.get(name)!.followed).toBe(0);
  expect([...byPool.keys()].sort()).toEqual(['help', 'inquiry', 'repair']);
  for (const [pool, { closures, followed }] of byPool) {
    expect(closures).toBeGreaterThan(50);
    expect(`${pool} ${Math.abs(followed / closures - 0.2) <= 0.03}`).toBe(`${pool} true`);
  }
});

test('a rework after a dissatisfied answer is always followed up, an anonymous one still never', () => {
  expect(coverageOf(repair('public'), DEFAULT_FOLLOWUPS, true)).toEqual({ coverage: 'rework', rule: 'always' });
  expect(coverageOf(complaint('valid', true), DEFAULT_FOLLOWUPS, true)).toEqual({ coverage: 'anonymous', rule: 'never' });
});

test("the timing row follows SPEC.md's table", () => {
  expect(timingClass(complaint('valid'))).toBe('complaint');
  expect(timingClass(repair('public'))).toBe('repair');
  expect(timingClass(repair('defect'))).toBe('repair');
  expect(timingClass(repair('household', true))).toBe('paid');
  expect(timingClass(ticket({ kind: 'emergency' }))).toBe('emergency');
  expect(timingClass(ticket({ kind: 'inquiry' }))).toBe('other');
  expect(DEFAULT_FOLLOWUPS.within).toEqual({ complaint: 3 * 86_400_000, repair: 5 * 86_400_000, paid: 86_400_000, emergency: 7 * 86_400_000, other: 7 * 86_400_000 });
});
