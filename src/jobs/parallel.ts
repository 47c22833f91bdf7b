/**
 * Working through a tick's items a few at a time. A scheduled job's items (due tickets,
 * closures) are independent, and each costs a dozen database round trips: in series, 100 of
 * them took seconds even when every round trip took a millisecond.
 */

/** Runs `work` on every item, at most `limit` at once, and returns the results in the items' order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Runs `work` on every item, the items of one ticket (`refOf`) in turn — they append to one
 * log — and different tickets side by side, at most `limit` at once. Results in no set order.
 */
export async function perTicketInParallel<T, R>(items: readonly T[], refOf: (item: T) => string, limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const byTicket = new Map<string, T[]>();
  for (const item of items) byTicket.set(refOf(item), [...(byTicket.get(refOf(item)) ?? []), item]);
  const perTicket = await inParallel([...byTicket.values()], limit, async (ticketItems) => {
    const results: R[] = [];
    for (const item of ticketItems) results.push(await work(item));
    return results;
  });
  return perTicket.flat();
}
