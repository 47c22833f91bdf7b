/**
 * Staff's side of residents affected together: "Duplicate of…" on a card closes the new
 * ticket as a duplicate and moves its resident to the other ticket's followers (both logs
 * record it); a public notice (公告) reaches the reporter, every follower and the residents'
 * channel once each, through the outbox; only the configured roles may send one. A follower
 * stops following from My tickets and hears nothing more.
 */
import { cardText, fileRepair, type Profile } from '../support/flows';
import { createHarness, people, STAFF_CHAT, testPolicy, type Harness } from '../support/harness';
import { carol, CAROL, dave, DAVE, everythingTo, finishPublicReport, reportUpToCategory } from '../support/followerFlows';
import { pressData } from '../support/staffFlows';
import type { TgUser } from '../support/updates';

const { alice, zhang, head } = people;
const RESIDENTS_CHANNEL = -1001000000099;
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ policy: { ...testPolicy(), followers: { noticeChat: { chatId: RESIDENTS_CHANNEL } } } });
});
afterEach(async () => {
  await h.close();
});

const lift = (who: TgUser, profile: Profile | undefined, location: string) =>
  fileRepair(h, who, { kind: 'equipment', category: 'lift', location, description: '电梯异响' }, profile);

/** Carol reports the same lift but says it is something else: a second ticket. */
async function carolsOwnLiftTicket(): Promise<string> {
  await reportUpToCategory(h, carol, CAROL, 'equipment', 'lift');
  await h.press(carol, carol.id, 'sc:_other');
  return finishPublicReport(h, carol, '3栋1单元电梯', '电梯一直响');
}

async function linkDuplicate(who: TgUser, ref: string, of: string): Promise<void> {
  await h.press(who, STAFF_CHAT, `tk:dup:${ref}`);
  await h.press(who, who.id, `tk:dup:${ref}`);
  await h.say(who, of.toLowerCase());
}

test('Duplicate of… closes the new ticket and makes its resident a follower of the other; both logs record it', async () => {
  const first = await lift(alice, undefined, '3栋2单元电梯');
  const second = await carolsOwnLiftTicket();

  await linkDuplicate(zhang, second, 'BX-00000000-1');
  expect(h.fake.lastTextTo(zhang.id)).toContain('这不是工单编号');
  await h.say(zhang, second);
  expect(h.fake.lastTextTo(zhang.id)).toContain('不能与自己重复');
  await h.say(zhang, 'BX-20261123-099');
  expect(h.fake.lastTextTo(zhang.id)).toContain('找不到工单 BX-20261123-099');
  expect((await h.services.tickets.get(second))!.status).toBe('open');

  await linkDuplicate(zhang, second, first);
  expect(h.fake.lastTextTo(zhang.id)).toContain(`${second} 已作为重复工单关闭`);
  const closed = (await h.services.tickets.get(second))!;
  expect(closed).toMatchObject({ status: 'closed', duplicateOf: first });
  expect((await h.services.tickets.get(first))!.followers?.map((f) => f.telegramId)).toEqual([carol.id]);
  const closing = (await h.services.tickets.history(second)).find((e) => e.type === 'closed_as_duplicate')!;
  expect(closing).toMatchObject({ actor: { id: zhang.id }, data: { of: first } });
  // The monthly figures count the fault once: the duplicate is received, never a closure of its own.
  const facts = h.database.conn.collection<{ _id: string }>('facts_2026_11');
  expect(await facts.countDocuments({ _id: `${second}:1` })).toBe(1);
  expect(await facts.countDocuments({ _id: `${second}:${closing.seq}` })).toBe(0);
  const followed = (await h.services.tickets.history(first)).find((e) => e.type === 'followed');
  expect(followed).toMatchObject({ actor: { id: zhang.id }, data: { via: 'duplicate', from: second } });
  expect(h.fake.lastTextTo(carol.id)).toContain(`您的工单 ${second} 与正在处理的工单 ${first} 是同一问题`);
  expect(cardText(h, STAFF_CHAT, second)).toContain(`重复工单，已并入 ${first}`);
  expect(cardText(h, STAFF_CHAT, first)).toContain('受影响住户：2 户');

  // From now on Carol hears of the first ticket.
  await h.press(zhang, STAFF_CHAT, `tk:claim:${first}`);
  expect(h.fake.lastTextTo(carol.id)).toContain(`您关注的工单 ${first}`);
  // A closed ticket cannot be linked again, nor take a duplicate.
  expect(await pressData(h, zhang, STAFF_CHAT, `tk:dup:${second}`)).toContain('当前状态为「已关闭」');
  expect((await h.services.tickets.history(second)).filter((e) => e.type === 'closed_as_duplicate')).toHaveLength(1);
});

test('a public notice reaches the reporter, every follower and the residents\' channel once, through the outbox', async () => {
  const ref = await lift(alice, undefined, '3栋2单元电梯');
  await reportUpToCategory(h, carol, CAROL, 'equipment', 'lift');
  await h.press(carol, carol.id, `sc:${ref}`);
  // Dave lives in building 5; staff link his report of the same lift by hand.
  const daves = await lift(dave, DAVE, '3栋电梯');
  await linkDuplicate(zhang, daves, ref);

  // A member of staff without a notice role is refused; the head may send one.
  expect(await pressData(h, zhang, STAFF_CHAT, `tk:pub:${ref}`)).toContain('您的岗位不能发布工单');
  await h.press(head, STAFF_CHAT, `tk:pub:${ref}`);
  await h.press(head, head.id, `tk:pub:${ref}`);
  await h.say(head, '3栋电梯今晚<18:00>前修复，请走楼梯 & 注意安全');
  expect(h.fake.lastTextTo(head.id)).toContain('将发给 3 户住户');
  await h.press(head, head.id, 'sc:yes');
  expect(h.fake.lastTextTo(head.id)).toContain(`${ref} 的公告已发出（3 户住户）`);

  const words = '3栋电梯今晚<18:00>前修复，请走楼梯 & 注意安全';
  for (const chat of [alice.id, carol.id, dave.id, RESIDENTS_CHANNEL]) {
    const notices = h.fake.textsTo(chat).filter((t) => t.includes(words));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('物业管理处 公告');
  }
  // Escaped for HTML: the words arrived as typed.
  const sent = h.fake.callsOf('sendMessage').find((c) => c.params.chat_id === carol.id && String(c.params.text).includes('公告'))!;
  expect(String(sent.params.text)).toContain('&lt;18:00&gt;');
  const items = await h.database.conn.collection('outbox').find({ ref, purpose: /^notice_sent:/ }).toArray();
  expect(items.map((i) => i.purpose).sort()).toEqual(['notice_sent:notice:chat', `notice_sent:notice:f:${carol.id}`, `notice_sent:notice:f:${dave.id}`, 'notice_sent:notice:resident']);
  expect(items.every((i) => i.status === 'sent')).toBe(true);
  expect((await h.services.tickets.history(ref)).filter((e) => e.type === 'notice_sent')).toHaveLength(1);
  // Nobody's details crossed: each resident's chat holds only their own.
  expect(everythingTo(h, RESIDENTS_CHANNEL)).not.toMatch(/爱丽丝|卡萝|大卫|138|139|137/);
});

test('a follower stops following from My tickets and hears nothing more', async () => {
  const ref = await lift(alice, undefined, '3栋2单元电梯');
  await reportUpToCategory(h, carol, CAROL, 'equipment', 'lift');
  await h.press(carol, carol.id, `sc:${ref}`);

  await h.send(h.u.command(carol, 'my'));
  const list = h.fake.lastTextTo(carol.id)!;
  expect(list).toContain('我关注的工单（1 张）');
  expect(list).toContain(ref);
  await h.press(carol, carol.id, `my:fol:${ref}:0`);
  const view = h.fake.lastTextTo(carol.id)!;
  expect(view).toContain('我关注的');
  expect(view).not.toContain('电梯异响');
  await h.press(carol, carol.id, `my:unf:${ref}:0`);
  expect((await h.services.tickets.get(ref))!.followers).toEqual([]);
  expect((await h.services.tickets.history(ref)).map((e) => e.type)).toContain('unfollowed');
  expect(h.fake.lastTextTo(carol.id)).not.toContain('我关注的工单');

  const before = h.fake.textsTo(carol.id).length;
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  expect(h.fake.textsTo(carol.id).slice(before)).toEqual([]);
  expect(cardText(h, STAFF_CHAT, ref)).not.toContain('受影响住户');
  // A stale "stop following" changes nothing and says so.
  expect(await pressData(h, carol, carol.id, `my:unf:${ref}:0`)).toContain('您没有关注这张工单');
});
