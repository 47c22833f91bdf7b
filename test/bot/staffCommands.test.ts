/**
 * /open, /mine and /ticket: what each group sees of its own tickets (unclaimed first, with
 * due times), the caller's own, one ticket with its history and actions; the manager from
 * the private chat sees every department; anyone else gets a polite refusal.
 */
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import { fileRepair } from '../support/flows';
import { CLEANING_CHAT, seatCleaner, twoGroupPolicy, wu } from '../support/staffFlows';
import type { TgUser } from '../support/updates';

const { alice, zhang, li, manager, mallory } = people;
let h: Harness;
let tickets: { doorbell: string; tap: string; lobby: string };

beforeAll(async () => {
  h = await createHarness({ policy: twoGroupPolicy() });
  seatCleaner(h);
  const doorbell = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '门铃坏了' });
  const tap = await fileRepair(h, alice, { kind: 'household', category: 'inspect', description: '水龙头一直滴水，晚上声音很大，影响休息，请尽快来修' });
  const lobby = await fileRepair(h, alice, { kind: 'public', category: 'cleaning', description: '5栋大堂地面有油污' });
  await h.press(zhang, STAFF_CHAT, `tk:claim:${tap}`);
  tickets = { doorbell, tap, lobby };
  // Past the 5-minute response limit of the unclaimed ones.
  h.clock.advance(10 * 60_000);
});
afterAll(async () => {
  await h.close();
});

/** Sends a command and returns the one reply in that chat. */
async function command(who: TgUser, text: string, chatId: number = who.id): Promise<string> {
  const before = h.fake.textsTo(chatId).length;
  await h.send(h.u.text(who, text, { id: chatId }));
  const replies = h.fake.textsTo(chatId).slice(before);
  expect(replies).toHaveLength(1);
  return replies[0];
}

test("/open in a department's group lists that group's open tickets, unclaimed first, with due times", async () => {
  const { doorbell, tap, lobby } = tickets;
  const list = await command(li, '/open', STAFF_CHAT);
  expect(list.split('\n')).toEqual([
    '工程维修部未办结的工单（2 张，待接单在前）：',
    `🟡 ${doorbell} 住户报修 · 门铃坏了 · 待接单 · 响应时限 2026-11-23 10:05 ⚠️ 已超时`,
    `🔵 ${tap} 住户报修 · 水龙头一直滴水，晚上声音很大，影响休息，请尽快… · 张 · 完成时限 2026-11-24 10:00`,
  ]);
  expect(list).not.toContain(lobby);

  const cleaning = await command(wu, '/open', CLEANING_CHAT);
  expect(cleaning).toContain(lobby);
  expect(cleaning).not.toContain(doorbell);
});

test("/mine lists the caller's own tickets", async () => {
  expect(await command(zhang, '/mine', STAFF_CHAT)).toBe(`张 手上的工单（1 张）：\n🔵 ${tickets.tap} 住户报修 · 水龙头一直滴水，晚上声音很大，影响休息，请尽快… · 张 · 完成时限 2026-11-24 10:00`);
  expect(await command(li, '/mine', STAFF_CHAT)).toBe('李，您手上没有未办结的工单。');
  // In the private chat too.
  expect(await command(zhang, '/mine')).toContain(tickets.tap);
});

test('/ticket REF shows the card with its buttons and the history; references are read loosely', async () => {
  const { tap } = tickets;
  const before = h.fake.messagesIn(STAFF_CHAT).length;
  const shown = await command(li, `/ticket ${tap.toLowerCase().replace(/-/g, '')}`, STAFF_CHAT);
  expect(shown).toContain(`住户报修 ${tap}`);
  expect(shown).toContain('已接单：张');
  expect(shown).toContain('处理记录');
  expect(shown).toMatch(/2026-11-23 10:0\d · 张（员工） 接单/);
  const message = h.fake.messagesIn(STAFF_CHAT)[before];
  expect(h.fake.buttonsOf(message).map((b) => b.data)).toEqual(expect.arrayContaining([`tk:arr:${tap}`, `tk:note:${tap}`, `tk:tr:${tap}`]));
  // The resident's name, phone and room are not in a group's /ticket either.
  expect(shown).not.toMatch(/爱丽丝|13812345678|1201/);

  expect(await command(li, '/ticket', STAFF_CHAT)).toBe('用法：/ticket 单号，例如 /ticket BX-20261122-007');
  expect(await command(li, '/ticket BX-20261123-099', STAFF_CHAT)).toBe('找不到工单 BX-20261123-099。');
  // Another department's ticket is not shown in this group.
  expect(await command(li, `/ticket ${tickets.lobby}`, STAFF_CHAT)).toContain('属于保洁绿化部，不在本群处理');
  // Its buttons work like the card's: Arrived from the /ticket message.
  await h.press(zhang, STAFF_CHAT, `tk:arr:${tap}`);
  expect((await h.services.tickets.get(tap))!.status).toBe('on_site');
});

test('the manager sees every department from the private chat', async () => {
  const list = await command(manager, '/open');
  for (const ref of Object.values(tickets)) expect(list).toContain(ref);
  expect(list).toContain('工程维修部、保洁绿化部');
  expect(await command(manager, `/ticket ${tickets.lobby}`)).toContain('公共部位报修');
});

test('non-staff are refused politely, wherever they ask', async () => {
  for (const text of ['/open', '/mine', `/ticket ${tickets.doorbell}`]) {
    expect(await command(mallory, text)).toBe("Sorry, only the office's staff can do this.");
    expect(await command(alice, text)).toBe('抱歉，只有物业员工可以进行此操作。');
  }
  // A group that is not a staff group: not for anyone there, staff included.
  const otherGroup = -1009999999999;
  expect(await command(mallory, '/open', otherGroup)).toBe('抱歉，只有物业员工可以进行此操作。');
  expect(await command(zhang, '/open', otherGroup)).toBe('这个命令请在员工群里使用（管理处主任也可以在与机器人的私聊中使用）。');
  expect(h.fake.textsTo(otherGroup).join('\n')).not.toContain(tickets.doorbell);
});
