/**
 * The benchmark's fake Bot API must refuse what Telegram refuses, or the benchmark's
 * "0 × 429" would prove nothing: over 30 a second, over 20 a minute to a group, over 4 a
 * second to one chat, each answered 429 with a retry_after.
 */
import { busiestWindow, startLimitedTelegram, TELEGRAM_LIMITS, type LimitedTelegram } from '../../bench/limitedTelegram';

let fake: LimitedTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function send(chatId: number, text: string): Promise<{ ok: boolean; error_code?: number; parameters?: { retry_after: number } }> {
  const response = await fetch(`${fake!.apiRoot}/bot1:TEST/sendMessage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: chatId, text }),
  });
  return (await response.json()) as { ok: boolean; error_code?: number; parameters?: { retry_after: number } };
}

test('the 31st message within a second is refused with retry_after', async () => {
  // The fake's clock stands still: all 31 are within one second however slow the machine is.
  fake = await startLimitedTelegram(TELEGRAM_LIMITS, () => 1_000_000);
  const answers = [];
  for (let i = 0; i < 31; i++) answers.push(await send(1000 + i, `m${i}`));
  expect(answers.slice(0, 30).every((a) => a.ok)).toBe(true);
  expect(answers[30]).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 1 } });
  expect(fake.accepted).toHaveLength(30);
  expect(fake.refused).toEqual([expect.objectContaining({ chatId: 1030, reason: 'overall per second' })]);
});

test("a group's 21st message within a minute is refused, for about a minute", async () => {
  fake = await startLimitedTelegram({ ...TELEGRAM_LIMITS, perSecond: 1000, perChatPerSecond: 1000 });
  for (let i = 0; i < 20; i++) expect((await send(-100, `g${i}`)).ok).toBe(true);
  const refused = await send(-100, 'g20');
  expect(refused).toMatchObject({ ok: false, error_code: 429 });
  expect(refused.parameters!.retry_after).toBeGreaterThanOrEqual(59);
  // Another group is not affected.
  expect((await send(-200, 'other')).ok).toBe(true);
  expect(busiestWindow(fake.accepted, 60_000, -100)).toBe(20);
});

test('a fifth message to one chat within a second is refused', async () => {
  fake = await startLimitedTelegram(TELEGRAM_LIMITS, () => 1_000_000);
  for (let i = 0; i < 4; i++) expect((await send(7, `p${i}`)).ok).toBe(true);
  expect(await send(7, 'p4')).toMatchObject({ ok: false, error_code: 429 });
  expect(fake.refused[0].reason).toBe('per chat per second');
});

test('busiestWindow counts the most messages in any window of the given length', () => {
  const at = (ms: number, chatId = 1) => ({ chatId, text: '', at: ms });
  const accepted = [at(0), at(400), at(999), at(1000), at(1500, 2), at(2600)];
  expect(busiestWindow(accepted, 1000)).toBe(3);
  expect(busiestWindow(accepted, 1000, 1)).toBe(3);
  expect(busiestWindow(accepted, 3000)).toBe(6);
});
