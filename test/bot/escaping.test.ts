/**
 * Everything users type reaches Telegram escaped for HTML, so it shows exactly as typed
 * (the fake renders HTML like Telegram and rejects bad markup with 400, which would fail
 * these flows), and typed text never reaches a query as an operator.
 */
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { answerRepair, cardText, fileRepair, refIn, resolveTicket, startRepair } from '../support/flows';

const { alice, bob, zhang } = people;
const MARKUP = '<b>x</b> *y* _z_ [a](b)';
const OPERATOR = '{"$gt": ""}';
let h: Harness;

afterEach(async () => {
  await h.close();
});

/** No Bot API call failed: a 400 for bad HTML would show up here. */
function noRejectedCalls(): void {
  expect(h.fake.calls.filter((c) => c.error).map((c) => `${c.method}: ${c.error!.description}`)).toEqual([]);
}

test('markup in a description, a place and a result shows literally in the summary, on the card and to the resident', async () => {
  h = await createHarness();
  const place = '<a href="http://x">5栋</a> & 大堂';
  const result = '<i>修好了</i> & 1<2 **完成**';
  await startRepair(h, alice);
  await answerRepair(h, alice, { kind: 'public', category: 'inspect', location: place, description: MARKUP });
  const summary = h.fake.lastTextTo(alice.id)!;
  expect(summary).toContain(`描述：${MARKUP}`);
  expect(summary).toContain(`位置：${place}`);
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));

  const card = cardText(h, STAFF_CHAT, ref);
  expect(card).toContain(`📝 ${MARKUP}`);
  expect(card).toContain(place);
  // The only formatting on the card is ours (title and status), none from the resident's text.
  const sent = h.fake.callsTo(STAFF_CHAT).find((c) => c.method === 'sendMessage')!;
  const bold = (sent.result as { entities?: { type: string; offset: number; length: number }[] }).entities ?? [];
  expect(bold.map((e) => e.type)).toEqual(['bold', 'bold']);
  expect(bold.every((e) => !card.slice(e.offset, e.offset + e.length).includes('x'))).toBe(true);
  expect((await h.services.tickets.get(ref))!.report.description).toBe(MARKUP);

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await resolveTicket(h, zhang, STAFF_CHAT, ref, result);
  expect(h.fake.textsTo(alice.id).join('\n')).toContain(`处理结果：${result}`);
  expect(cardText(h, STAFF_CHAT, ref)).toContain(`处理结果：${result}`);
  noRejectedCalls();
});

test('markup as the resident name shows literally in registration, summary, on the card and to the claimant', async () => {
  h = await createHarness({ policy: testPolicy({ contactOnCard: true }) });
  await h.send(h.u.command(alice, 'repair'));
  await h.say(alice, MARKUP);
  await h.say(alice, '13812345678');
  await h.say(alice, '3栋2单元1201');
  expect(h.fake.lastTextTo(alice.id)).toContain(`姓名：${MARKUP}`);
  await h.press(alice, alice.id, 'sc:save');
  await answerRepair(h, alice, { kind: 'household', category: 'inspect', description: '门锁坏了' });
  expect(h.fake.lastTextTo(alice.id)).toContain(`联系人：${MARKUP} +8613812345678`);
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  expect(cardText(h, STAFF_CHAT, ref)).not.toContain(MARKUP); // hidden before the claim

  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect(cardText(h, STAFF_CHAT, ref)).toContain(`👤 ${MARKUP} · +8613812345678`);
  await h.send(h.u.text(zhang, `/start ct_${ref}`));
  expect(h.fake.lastTextTo(zhang.id)).toContain(`姓名：${MARKUP}`);
  expect((await h.services.residents.get(alice.id))!.name).toBe(MARKUP);
  noRejectedCalls();
});

test('{"$gt": ""} typed as a name is stored as that text, not used as an operator', async () => {
  h = await createHarness();
  // Another resident, so that an operator in a query would have something else to match.
  await fileRepair(h, bob, { kind: 'household', category: 'inspect', description: 'The tap drips' }, { name: 'Bob Lee', phone: '13900001111', address: '1-1-101' });
  const ref = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '马桶漏水' }, { name: OPERATOR, phone: '13812345678', address: '3栋2单元1201' });

  const Resident = h.database.models.Resident;
  const stored = await Resident.findOne({ telegramId: alice.id }).lean<{ name: unknown }>();
  expect(stored!.name).toBe(OPERATOR);
  expect(typeof stored!.name).toBe('string');
  expect(await Resident.countDocuments({ name: OPERATOR })).toBe(1);
  expect((await h.services.residents.get(bob.id))!.name).toBe('Bob Lee');
  expect((await h.services.tickets.get(ref))!.resident.name).toBe(OPERATOR);
  expect(h.fake.textsTo(alice.id).join('\n')).toContain(`联系人：${OPERATOR} +8613812345678`);
  noRejectedCalls();
});
