/**
 * The sampling decision is stored, once per closure: two instances drawing at the same time
 * take consecutive numbers and land exactly on the share, and a restart (or a closure decided
 * again after a crash) reads the stored decision back instead of drawing again.
 */
import { ensureFollowupIndexes, followupModels } from '../../src/followups/model';
import { SampleDraws, seededRandom } from '../../src/followups/sampling';
import { createHarness, type Harness } from '../support/harness';
import { user } from '../support/updates';
import { closedRepair, followupTestPolicy, shanghai, surveysOf, work } from './support';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ policy: followupTestPolicy(), start: shanghai('2026-11-23T10:00:00') });
  await ensureFollowupIndexes(h.database.models);
});
afterAll(async () => {
  await h.close();
});

test('two instances drawing 30 closures at once: numbers 1-30 once each, exactly 6 drawn, and asked again the same answers', async () => {
  const models = followupModels(h.database.conn);
  const [a, b] = [new SampleDraws(models, seededRandom(1)), new SampleDraws(models, seededRandom(2))];
  const ids = Array.from({ length: 30 }, (_, i) => `ZX-20261120-${String(i + 1).padStart(3, '0')}.4`);
  const at = h.clock.now();
  // Each closure asked by both instances, all at once.
  const decisions = await Promise.all(ids.flatMap((id) => [a.decide(id, 'inquiry', '2026-11', 0.2, at), b.decide(id, 'inquiry', '2026-11', 0.2, at)]));
  for (let i = 0; i < ids.length; i++) expect(decisions[2 * i]).toBe(decisions[2 * i + 1]);

  const draws = await models.SampleDraw.find({ pool: 'inquiry', month: '2026-11' }).sort({ n: 1 }).lean();
  expect(draws.map((d) => d.n)).toEqual(ids.map((_, i) => i + 1));
  expect(draws.filter((d) => d.selected)).toHaveLength(6);
  // One in every block of five, wherever the dice put it.
  for (let block = 0; block < 6; block++) expect(draws.slice(block * 5, block * 5 + 5).filter((d) => d.selected)).toHaveLength(1);

  // A "restart": a new instance whose dice would say yes to everything reads the stored answers.
  const eager = new SampleDraws(models, () => 0);
  const again = await Promise.all(ids.map((id) => eager.decide(id, 'inquiry', '2026-11', 0.2, at)));
  expect(again).toEqual(ids.map((_, i) => decisions[2 * i]));
  // Another month (or class) starts its own count.
  expect(await eager.decide('ZX-20261201-001.4', 'inquiry', '2026-12', 0.2, at)).toBe(true);
  expect(await models.SampleDraw.findById('ZX-20261201-001.4').lean()).toMatchObject({ n: 1 });
});

test('everyday closures: the share drawn; after a restart and a crash that lost the surveys, the same ones again', async () => {
  const refs: string[] = [];
  for (let i = 0; i < 15; i++) {
    const resident = user(700 + i, `R${i}`, { language_code: 'zh-hans' });
    refs.push((await closedRepair(h, resident, { location: `${i + 1}栋大堂` }, false)).ref);
  }
  await work(h, 11).closures.tick();
  const statuses = async () => Promise.all(refs.map(async (ref) => (await surveysOf(h, ref))[0]?.status));
  const first = await statuses();
  expect(first.filter((s) => s === 'scheduled')).toHaveLength(3);
  expect(first.filter((s) => s === 'skipped')).toHaveLength(12);
  expect((await surveysOf(h, refs[0]))[0]).toMatchObject({ coverage: 'repair', sampled: true });

  // The survey documents and the watermark are lost; a new process with other dice decides again.
  const models = followupModels(h.database.conn);
  await models.Survey.deleteMany({ ref: { $in: refs } });
  await models.Watermark.deleteMany({});
  await h.restart();
  await work(h, 999).closures.tick();
  expect(await statuses()).toEqual(first);
});
