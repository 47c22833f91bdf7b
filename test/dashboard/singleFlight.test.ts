/** Reads asked at the same time share one answer; a read asked after it ended runs again. */
import { SingleFlight } from '../../src/dashboard/singleFlight';

test('callers at the same time share one read; the next caller reads anew', async () => {
  const shared = new SingleFlight();
  let reads = 0;
  let finish: (n: number) => void = () => undefined;
  const read = () => new Promise<number>((resolve) => {
    reads++;
    finish = resolve;
  });
  const first = shared.run('k', read);
  const second = shared.run('k', read);
  const other = shared.run('other', () => Promise.resolve(-1));
  finish(7);
  expect(await Promise.all([first, second, other])).toEqual([7, 7, -1]);
  expect(reads).toBe(1);
  const third = shared.run('k', read);
  finish(8);
  expect(await third).toBe(8);
  expect(reads).toBe(2);
});

test('a failed read fails its callers and is not kept', async () => {
  const shared = new SingleFlight();
  await expect(shared.run('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  expect(await shared.run('k', () => Promise.resolve('up'))).toBe('up');
});
