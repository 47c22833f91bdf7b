/**
 * The resident's name, phone and room never reach the staff group before a claim (by
 * default: never at all); after the claim they go to the claimant alone, privately, or onto
 * the card when the office's policy says so. Checked on every call to the group, including
 * album captions and edits, not just on the card.
 */
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { callbackAnswers, cardText, fileRepair, resolveTicket, sendCallback, type Profile } from '../support/flows';

const { alice, zhang, li, head, mallory } = people;
const PROFILE: Profile = { name: '林秘密', phone: '139 8765 4321', address: '7栋3单元2604' };
const NAME = '林秘密';
const PHONE = '+8613987654321';
const PHONE11 = '13987654321';
const ROOM = '2604';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** Everything the bot asked Telegram to show in a chat: texts and captions as sent, and as rendered. */
function everythingShownIn(chatId: number): string[] {
  const shown: string[] = [...h.fake.textsTo(chatId)];
  for (const call of h.fake.callsTo(chatId)) {
    const p = call.params;
    for (const v of [p.text, p.caption, ...(Array.isArray(p.media) ? p.media.map((m: { caption?: string }) => m.caption) : [])]) {
      if (typeof v === 'string') shown.push(v);
    }
  }
  return shown;
}

function leaks(texts: string[]): string[] {
  // Digits only, so "139 8765 4321" or "139-8765-4321" would be caught too.
  return texts.filter((t) => [NAME, PHONE, PHONE11, ROOM].some((s) => t.includes(s)) || t.replace(/\D/g, '').includes(PHONE11));
}

async function report(): Promise<string> {
  return fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '阳台灯不亮', photos: ['photo-balcony'] }, PROFILE);
}

test('the group never sees name, phone or room; the claimant alone gets them privately', async () => {
  h = await createHarness();
  const ref = await report();
  expect(h.fake.callsTo(STAFF_CHAT).map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage']);
  expect(cardText(h, STAFF_CHAT, ref)).toContain('7栋3单元'); // building and unit are fine
  expect(leaks(everythingShownIn(STAFF_CHAT))).toEqual([]);

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await sendCallback(h, li, STAFF_CHAT, `tk:claim:${ref}`); // too late: told who has it, nothing more
  const privately = h.fake.textsTo(zhang.id).join('\n');
  for (const secret of [NAME, PHONE, ROOM]) expect(privately).toContain(secret);
  expect(leaks(everythingShownIn(li.id))).toEqual([]);
  expect(leaks(everythingShownIn(head.id))).toEqual([]);

  // The rest of the life of the ticket: edits, notes under the card, the resident's reason.
  await h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`);
  await resolveTicket(h, zhang, STAFF_CHAT, ref, '换了灯泡');
  await h.press(alice, alice.id, `rs:no:${ref}`);
  await h.say(alice, '还是一闪一闪的');
  expect(h.fake.textsTo(STAFF_CHAT).join('\n')).toContain('还是一闪一闪的');
  expect(h.fake.callsTo(STAFF_CHAT).filter((c) => c.method === 'editMessageText').length).toBeGreaterThanOrEqual(4);
  expect(leaks(everythingShownIn(STAFF_CHAT))).toEqual([]);
  expect(leaks(callbackAnswers(h))).toEqual([]);
});

test('with contactOnCard the card shows the contact after the claim, not before', async () => {
  h = await createHarness({ policy: testPolicy({ contactOnCard: true }) });
  const ref = await report();
  expect(leaks(everythingShownIn(STAFF_CHAT))).toEqual([]);

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const card = cardText(h, STAFF_CHAT, ref);
  expect(card).toContain(`👤 ${NAME} · ${PHONE} · 7栋3单元2604`);
  // The claimant is told where the contact is — not that it was sent privately.
  const answer = callbackAnswers(h).at(-1)!;
  expect(answer).toContain('接单成功');
  expect(answer).not.toContain('私聊');
});

test('a claimant who never started the bot is sent to its chat; /start ct_<ref> shows the contact to the owner only', async () => {
  h = await createHarness();
  const ref = await report();
  h.fake.neverStarted(zhang.id);
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect((await h.services.tickets.get(ref))!.owner?.id).toBe(zhang.id);
  const answer = h.fake.callsOf('answerCallbackQuery').at(-1)!;
  // Telegram opens the bot's chat from this link; Start there sends /start ct_<ref>.
  expect(answer.params.url).toBe(`https://t.me/${h.fake.botInfo.username}?start=ct_${ref}`);
  expect(h.fake.textsTo(zhang.id)).toEqual([]);

  // Others trying the deep link are refused and see nothing.
  for (const other of [li, mallory]) {
    await h.send(h.u.text(other, `/start ct_${ref}`));
    // Each in their own language (Mallory's Telegram is in English).
    expect(h.fake.lastTextTo(other.id)).toContain(other === li ? '只有接单人（张）' : 'only the owner (张)');
    expect(leaks(everythingShownIn(other.id))).toEqual([]);
  }
  // A reference that does not exist is refused as well.
  await h.send(h.u.text(li, '/start ct_BX-20261123-999'));
  expect(leaks(everythingShownIn(li.id))).toEqual([]);

  h.fake.started(zhang.id);
  await h.send(h.u.text(zhang, `/start ct_${ref}`));
  const shown = h.fake.lastTextTo(zhang.id)!;
  for (const secret of [ref, NAME, PHONE, '7栋3单元2604']) expect(shown).toContain(secret);
  // The department head may look too.
  await h.send(h.u.text(head, `/start ct_${ref}`));
  expect(h.fake.lastTextTo(head.id)).toContain(PHONE);
  expect(leaks(everythingShownIn(STAFF_CHAT))).toEqual([]);
});
