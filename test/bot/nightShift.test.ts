/**
 * Night shift (值班): outside the front desk's hours (08:00-20:00 Shanghai) a new ticket also
 * goes to the night-duty group, or only there, as the office's config says; its card says
 * the office is closed and when it opens. Emergencies are not "night tickets": they go
 * everywhere at any hour. The clock is injected; nothing is faked in production code.
 */
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { fileRepair } from '../support/flows';

const NIGHT_CHAT = -1002000000002;
const { alice } = people;
let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

const shanghai = (local: string) => new Date(`${local}+08:00`);

async function fileAt(local: string, mode: 'also' | 'instead'): Promise<string> {
  h = await createHarness({ policy: testPolicy({ nightShift: { chat: { chatId: NIGHT_CHAT }, mode } }), start: shanghai(local) });
  return fileRepair(h, alice, { kind: 'public', category: 'cleaning', location: '3栋大堂', description: '大堂地面有积水' });
}

const cardIn = (chatId: number, ref: string) => h!.fake.messagesIn(chatId).find((m) => (m.text ?? '').includes(ref) && (m.text ?? '').includes('📝'));

test('at 21:00 the card goes to the department and to the night-duty group, saying when the desk opens', async () => {
  const ref = await fileAt('2026-11-23T21:00:00', 'also');
  for (const chat of [STAFF_CHAT, NIGHT_CHAT]) {
    const card = cardIn(chat, ref);
    expect(card?.text).toContain('非办公时间收到，前台 2026-11-24 08:00 上班');
  }
  expect((await h!.services.tickets.get(ref))!.nightIntake).toBe(true);
  expect(await h!.services.tickets.cards(ref)).toHaveLength(2);
});

test('at 07:59 with mode "instead" only the night-duty group gets it', async () => {
  const ref = await fileAt('2026-11-24T07:59:00', 'instead');
  expect(cardIn(NIGHT_CHAT, ref)?.text).toContain('前台 2026-11-24 08:00 上班');
  expect(cardIn(STAFF_CHAT, ref)).toBeUndefined();
  // The night-duty group serves the night's tickets: its members may claim them.
  h!.fake.setChatMember(NIGHT_CHAT, 777, 'member');
  const guard = { id: 777, first_name: '值班员', is_bot: false as const };
  await h!.press(guard, NIGHT_CHAT, `tk:claim:${ref}`);
  const ticket = (await h!.services.tickets.get(ref))!;
  expect(ticket.owner).toEqual({ id: 777, name: '值班员' });
  expect(h!.fake.message(NIGHT_CHAT, cardIn(NIGHT_CHAT, ref)!.message_id)!.text).toContain('已接单：值班员');
});

test('at 08:00 the desk is open: the department only, no night line', async () => {
  const ref = await fileAt('2026-11-24T08:00:00', 'also');
  expect(cardIn(STAFF_CHAT, ref)?.text).not.toContain('非办公时间');
  expect(cardIn(NIGHT_CHAT, ref)).toBeUndefined();
  expect((await h!.services.tickets.get(ref))!.nightIntake).toBe(false);
});

test('a shift over midnight: a desk open 20:00-08:00 treats 21:00 as daytime', async () => {
  h = await createHarness({
    policy: testPolicy({ frontDesk: { start: '20:00', end: '08:00' }, nightShift: { chat: { chatId: NIGHT_CHAT }, mode: 'also' } }),
    start: shanghai('2026-11-23T21:00:00'),
  });
  const ref = await fileRepair(h, alice, { kind: 'public', category: 'cleaning', location: '3栋大堂', description: '大堂地面有积水' });
  expect((await h.services.tickets.get(ref))!.nightIntake).toBe(false);
  expect(cardIn(NIGHT_CHAT, ref)).toBeUndefined();
});
