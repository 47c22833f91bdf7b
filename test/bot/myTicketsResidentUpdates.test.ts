/**
 * Every change of every kind of ticket reaches the resident, in the resident's language:
 * accepted, claimed, waiting for parts, rescheduled, arrived, a note for the resident,
 * resolved, reopened, reassigned, transferred (to a department, never to a person),
 * closed, cancelled, classified (with the expected answer time), answered. Buttons are
 * pressed where they exist; actions whose buttons other parts of the bot provide are
 * performed through the services and sent with the notifier, as those handlers do.
 */
import type { Lang } from '../../src/config/office';
import { residentActor } from '../../src/people/actors';
import type { ComplaintClass, ResidentContact, TicketState } from '../../src/tickets/types';
import { fileRepair, resolveTicket, type Profile } from '../support/flows';
import { createHarness, people, STAFF_CHAT, type Harness } from '../support/harness';
import type { TgUser } from '../support/updates';

const { alice, bob, zhang, li, head, manager } = people;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

interface Resident {
  lang: Lang;
  who: TgUser;
  profile: Profile;
  contact: ResidentContact;
}

const RESIDENTS: Resident[] = [
  {
    lang: 'zh-CN',
    who: alice,
    profile: { name: '爱丽丝', phone: '138 1234 5678', address: '3栋2单元1201' },
    contact: { telegramId: alice.id, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' },
  },
  {
    lang: 'en',
    who: bob,
    profile: { name: 'Bob Lee', phone: '139 0000 1111', address: 'Building 5 Unit 1 Room 302' },
    contact: { telegramId: bob.id, name: 'Bob Lee', phone: '+8613900001111', building: '5', unit: '1', room: '302', language: 'en' },
  },
];

/** What the resident was sent while `action` ran. */
async function told(who: TgUser, action: () => Promise<unknown>): Promise<string> {
  const before = h.fake.textsTo(who.id).length;
  await action();
  return h.fake.textsTo(who.id).slice(before).join('\n');
}

const actorOf = (who: TgUser) => h.services.staff.actorFor({ id: who.id, firstName: who.first_name });

/** A service call's result, which must have succeeded; the core tells the resident, as for any entry point. */
async function tell(result: Promise<{ ok: boolean }>): Promise<TicketState> {
  const done = await result;
  if (!done.ok) throw new Error(`refused: ${JSON.stringify(done)}`);
  await h.settle();
  return (done as { ok: true; ticket: TicketState }).ticket;
}

const EXPECTED = {
  'zh-CN': {
    accepted: (ref: string) => `✅ 报修已受理，工单号 ${ref}`,
    claimed: (ref: string, name: string) => `👷 工单 ${ref} 已由 ${name} 师傅接单，预计 2026-11-23 10:15 前到场。`,
    parts: (ref: string) => `⏳ 工单 ${ref} 正在等待配件：门铃缺货。预计 2026-11-24 10:00 继续处理。`,
    rescheduled: (ref: string) => `⏳ 工单 ${ref} 已改期：住户不在家。新的时间：2026-11-24 14:00。`,
    arrived: (ref: string) => `🚪 张 师傅已到场处理工单 ${ref}。`,
    note: (ref: string) => `📝 关于 ${ref}（张）：明天带新门铃来`,
    resolved: (ref: string) => `🛠 工单 ${ref} 已处理完成（张）。\n处理结果：更换了门铃`,
    reopened: (ref: string) => `🔁 工单 ${ref} 已重新打开，我们会尽快再次处理。`,
    reassigned: (ref: string) => `👤 您的工单 ${ref} 改由 李 处理。`,
    transferred: (ref: string) => `↪️ 您的工单 ${ref} 已转交保洁绿化部处理。`,
    closed: (ref: string) => `🙏 感谢确认，工单 ${ref} 已关闭。`,
    cancelled: (ref: string) => `工单 ${ref} 已取消。如有需要可随时重新提交。`,
    complaintClaimed: (ref: string) => `👤 张 正在处理您的 ${ref}。`,
    classified: (ref: string, due: string) => `🏷 您的投诉 ${ref} 已登记处理，预计 ${due} 前答复您。`,
    invalid: (ref: string) => `🏷 您的投诉 ${ref} 经核实不属于物业服务范围，说明如下：\n噪音来自市政施工`,
    complaintAnswered: (ref: string) => `📢 投诉 ${ref} 处理答复（张）：\n已约谈保洁主管`,
    emergencyClaimed: (ref: string) => `🏃 张 已接手紧急求助 ${ref}，正在赶往现场。`,
    answered: (ref: string) => `💬 ${ref} 的回复（张）：\n周六上午九点开放`,
  },
  en: {
    accepted: (ref: string) => `✅ Your repair is registered as ${ref}.`,
    claimed: (ref: string, name: string) => `👷 ${name} has taken ticket ${ref} and will be on site by 2026-11-23 10:15.`,
    parts: (ref: string) => `⏳ Ticket ${ref} is waiting for parts: 门铃缺货. Expected to continue 2026-11-24 10:00.`,
    rescheduled: (ref: string) => `⏳ Ticket ${ref} has been rescheduled: 住户不在家. New time: 2026-11-24 14:00.`,
    arrived: (ref: string) => `🚪 张 has arrived for ticket ${ref}.`,
    note: (ref: string) => `📝 About ${ref} (张): 明天带新门铃来`,
    resolved: (ref: string) => `🛠 Ticket ${ref} has been resolved by 张.\nResult: 更换了门铃`,
    reopened: (ref: string) => `🔁 Ticket ${ref} is reopened; we will work on it again soon.`,
    reassigned: (ref: string) => `👤 Your ticket ${ref} is now handled by 李.`,
    transferred: (ref: string) => `↪️ Your ticket ${ref} has been passed to Cleaning & Landscaping.`,
    closed: (ref: string) => `🙏 Thank you for confirming; ticket ${ref} is closed.`,
    cancelled: (ref: string) => `Ticket ${ref} is cancelled. You can report again at any time.`,
    complaintClaimed: (ref: string) => `👤 张 is handling your ${ref}.`,
    classified: (ref: string, due: string) => `🏷 Your complaint ${ref} is being handled; expect an answer by ${due}.`,
    invalid: (ref: string) => `🏷 Your complaint ${ref} turned out to be outside the office's responsibilities:\n噪音来自市政施工`,
    complaintAnswered: (ref: string) => `📢 The office's answer to complaint ${ref} (张):\n已约谈保洁主管`,
    emergencyClaimed: (ref: string) => `🏃 张 has taken emergency ${ref} and is on the way.`,
    answered: (ref: string) => `💬 Reply to ${ref} (张):\n周六上午九点开放`,
  },
};

describe.each(RESIDENTS)('every change reaches the resident ($lang)', ({ lang, who, profile, contact }) => {
  const expected = EXPECTED[lang];

  test('a repair from report to closure, through a reassignment and a transfer', async () => {
    let ref = '';
    const accepted = await told(who, async () => (ref = await fileRepair(h, who, { kind: 'household', category: 'inspect', description: '门铃坏了' }, profile)));
    expect(accepted).toContain(expected.accepted(ref));
    expect(await told(who, () => h.press(zhang, STAFF_CHAT, `tk:claim:${ref}`))).toBe(expected.claimed(ref, '张'));
    const owner = await actorOf(zhang);
    const parts = { reason: '门铃缺货', until: new Date('2026-11-24T02:00:00Z'), parts: true };
    expect(await told(who, () => tell(h.services.tickets.reschedule(ref, owner, parts)))).toBe(expected.parts(ref));
    const visit = { reason: '住户不在家', until: new Date('2026-11-24T06:00:00Z'), parts: false };
    expect(await told(who, () => tell(h.services.tickets.reschedule(ref, owner, visit)))).toBe(expected.rescheduled(ref));
    expect(await told(who, () => h.press(zhang, STAFF_CHAT, `tk:arr:${ref}`))).toBe(expected.arrived(ref));
    expect(await told(who, () => tell(h.services.tickets.note(ref, owner, { text: '明天带新门铃来', media: [], toResident: true })))).toBe(expected.note(ref));
    // An internal note is not a change the resident hears of.
    expect(await told(who, () => tell(h.services.tickets.note(ref, owner, { text: '住户很着急', media: [], toResident: false })))).toBe('');
    expect(await told(who, () => resolveTicket(h, zhang, STAFF_CHAT, ref, '更换了门铃'))).toContain(expected.resolved(ref));
    expect(await told(who, () => h.press(who, who.id, `rs:no:${ref}`))).toContain(expected.reopened(ref));
    await h.press(who, who.id, 'sc:skip');

    const headActor = await actorOf(head);
    const liActor = await actorOf(li);
    expect(await told(who, () => tell(h.services.tickets.reassign(ref, headActor, liActor)))).toBe(expected.reassigned(ref));
    const transferred = await told(who, async () => {
      const done = await h.services.tickets.transfer(ref, headActor, 'cleaning', '属于保洁范围');
      if (!done.ok) throw new Error(done.reason);
      await h.settle();
    });
    expect(transferred).toBe(expected.transferred(ref));
    expect(transferred).not.toContain('李');

    expect(await told(who, () => h.press(li, STAFF_CHAT, `tk:claim:${ref}`))).toBe(expected.claimed(ref, '李'));
    await resolveTicket(h, li, STAFF_CHAT, ref, '已清理');
    expect(await told(who, () => h.press(who, who.id, `rs:ok:${ref}`))).toBe(expected.closed(ref));
    expect((await h.services.tickets.get(ref))!.status).toBe('closed');
  });

  test('cancelled, and the other kinds: complaint (claimed, classified, answered), emergency, inquiry', async () => {
    const residentOf = residentActor(contact.telegramId, contact.name);
    const staffer = await actorOf(zhang);
    const repair = await h.services.tickets.createRepair(
      contact,
      { repairKind: 'public', category: 'inspect', location: '5栋大堂', atHome: false, description: '灯不亮', media: [], visit: { asap: true } },
      residentOf,
    );
    await h.settle();
    // Cancelling is the resident's own act, answered by the scene directly (myTicketsActions.test.ts): no second message.
    expect(await told(who, () => tell(h.services.tickets.cancel(repair.ref, residentOf, '已经好了')))).toBe('');

    const complaint = (anonymous: boolean) =>
      h.services.tickets.createComplaint(
        contact,
        { subject: 'environment', when: '今天', where: '3栋门口', what: '垃圾没人收', wants: '每天清运', media: [], anonymous, showUnit: false },
        residentOf,
      );
    const first = await complaint(false);
    await h.settle();
    expect(await told(who, () => h.press(zhang, STAFF_CHAT, `tk:claim:${first.ref}`))).toBe(expected.complaintClaimed(first.ref));
    // Created at 10:00: valid → 2 days, help → 3 days, major → first answer in 2 days.
    const dues: [ComplaintClass, string][] = [
      ['valid', '2026-11-25 10:00'],
      ['help', '2026-11-26 10:00'],
      ['major', '2026-11-25 10:00'],
    ];
    for (const [cls, due] of dues) {
      const ticket = await complaint(cls === 'major');
      const options = cls === 'major' ? { manager: { id: manager.id, name: manager.first_name } } : {};
      expect(await told(who, () => tell(h.services.tickets.classify(ticket.ref, staffer, cls, options)))).toBe(expected.classified(ticket.ref, due));
    }
    const invalid = await complaint(true);
    const invalidText = await told(who, () => tell(h.services.tickets.classify(invalid.ref, staffer, 'invalid', { explanation: '噪音来自市政施工' })));
    expect(invalidText).toContain(expected.invalid(invalid.ref));
    expect(await told(who, () => tell(h.services.tickets.resolve(first.ref, staffer, { text: '已约谈保洁主管', media: [] })))).toContain(
      expected.complaintAnswered(first.ref),
    );

    const emergency = await h.services.tickets.createEmergency(contact, { what: 'flood', location: '地下车库', atHome: false }, residentOf);
    await h.settle();
    expect(await told(who, () => h.press(zhang, STAFF_CHAT, `tk:claim:${emergency.ref}`))).toBe(expected.emergencyClaimed(emergency.ref));

    const inquiry = await h.services.tickets.createInquiry(contact, { question: '游泳池几点开放？', media: [] }, residentOf);
    expect(await told(who, () => tell(h.services.tickets.answer(inquiry.ref, staffer, '周六上午九点开放')))).toContain(expected.answered(inquiry.ref));
  });
});
