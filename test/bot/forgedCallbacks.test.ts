/**
 * Callback data is chosen by the client, so anyone can send any `tk:*` or `rs:*` data from
 * any chat. Only staff may act on cards, only the owner (or the head, or the manager) on a
 * claimed ticket, only the resident on their own ticket — and a refusal changes nothing.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { callbackAnswers, cardText, fileRepair, resolveTicket, sendCallback } from '../support/flows';
import type { TgUser } from '../support/updates';

const { alice, bob, zhang, li, head, manager, mallory } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function snapshot(ref: string) {
  const t = (await h.services.tickets.get(ref))!;
  return { status: t.status, owner: t.owner, seq: t.seq, events: (await h.services.tickets.history(ref)).length };
}

async function newTicket(description = '门铃坏了'): Promise<string> {
  return fileRepair(h, alice, { kind: 'household', category: 'inspect', description });
}

/** Sends a callback and returns the one answer it got (a refusal must never be silent). */
async function press(who: TgUser, chatId: number, data: string, messageId?: number): Promise<string> {
  const before = callbackAnswers(h).length;
  await sendCallback(h, who, chatId, data, messageId);
  const answers = callbackAnswers(h).slice(before);
  expect(answers).toHaveLength(1);
  return answers[0];
}

test('a non-staff user forging card callbacks in the group and in private is refused; nothing changes', async () => {
  const open = await newTicket();
  const claimed = await newTicket('水龙头漏水');
  await h.press(zhang, STAFF_CHAT, `tk:claim:${claimed}`);
  const before = { open: await snapshot(open), claimed: await snapshot(claimed) };
  // What the group sees; getChatMember (asking whether Mallory is a member) is a read, not a message.
  const shownInGroup = () => h.fake.callsTo(STAFF_CHAT).filter((c) => c.method !== 'getChatMember');
  const groupCalls = shownInGroup().length;
  const card = h.messageWithButton(STAFF_CHAT, `tk:claim:${open}`).message_id;

  for (const ref of [open, claimed]) {
    for (const chatId of [STAFF_CHAT, mallory.id]) {
      for (const action of ['claim', 'arr', 'res', 'rsp']) {
        const answer = await press(mallory, chatId, `tk:${action}:${ref}`, chatId === STAFF_CHAT ? card : undefined);
        // The group speaks the office's language; Mallory's private chat speaks his (English).
        expect(answer).toBe(chatId === STAFF_CHAT ? '抱歉，只有物业员工可以进行此操作。' : "Sorry, only the office's staff can do this.");
      }
      // Actions that do not exist are not even looked at.
      for (const action of ['ct', 'zz']) {
        const answer = await press(mallory, chatId, `tk:${action}:${ref}`, chatId === STAFF_CHAT ? card : undefined);
        // The group speaks the office's language; Mallory's private chat speaks his (English).
        expect(answer).toBe(chatId === STAFF_CHAT ? '这个按钮已失效，请使用最新消息里的按钮。' : 'That button is no longer active; please use the buttons of the latest message.');
      }
    }
    await h.send(h.u.text(mallory, `/start rs_${ref}`));
    expect(h.fake.lastTextTo(mallory.id)).toBe("Sorry, only the office's staff can do this.");
  }

  expect(await snapshot(open)).toEqual(before.open);
  expect(await snapshot(claimed)).toEqual(before.claimed);
  expect(shownInGroup()).toHaveLength(groupCalls); // not even a card refresh
  // No resolve scene was opened for him, and he learned nothing about the resident.
  expect(await h.database.models.ConversationState.countDocuments()).toBe(0);
  expect(h.fake.textsTo(mallory.id).join('\n')).not.toMatch(/13812345678|爱丽丝|1201/);
});

test('staff who do not own a claimed ticket are refused; the head and the manager may act', async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  const card = h.messageWithButton(STAFF_CHAT, `tk:arr:${ref}`).message_id;
  const before = await snapshot(ref);

  for (const action of ['arr', 'res']) {
    expect(await press(li, STAFF_CHAT, `tk:${action}:${ref}`, card)).toContain('只有接单人（张）');
  }
  for (const action of ['res', 'rsp']) {
    expect(await press(li, li.id, `tk:${action}:${ref}`)).toContain('只有接单人（张）');
  }
  await h.send(h.u.text(li, `/start rs_${ref}`));
  expect(h.fake.lastTextTo(li.id)).toContain('只有接单人（张）');
  expect(await snapshot(ref)).toEqual(before);

  // The department head marks the arrival.
  expect(await press(head, STAFF_CHAT, `tk:arr:${ref}`, card)).toContain('已记录到场');
  // The manager is not in the group (getChatMember says 'left') but may resolve.
  await resolveTicket(h, manager, STAFF_CHAT, ref, '更换了门铃电池');
  const ticket = (await h.services.tickets.get(ref))!;
  expect(ticket.status).toBe('resolved');
  expect(ticket.owner?.id).toBe(zhang.id); // acting for the owner does not take the ticket over
  const history = await h.services.tickets.history(ref);
  expect(history.map((e) => [e.type, e.actor.id, e.actor.role])).toEqual([
    ['created', alice.id, 'resident'],
    ['claimed', zhang.id, 'staff'],
    ['arrived', head.id, 'head'],
    ['resolved', manager.id, 'manager'],
  ]);
});

test('a staff member who left the group can no longer claim', async () => {
  const first = await newTicket();
  // Known members: both have acted in the group before.
  await h.press(li, STAFF_CHAT, `tk:claim:${first}`);
  await press(zhang, STAFF_CHAT, `tk:claim:${first}`);
  const ref = await newTicket('楼道灯不亮');
  const card = h.messageWithButton(STAFF_CHAT, `tk:claim:${ref}`).message_id;

  // Zhang leaves and the bot is told (it is an admin of the group).
  h.fake.setChatMember(STAFF_CHAT, zhang.id, 'left');
  await h.send(h.u.chatMember(STAFF_CHAT, zhang, 'member', 'left'));
  expect(await press(zhang, STAFF_CHAT, `tk:claim:${ref}`, card)).toBe('抱歉，只有物业员工可以进行此操作。');

  // Li leaves without the bot being told (no admin rights, no update); it must check again in time.
  h.fake.setChatMember(STAFF_CHAT, li.id, 'left');
  h.clock.advance(60 * 60_000);
  expect(await press(li, STAFF_CHAT, `tk:claim:${ref}`, card)).toBe('抱歉，只有物业员工可以进行此操作。');
  expect(await snapshot(ref)).toMatchObject({ status: 'open', seq: 1, events: 1 });

  // Back in the group, Zhang may claim again: the refusals above were about membership.
  h.fake.setChatMember(STAFF_CHAT, zhang.id, 'member');
  await h.send(h.u.chatMember(STAFF_CHAT, zhang, 'left', 'member'));
  expect(await press(zhang, STAFF_CHAT, `tk:claim:${ref}`, card)).toContain('接单成功');
});

test("a resident cannot confirm or dispute someone else's ticket", async () => {
  const ref = await newTicket();
  await h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`);
  await resolveTicket(h, zhang, STAFF_CHAT, ref, '修好了');
  const before = await snapshot(ref);
  expect(before.status).toBe('resolved');

  expect(await press(bob, bob.id, `rs:ok:${ref}`)).toBe('Sorry, this is not your ticket.');
  expect(await press(bob, bob.id, `rs:no:${ref}`)).toBe('Sorry, this is not your ticket.');
  // Staff cannot answer for the resident either, not even the owner.
  expect(await press(zhang, STAFF_CHAT, `rs:ok:${ref}`)).toBe('抱歉，这不是您的工单。');
  expect(await snapshot(ref)).toEqual(before);

  // The resident herself can.
  await h.press(alice, alice.id, `rs:ok:${ref}`);
  expect((await h.services.tickets.get(ref))!.status).toBe('closed');
  // The closed card is rendered from the stored ticket: a free repair shows no fee (once "¥null").
  const card = cardText(h, STAFF_CHAT, ref);
  expect(card).toContain('已关闭');
  expect(card).not.toContain('实收');
});
