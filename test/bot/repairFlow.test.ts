/**
 * The backbone end to end: a resident registers and files a repair with two photos, two
 * staff press Claim at once, the owner arrives and resolves, the resident says "Not solved",
 * the ticket is resolved again and closed. Checked: what each person sees, and what the
 * database and the event log hold at each step.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';

const { alice, zhang, li } = people;
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function eventTypes(ref: string): Promise<string[]> {
  return (await h.services.tickets.history(ref)).map((e) => e.type);
}

test('register, report, claim race, arrive, resolve, dispute, resolve, confirm', async () => {
  const { fake, u } = h;
  await h.send(u.command(alice, 'start'));
  expect(fake.lastTextTo(alice.id)).toContain('您好，Alice');

  await h.say(alice, '🔧 报修');
  expect(fake.textsTo(alice.id).join('\n')).toContain('第一次使用');
  expect(fake.lastTextTo(alice.id)).toContain('怎么称呼');
  await h.say(alice, '爱丽丝');
  expect(fake.lastTextTo(alice.id)).toContain('手机号');
  await h.send(u.contact(alice, '8613812345678'));
  expect(fake.lastTextTo(alice.id)).toContain('楼栋');
  await h.say(alice, '3栋2单元1201');
  expect(fake.lastTextTo(alice.id)).toContain('+8613812345678');
  await h.press(alice, alice.id, 'sc:save');
  const profile = await h.services.residents.get(alice.id);
  expect(profile).toMatchObject({ name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', registered: true });

  expect(fake.lastTextTo(alice.id)).toContain('报修类型');
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:unblock');
  expect(fake.lastTextTo(alice.id)).toContain('有偿服务');
  expect(fake.lastTextTo(alice.id)).toContain('¥80');
  await h.press(alice, alice.id, 'sc:agree');
  await h.press(alice, alice.id, 'sc:home');
  await h.say(alice, '厨房下水道堵了，水排不下去');
  await h.send(u.photo(alice, 'photo-kitchen-1'));
  expect(fake.lastTextTo(alice.id)).toContain('已收到 1 个附件');
  await h.send(u.photo(alice, 'photo-kitchen-2'));
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:asap');
  const summary = fake.lastTextTo(alice.id)!;
  expect(summary).toContain('厨房下水道堵了');
  expect(summary).toContain('附件：2 个');
  await h.press(alice, alice.id, 'sc:confirm');

  const accepted = fake.lastTextTo(alice.id)!;
  const ref = /BX-\d{8}-\d{3}/.exec(accepted)![0];
  expect(ref).toBe('BX-20261123-001');
  expect(accepted).toContain('工程维修部');

  // The card: album first, then the card with Claim; no name, phone or room.
  const album = fake.callsOf('sendMediaGroup').find((c) => c.params.chat_id === STAFF_CHAT)!;
  expect(album.params.media.map((m: { media: string }) => m.media)).toEqual(['photo-kitchen-1', 'photo-kitchen-2']);
  const card = h.messageWithButton(STAFF_CHAT, 'tk:claim:' + ref);
  expect(card.text).toContain(ref);
  expect(card.text).toContain('¥80');
  for (const secret of ['爱丽丝', '13812345678', '1201']) expect(card.text).not.toContain(secret);
  let ticket = await h.services.tickets.get(ref);
  expect(ticket).toMatchObject({ status: 'open', department: 'engineering' });

  // Two staff press Claim at the same moment: one wins, the other is told who.
  const claimCard = { chatId: STAFF_CHAT, messageId: card.message_id, chatType: 'supergroup' as const };
  await Promise.all([
    h.send(u.callback(zhang, `tk:claim:${ref}`, claimCard)),
    h.send(u.callback(li, `tk:claim:${ref}`, claimCard)),
  ]);
  ticket = await h.services.tickets.get(ref);
  const winner = ticket!.owner!.id === zhang.id ? zhang : li;
  const loser = winner === zhang ? li : zhang;
  const answers = fake.callsOf('answerCallbackQuery');
  expect(answers.filter((a) => /已由 .+ 接单/.test(a.params.text ?? ''))).toHaveLength(1);
  expect(answers.some((a) => (a.params.text ?? '').includes(`已由 ${winner.first_name} 接单`))).toBe(true);
  expect((await eventTypes(ref)).filter((t) => t === 'claimed')).toHaveLength(1);
  expect(fake.message(STAFF_CHAT, card.message_id)!.text).toContain(`已接单：${winner.first_name}`);
  // The contact goes privately to the winner only.
  expect(fake.textsTo(winner.id).join('\n')).toContain('13812345678');
  expect(fake.textsTo(loser.id).join('\n')).not.toContain('13812345678');
  expect(fake.lastTextTo(alice.id)).toContain(`${winner.first_name} 师傅接单`);

  await h.press(winner, STAFF_CHAT, 'tk:arr:' + ref);
  expect(fake.lastTextTo(alice.id)).toContain('已到场');
  expect((await h.services.tickets.get(ref))!.status).toBe('on_site');

  // Resolve: the result is written in the private chat.
  await h.press(winner, STAFF_CHAT, 'tk:res:' + ref);
  await h.press(winner, winner.id, 'tk:rsp:' + ref);
  expect(fake.lastTextTo(winner.id)).toContain('做了哪些处理');
  await h.say(winner, '疏通了下水管，清出油污');
  await h.send(u.photo(winner, 'photo-done-1'));
  await h.press(winner, winner.id, 'sc:done');
  await h.press(winner, winner.id, 'sc:80');
  await h.press(winner, winner.id, 'sc:yes');
  expect(fake.lastTextTo(winner.id)).toContain('已标记完成');
  ticket = await h.services.tickets.get(ref);
  expect(ticket).toMatchObject({ status: 'resolved', result: { text: '疏通了下水管，清出油污', fee: 80 } });
  expect(ticket!.autoConfirmAt).toBeDefined();
  expect(fake.textsTo(alice.id).join('\n')).toContain('疏通了下水管');
  expect(fake.callsTo(alice.id).some((c) => c.method === 'sendPhoto' && c.params.photo === 'photo-done-1')).toBe(true);

  // Not solved → reopened, the group is told; the resident's reason follows.
  await h.press(alice, alice.id, `rs:no:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('reopened');
  expect(fake.textsTo(STAFF_CHAT).join('\n')).toContain('未解决');
  await h.say(alice, '还是有点慢');
  expect(fake.textsTo(STAFF_CHAT).join('\n')).toContain('还是有点慢');

  await h.press(winner, STAFF_CHAT, 'tk:res:' + ref);
  await h.press(winner, winner.id, 'tk:rsp:' + ref);
  await h.say(winner, '更换了存水弯');
  await h.press(winner, winner.id, 'sc:done');
  await h.press(winner, winner.id, 'sc:80');
  await h.press(winner, winner.id, 'sc:yes');
  await h.press(alice, alice.id, `rs:ok:${ref}`);
  ticket = await h.services.tickets.get(ref);
  expect(ticket!.status).toBe('closed');
  expect(fake.lastTextTo(alice.id)).toContain('已关闭');
  expect(await eventTypes(ref)).toEqual(['created', 'claimed', 'arrived', 'resolved', 'reopened', 'info_added', 'resolved', 'confirmed']);
  expect(fake.message(STAFF_CHAT, card.message_id)!.text).toContain('已关闭');
});
