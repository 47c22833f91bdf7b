/**
 * Residents get their own language (Telegram's language_code, or their /lang choice, which
 * is stored); staff cards stay in the office's language.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { answerRegistration, cardText, refIn, resolveTicket } from '../support/flows';

const { alice, bob, zhang } = people;
const CJK = /[\u3400-\u9fff]/;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** Every label of every keyboard (inline or reply) the bot sent to a chat. */
function labelsSentTo(chatId: number): string[] {
  return h.fake.callsTo(chatId).flatMap((c) => {
    const m = c.params.reply_markup;
    const rows: unknown[][] = m?.inline_keyboard ?? m?.keyboard ?? [];
    return rows.flat().map((b) => (typeof b === 'string' ? b : (b as { text: string }).text));
  });
}

test('an English-speaking resident gets English from registration to the last notification', async () => {
  await h.send(h.u.command(bob, 'start'));
  expect(h.fake.lastTextTo(bob.id)).toContain('Hello, Bob! This is the online service desk of Property Management Office');
  await h.say(bob, '🔧 Repair');
  expect(h.fake.lastTextTo(bob.id)).toBe('What is your name?');
  await answerRegistration(h, bob, { name: 'Bob Lee', phone: '139 0000 1111', address: 'Building 5 Unit 1 Room 302' });
  expect(h.fake.textsTo(bob.id).join('\n')).toContain('Flat: Bldg 5, Unit 1, Room 302');
  expect(h.fake.lastTextTo(bob.id)).toContain('what kind of repair?');

  await h.press(bob, bob.id, 'Household repair');
  await h.press(bob, bob.id, 'Inspecting');
  await h.press(bob, bob.id, 'sc:home');
  await h.say(bob, 'The kitchen light flickers');
  await h.press(bob, bob.id, 'sc:done');
  await h.press(bob, bob.id, '⚡ As soon as possible');
  const summary = h.fake.lastTextTo(bob.id)!;
  expect(summary).toContain('Please check your repair report:');
  expect(summary).toContain('Kind: Household repair · Inspecting');
  await h.press(bob, bob.id, '✅ Confirm');
  const accepted = h.fake.lastTextTo(bob.id)!;
  expect(accepted).toContain('Your repair is registered as');
  expect(accepted).toContain('Engineering & Repairs');
  const ref = refIn(accepted);

  // The staff card is in the office's language.
  const card = cardText(h, STAFF_CHAT, ref);
  expect(card).toContain('住户报修');
  expect(card).toContain('工程维修部');
  expect(card).toContain('待接单');
  expect(card).not.toMatch(/Household|Engineering|Unclaimed/);

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect(h.fake.lastTextTo(bob.id)).toContain(`张 has taken ticket ${ref}`);
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  expect(h.fake.lastTextTo(bob.id)).toContain(`张 has arrived for ticket ${ref}`);
  await resolveTicket(h, zhang, STAFF_CHAT, ref, 'Replaced the starter');
  expect(h.fake.lastTextTo(bob.id)).toContain('Is the problem solved?');
  expect(labelsSentTo(bob.id)).toEqual(expect.arrayContaining(['✅ Solved', '❌ Not solved']));
  await h.press(bob, bob.id, `rs:ok:${ref}`);
  expect(h.fake.lastTextTo(bob.id)).toContain(`Thank you for confirming; ticket ${ref} is closed.`);
  // Staff texts stayed Chinese for the staff member.
  expect(h.fake.textsTo(zhang.id).join('\n')).toContain('住户联系方式');

  // Nothing Chinese reached Bob, apart from the technician's own name and the address
  // example, which shows on purpose how flats are written on Chinese estates.
  const seen = [...h.fake.textsTo(bob.id), ...labelsSentTo(bob.id)].map((t) => t.replace(/张/g, '').replace('e.g. 3栋2单元1201 or', ''));
  expect(seen.filter((t) => CJK.test(t))).toEqual([]);
});

test('/lang switches Alice to English; the choice is stored and survives a restart', async () => {
  await h.send(h.u.command(alice, 'start'));
  expect(h.fake.lastTextTo(alice.id)).toContain('您好，Alice');
  await h.send(h.u.command(alice, 'lang'));
  expect(h.fake.lastTextTo(alice.id)).toBe('请选择语言：');
  expect(h.fake.buttonsOf(h.messageWithButton(alice.id, 'lang:en')).map((b) => b.text)).toEqual(['中文', 'English']);
  await h.press(alice, alice.id, 'lang:en');
  expect(h.fake.lastTextTo(alice.id)).toBe('✅ Language set to English.');
  expect(JSON.stringify(h.fake.callsTo(alice.id).at(-1)!.params.reply_markup.keyboard)).toContain('🔧 Repair');
  expect(await h.services.residents.language(alice.id)).toBe('en');

  await h.restart();
  await h.send(h.u.command(alice, 'start'));
  expect(h.fake.lastTextTo(alice.id)).toContain('Hello, Alice!');
  await h.send(h.u.command(alice, 'help'));
  expect(h.fake.lastTextTo(alice.id)).toContain('What I can do for you');

  // Her report is in English; the card for the staff is not.
  await h.send(h.u.command(alice, 'repair'));
  await answerRegistration(h, alice, { name: 'Alice Wang', phone: '13812345678', address: '3-2-1201' });
  await h.press(alice, alice.id, 'sc:public');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.say(alice, 'Lobby of building 3');
  await h.say(alice, 'The lobby door does not close');
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  expect(h.fake.lastTextTo(alice.id)).toContain('Your repair is registered as');
  expect(cardText(h, STAFF_CHAT, ref)).toContain('公共部位报修');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect(h.fake.lastTextTo(alice.id)).toContain(`has taken ticket ${ref}`);

  // And back.
  await h.send(h.u.command(alice, 'lang'));
  await h.press(alice, alice.id, 'lang:zh-CN');
  expect(h.fake.lastTextTo(alice.id)).toBe('✅ 已切换为中文。');
  expect(await h.services.residents.language(alice.id)).toBe('zh-CN');
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  expect(h.fake.lastTextTo(alice.id)).toContain('师傅已到场');
});

test('a resident with no language_code gets the office language', async () => {
  const nobody = { id: 777, first_name: 'Anon', is_bot: false as const };
  await h.send(h.u.command(nobody, 'start'));
  expect(h.fake.lastTextTo(nobody.id)).toContain('您好，Anon');
});
