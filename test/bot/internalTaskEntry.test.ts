/**
 * The ways into an internal task: `/task` privately opens the form for staff; residents are
 * refused politely in their own language and nothing is opened; in a group the form continues
 * in the private chat (a button there, or the `?start=task` link for someone who never
 * started the bot); an NB reference is found by /ticket; the office may pick another prefix.
 */
import { parseOfficePolicy } from '../../src/config/office';
import { ConfigError } from '../../src/config/errors';
import { createHarness, people, type Harness } from '../support/harness';
import { wu } from '../support/staffFlows';
import { answerTask, fileTask, guard, seatStaff, SECURITY_CHAT, taskPolicy } from '../support/taskFlows';

const { alice, bob } = people;
const RESIDENTS_GROUP = -1002000000042;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: taskPolicy() });
  seatStaff(h);
});
afterEach(async () => {
  await h.close();
});

const link = (payload: string) => `https://t.me/${h.fake.botInfo.username}?start=${payload}`;
const sentIn = (chatId: number) => h.fake.callsTo(chatId).filter((c) => c.method === 'sendMessage');

test('a resident cannot use /task: a polite refusal in their language, no form opened, no ticket', async () => {
  await h.send(h.u.command(alice, 'task'));
  expect(h.fake.lastTextTo(alice.id)).toContain('住户无法使用');
  expect(h.fake.lastTextTo(alice.id)).toContain('/repair');
  await h.send(h.u.command(bob, 'task'));
  expect(h.fake.lastTextTo(bob.id)).toContain('residents cannot use it');
  // Nothing is being filled in: the next message is not taken as an answer.
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
  await h.say(alice, '工程维修部');
  expect(h.fake.lastTextTo(alice.id)).not.toContain('哪一类工作');

  // Nor through the group's deep link, nor from a group.
  await h.send(h.u.command(alice, 'start task'));
  expect(h.fake.lastTextTo(alice.id)).toContain('住户无法使用');
  // (Anyone who writes in a staff group counts as staff, so a residents' group here.)
  await h.send(h.u.command(bob, 'task', { id: RESIDENTS_GROUP }));
  expect(sentIn(RESIDENTS_GROUP).at(-1)!.params.text).toContain('residents cannot use it');
  expect(h.fake.textsTo(bob.id).filter((t) => t.includes('Internal task'))).toEqual([]);
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
  expect(await h.services.tickets.listLive({})).toEqual([]);
});

test('/task in a staff group continues in the private chat, where the button opens the form', async () => {
  await h.send(h.u.command(guard, 'task', { id: SECURITY_CHAT }));
  const [answer] = sentIn(SECURITY_CHAT);
  expect(answer.params.text).toContain('私聊中继续');
  expect(answer.params.reply_parameters.message_id).toBeGreaterThan(0);
  // The form is private: nothing of it in the group.
  expect(h.fake.lastTextTo(guard.id)).toContain('开始填写');
  await h.press(guard, guard.id, 'task:go');
  expect(h.fake.lastTextTo(guard.id)).toContain('派给哪个部门');
  await answerTask(h, guard, { department: 'engineering', category: 'inspect', place: '地下车库B区入口', description: '入口照明灯不亮' });
  await h.press(guard, guard.id, 'sc:confirm');
  expect(h.fake.lastTextTo(guard.id)).toMatch(/NB-20261123-001/);
  expect(sentIn(SECURITY_CHAT)).toHaveLength(1);
});

test('a staff member who never started the bot gets the link; Start there opens the form', async () => {
  h.fake.neverStarted(guard.id);
  await h.send(h.u.command(guard, 'task', { id: SECURITY_CHAT }));
  const [answer] = sentIn(SECURITY_CHAT);
  expect(h.fake.buttonsOf(answer)).toEqual([{ text: '💬 打开私聊', url: link('task') }]);
  h.fake.started(guard.id);
  await h.send(h.u.command(guard, 'start task'));
  expect(h.fake.lastTextTo(guard.id)).toContain('派给哪个部门');
});

test('the summary can be edited before it is filed; /ticket finds the task by its NB reference', async () => {
  await h.send(h.u.command(guard, 'task'));
  await answerTask(h, guard, { department: 'cleaning', category: 'cleaning', place: '5栋大堂', description: '大堂地面有积水' });
  expect(h.fake.lastTextTo(guard.id)).toContain('部门：保洁绿化部');
  await h.press(guard, guard.id, 'sc:edit');
  await h.press(guard, guard.id, 'sc:department');
  await h.press(guard, guard.id, 'sc:engineering');
  await h.press(guard, guard.id, 'sc:other');
  expect(h.fake.lastTextTo(guard.id)).toContain('部门：工程维修部');
  expect(h.fake.lastTextTo(guard.id)).toContain('类别：其他');
  await h.press(guard, guard.id, 'sc:confirm');
  const ticket = (await h.services.tickets.listLive({}))[0];
  expect(ticket).toMatchObject({ kind: 'task', department: 'engineering', report: { category: 'other' }, task: { building: '5' } });
  expect(ticket.report.repairKind).toBeUndefined();

  await h.send(h.u.command(wu, `ticket ${ticket.ref.toLowerCase().replace(/-/g, '')}`));
  // A cleaner does not serve engineering: told where it belongs, not shown it.
  expect(h.fake.lastTextTo(wu.id)).toBe(`工单 ${ticket.ref} 属于工程维修部，不在本群处理。请到该部门的群里查看，或在与机器人的私聊中查看。`);
  await h.send(h.u.command(people.zhang, `ticket ${ticket.ref.toLowerCase().replace(/-/g, '')}`));
  expect(h.fake.lastTextTo(people.zhang.id)).toContain(`内部工作任务 ${ticket.ref}`);
});

test('an office may number its tasks with its own prefix, never one of the other kinds\'', async () => {
  const ctx = { staffChatId: -100123, timezone: 'Asia/Shanghai', source: 'office.yaml' };
  expect(parseOfficePolicy({ internalTasks: { prefix: 'RW' } }, ctx).internalTasks).toEqual({ prefix: 'RW' });
  expect(() => parseOfficePolicy({ internalTasks: { prefix: 'BX' } }, ctx)).toThrow(ConfigError);
  expect(() => parseOfficePolicy({ internalTasks: { prefix: 'nb1' } }, ctx)).toThrow(/two capital letters/);

  await h.close();
  h = await createHarness({ policy: { ...taskPolicy(), internalTasks: { prefix: 'RW' } } });
  seatStaff(h);
  const ref = await fileTask(h, guard, { department: 'cleaning', category: 'cleaning', place: '3栋电梯厅', description: '电梯厅地面脏' });
  expect(ref).toBe('RW-20261123-001');
});
