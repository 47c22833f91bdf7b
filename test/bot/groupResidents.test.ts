/**
 * The bot in a group that is not a staff group (a residents' group, say). Resident commands
 * are answered with a button to the private chat — a t.me deep link that carries on there —
 * and /help there is for residents; the staff help (claiming, contacts to the claimant) is
 * shown only in staff groups.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';

const { alice, bob } = people;
const RESIDENTS_GROUP = -1002000000042;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const inGroup = (chatId = RESIDENTS_GROUP) => h.fake.callsTo(chatId).filter((c) => c.method === 'sendMessage');
const link = (payload: string) => `https://t.me/${h.fake.botInfo.username}?start=${payload}`;

test('/repair in a residents\' group points to the private chat, and Start there begins the report', async () => {
  await h.send(h.u.command(alice, 'repair', { id: RESIDENTS_GROUP }));
  const [answer] = inGroup();
  expect(answer.params.text).toContain('私聊');
  expect(answer.params.text).toContain('电话和房号不会出现在群里');
  expect(answer.params.reply_parameters.message_id).toBeGreaterThan(0);
  expect(h.fake.buttonsOf(answer)).toEqual([{ text: '💬 打开私聊', url: link('repair') }]);
  // Nothing is being filled in, in the group or privately.
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);

  // Telegram opens the private chat; Start sends the payload.
  await h.send(h.u.command(alice, 'start repair'));
  const texts = h.fake.textsTo(alice.id);
  expect(texts[0]).toContain('您好，Alice');
  expect(texts.join('\n')).toContain('第一次使用');
  expect(h.fake.lastTextTo(alice.id)).toContain('怎么称呼');
});

test('every resident command gets the button; the emergency one says to call first', async () => {
  for (const command of ['complain', 'ask', 'my', 'profile', 'start', 'lang']) {
    await h.send(h.u.command(alice, `${command}@${h.fake.botInfo.username}`, { id: RESIDENTS_GROUP }));
    const answer = inGroup().at(-1)!;
    expect(answer.params.text).toContain('私聊');
    expect(h.fake.buttonsOf(answer)).toEqual([{ text: '💬 打开私聊', url: link(command) }]);
  }
  expect(inGroup()).toHaveLength(6);

  await h.send(h.u.command(alice, 'emergency', { id: RESIDENTS_GROUP }));
  const emergency = inGroup().at(-1)!;
  expect(emergency.params.text).toContain('情况紧急请先打电话');
  expect(emergency.params.text).toContain('119');
  expect(emergency.params.text).toContain('0755-88886666');
  expect(h.fake.buttonsOf(emergency)).toEqual([{ text: '💬 打开私聊', url: link('emergency') }]);
  // In English for an English speaker.
  await h.send(h.u.command(bob, 'repair', { id: RESIDENTS_GROUP }));
  const english = inGroup().at(-1)!;
  expect(english.params.text).toContain('handled in a <b>private chat</b> with me');
  expect(h.fake.buttonsOf(english)).toEqual([{ text: '💬 Open the private chat', url: link('repair') }]);
});

test('/help: residents\' help with the button in other groups, the staff help only in staff groups', async () => {
  await h.send(h.u.command(alice, 'help', { id: RESIDENTS_GROUP }));
  const help = inGroup().at(-1)!;
  expect(help.params.text).toContain('在与我的私聊中办理');
  expect(help.params.text).not.toContain('接单');
  expect(help.params.text).not.toContain('员工群');
  expect(h.fake.buttonsOf(help)).toEqual([{ text: '💬 打开私聊', url: link('help') }]);

  await h.send(h.u.command(people.zhang, 'help', { id: STAFF_CHAT }));
  const staffHelp = inGroup(STAFF_CHAT).at(-1)!;
  expect(staffHelp.params.text).toContain('员工群使用说明');
  expect(staffHelp.params.text).toContain('接单后住户的姓名、电话、房号会私聊发给接单人');
});
