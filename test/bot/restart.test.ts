/**
 * A half-finished report survives a restart of the bot: the conversation state is in the
 * database, so a new Bot with a new database connection (same database) continues at the
 * question it stopped at — without asking the earlier questions again — and the ticket
 * holds every answer, from before and after the restart.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { ALICE_PROFILE, cardText, refIn, startRepair } from '../support/flows';

const { alice } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** How many times the bot has sent Alice a message containing this text. */
const asked = (text: string) => h.fake.textsTo(alice.id).filter((t) => t.includes(text)).length;

const Q = {
  kind: '请选择报修类型',
  location: '问题在哪里',
  description: '请描述一下问题',
  media: '可以发送照片或视频',
  visit: '希望师傅什么时候上门',
  name: '怎么称呼您',
  phone: '手机号',
};

test('restart after the category and after one photo: resumes each time, one ticket with every answer', async () => {
  await startRepair(h, alice);
  await h.press(alice, alice.id, 'sc:household');
  await h.press(alice, alice.id, 'sc:inspect');
  expect(h.fake.lastTextTo(alice.id)).toContain(Q.location);

  await h.restart();
  const sentBefore = h.fake.calls.length;
  await h.press(alice, alice.id, 'sc:home');
  // The first thing the new bot says is the next question; the replay sent nothing again.
  const afterRestart = h.fake.calls.slice(sentBefore).filter((c) => c.method === 'sendMessage');
  expect(afterRestart.map((c) => c.params.text)).toEqual([expect.stringContaining(Q.description)]);
  await h.say(alice, '卫生间排气扇不转了');
  await h.send(h.u.photo(alice, 'photo-fan-1'));
  expect(h.fake.lastTextTo(alice.id)).toContain('已收到 1 个附件');

  await h.restart();
  await h.send(h.u.photo(alice, 'photo-fan-2'));
  expect(h.fake.lastTextTo(alice.id)).toContain('已收到 2 个附件'); // the first photo survived
  await h.press(alice, alice.id, 'sc:done');
  expect(h.fake.lastTextTo(alice.id)).toContain(Q.visit);
  await h.press(alice, alice.id, /^sc:slot0$/);
  const summary = h.fake.lastTextTo(alice.id)!;
  expect(summary).toContain('类型：住户报修 · 检修');
  expect(summary).toContain('位置：3栋2单元1201');
  expect(summary).toContain('卫生间排气扇不转了');
  expect(summary).toContain('附件：2 个');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));

  for (const q of [Q.kind, Q.location, Q.description, Q.media, Q.visit]) expect(asked(q)).toBe(1);
  expect(await h.database.models.Ticket.countDocuments()).toBe(1);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.report).toMatchObject({
    repairKind: 'household',
    category: 'inspect',
    atHome: true,
    location: '3栋2单元1201',
    description: '卫生间排气扇不转了',
    media: [{ type: 'photo', fileId: 'photo-fan-1' }, { type: 'photo', fileId: 'photo-fan-2' }],
    visit: { asap: false },
  });
  // The booked slot (replayed from the stored state as text) is a real time again: at 10:00 with an
  // hour's lead the first slot is 12:00-14:00 in Shanghai.
  expect(new Date(ticket.report.visit!.slotStart!).toISOString()).toBe('2026-11-23T04:00:00.000Z');
  expect(ticket.resident).toMatchObject({ name: ALICE_PROFILE.name, phone: '+8613812345678', room: '1201' });
  expect(cardText(h, STAFF_CHAT, ref)).toContain('卫生间排气扇不转了');
});

test('restart in the middle of registration continues with the phone, then the whole report', async () => {
  await h.send(h.u.command(alice, 'repair'));
  await h.say(alice, '爱丽丝');
  expect(h.fake.lastTextTo(alice.id)).toContain(Q.phone);

  await h.restart();
  await h.send(h.u.contact(alice, '8613812345678'));
  await h.say(alice, '3栋2单元1201');
  await h.press(alice, alice.id, 'sc:save');
  expect(asked(Q.name)).toBe(1);
  expect(h.fake.lastTextTo(alice.id)).toContain(Q.kind);
  expect(await h.services.residents.get(alice.id)).toMatchObject({ name: '爱丽丝', phone: '+8613812345678', registered: true });

  await h.press(alice, alice.id, 'sc:public');
  await h.press(alice, alice.id, 'sc:inspect');
  await h.restart();
  await h.say(alice, '5栋电梯厅');
  await h.say(alice, '电梯厅的灯一直闪');
  await h.press(alice, alice.id, 'sc:done');
  await h.press(alice, alice.id, 'sc:confirm');
  const ref = refIn(h.fake.lastTextTo(alice.id));
  expect((await h.services.tickets.get(ref))!.report).toMatchObject({ repairKind: 'public', category: 'inspect', location: '5栋电梯厅', atHome: false, media: [] });
  expect(await h.database.models.Ticket.countDocuments()).toBe(1);
});
