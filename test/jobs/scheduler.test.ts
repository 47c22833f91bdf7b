/** The scheduler's tick runs every job; one failing job is logged and does not stop the rest. */
import { Scheduler } from '../../src/jobs/scheduler';

test('a tick runs each job once, in order, isolating failures', async () => {
  const ran: string[] = [];
  const errors: string[] = [];
  const scheduler = new Scheduler(
    [
      { name: 'first', run: async () => void ran.push('first') },
      { name: 'broken', run: async () => { throw new Error('boom'); } },
      { name: 'last', run: async () => void ran.push('last') },
    ],
    { error: (obj) => errors.push((obj as { job: string }).job), debug: () => {} },
  );
  await scheduler.tick();
  expect(ran).toEqual(['first', 'last']);
  expect(errors).toEqual(['broken']);
  await scheduler.stop(); // never started: stopping is harmless
});
