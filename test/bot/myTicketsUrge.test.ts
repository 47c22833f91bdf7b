/**
 * After an urge, My tickets shows when the resident may urge again (the office's
 * residents.urgeInterval, in the office's time zone, in the reader's language) instead of an
 * Urge button that would only be refused. A button from an older view is still refused, and
 * the view is brought up to date.
 */
import { callbackAnswers, fileRepair } from '../support/flows';
import { createHarness, people, testPolicy, type Harness } from '../support/harness';

const { alice, bob } = people;
const MINUTE = 60_000;
let h: Harness;

afterEach(async () => {
  await h.close();
});

const view = (who: typeof alice) => h.fake.messagesIn(who.id).filter((m) => !m.deleted && (m.text ?? '').includes('📄')).at(-1)!;
const buttons = (who: typeof alice) => h.fake.buttonsOf(view(who)).map((b) => b.data);

async function openTicket(who: typeof alice, ref: string): Promise<void> {
  await h.send(h.u.command(who, 'my'));
  await h.press(who, who.id, `my:open:${ref}:0`);
}

test('after an urge the view says when it can be pressed again, and offers the button from then on', async () => {
  h = await createHarness();
  const ref = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '电梯异响' });
  await openTicket(alice, ref);
  expect(buttons(alice)).toContain(`my:urge:${ref}:0`);
  await h.press(alice, alice.id, `my:urge:${ref}:0`);

  // The view, refreshed in place: no Urge button, but when.
  const urged = '🔔 您已于 2026-11-23 10:00 催办，2026-11-23 12:00 后可再次催办。';
  expect(view(alice).text).toContain(urged);
  expect(buttons(alice)).toEqual([`my:add:${ref}:0`, `my:cancel:${ref}:0`, 'my:page:0']);

  // Opened again within the interval: the same.
  h.clock.advance(119 * MINUTE);
  await openTicket(alice, ref);
  expect(view(alice).text).toContain(urged);
  expect(buttons(alice)).not.toContain(`my:urge:${ref}:0`);

  // A button from an older view: refused with the time, and this view is brought up to date.
  const older = h.fake.messagesIn(alice.id).filter((m) => (m.text ?? '').includes('📄')).at(-1)!;
  await h.send(h.u.callback(alice, `my:urge:${ref}:0`, { chatId: alice.id, messageId: older.message_id }));
  expect(callbackAnswers(h).at(-1)).toBe('已经催办过了，2026-11-23 12:00 后可以再次催办。');
  expect((await h.services.tickets.history(ref)).filter((e) => e.type === 'urged')).toHaveLength(1);
  expect(h.fake.message(alice.id, older.message_id)!.text).toContain(urged);

  // Once the interval is over, the button is back and works.
  h.clock.advance(MINUTE);
  await openTicket(alice, ref);
  expect(view(alice).text).not.toContain('后可再次催办');
  expect(buttons(alice)).toContain(`my:urge:${ref}:0`);
  await h.press(alice, alice.id, `my:urge:${ref}:0`);
  expect((await h.services.tickets.history(ref)).filter((e) => e.type === 'urged')).toHaveLength(2);
  expect(view(alice).text).toContain('🔔 您已于 2026-11-23 12:00 催办，2026-11-23 14:00 后可再次催办。');
});

test('the office\'s interval and time zone, in the reader\'s language', async () => {
  const policy = testPolicy({ timezone: 'Europe/London' });
  h = await createHarness({ policy: { ...policy, residents: { ...policy.residents, urgeInterval: 30 * MINUTE } } });
  const ref = await fileRepair(
    h,
    bob,
    { kind: 'household', category: 'inspect', description: 'The lift is noisy' },
    { name: 'Bob Lee', phone: '139 0000 1111', address: 'Building 5 Unit 1 Room 302' },
  );
  await openTicket(bob, ref);
  await h.press(bob, bob.id, `my:urge:${ref}:0`);
  // 02:00 UTC is 02:00 in London in November; Shanghai would say 10:00.
  expect(view(bob).text).toContain('🔔 You urged it on 2026-11-23 02:00; you can urge again after 2026-11-23 02:30.');
  expect(buttons(bob)).not.toContain(`my:urge:${ref}:0`);
});
