/**
 * Who hears of what, decided in one pure function: each case worked out by hand from the
 * office's procedures (SPEC.md) and the test office (one staff group, head 801, manager 900).
 */
import { consequences, LIMIT_LEVELS } from '../../src/reactions/consequences';
import type { Notice } from '../../src/reactions/notices';
import { initialComplaint, initialEmergency, initialRepair, type InitialTicket } from '../../src/tickets/creation';
import { applyEvent } from '../../src/tickets/projection';
import type { TicketEvent, TicketState } from '../../src/tickets/types';
import type { AlertLevel } from '../../src/limits/rules';
import { people, STAFF_CHAT, testPolicy } from '../support/harness';

const policy = testPolicy();
const NOW = new Date('2026-11-23T02:00:00Z');
const HEAD = people.head.id;
const MANAGER = people.manager.id;
const resident = { telegramId: 501, name: '王丽', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
const zhang = { id: 601, role: 'staff' as const, name: '张' };

function ticketFrom(initial: InitialTicket, ref: string): TicketState {
  const created: TicketEvent = { ref, seq: 1, type: 'created', at: NOW, actor: { id: 501, role: 'resident', name: '王丽' }, data: { ...initial, ref, day: '2026-11-23', month: '2026-11' } };
  return applyEvent(undefined, created);
}

const repair = () =>
  ticketFrom(initialRepair(resident, { repairKind: 'public', category: 'inspect', location: '5栋大堂', atHome: false, description: '门禁坏了', media: [], visit: { asap: true } }, NOW, policy), 'BX-20261123-001');

/** Applies the event and returns its notices, with the ticket after it. */
function after(ticket: TicketState, event: { type: TicketEvent['type']; actor: TicketEvent['actor']; text?: string; data?: object }): { notices: Notice[]; ticket: TicketState } {
  const full = { ref: ticket.ref, seq: ticket.seq + 1, at: NOW, ...event } as TicketEvent;
  const next = applyEvent(ticket, full);
  return { notices: consequences(full, next, policy), ticket: next };
}

const shape = (notices: Notice[]) => notices.map((n) => `${n.what.type === 'message' ? n.what.message : n.what.type}→${n.to.kind === 'person' ? n.to.id : n.to.kind}`);

test('a new report posts its card to its department; an emergency to every group, every head and the manager', () => {
  const created = repair();
  const [post] = consequences({ ref: created.ref, seq: 1, type: 'created', at: NOW, actor: { id: 501, role: 'resident', name: '' } }, created, policy);
  expect(post.what).toEqual({ type: 'card_post', targets: [{ chatId: STAFF_CHAT }], replace: false });

  const emergency = ticketFrom(initialEmergency(resident, { what: 'fire', location: '3栋', atHome: false }, NOW, policy), 'JJ-20261123-001');
  const [alert] = consequences({ ref: emergency.ref, seq: 1, type: 'created', at: NOW, actor: { id: 501, role: 'resident', name: '' } }, emergency, policy);
  expect(alert.what.type === 'card_post' && alert.what.targets.map((t) => t.chatId)).toEqual([STAFF_CHAT, HEAD, MANAGER]);
});

test('claim, arrival and resolution: the cards and the resident; an internal note only under the card', () => {
  const claimed = after(repair(), { type: 'claimed', actor: zhang });
  expect(shape(claimed.notices)).toEqual(['card_refresh→card', 'resident_update→resident']);
  const note = after(claimed.ticket, { type: 'note_added', actor: zhang, text: '缺零件', data: { toResident: false } });
  expect(shape(note.notices)).toEqual(['staff_note→card']);
  const told = after(claimed.ticket, { type: 'note_added', actor: zhang, text: '明天来', data: { toResident: true } });
  expect(shape(told.notices)).toEqual(['staff_note→card', 'resident_update→resident']);
});

test('a release is told to the card and to the resident (SPEC: every change is told)', () => {
  const claimed = after(repair(), { type: 'claimed', actor: zhang }).ticket;
  expect(shape(after(claimed, { type: 'released', actor: zhang, text: '不是我的', data: {} }).notices)).toEqual(['card_refresh→card', 'released→card', 'resident_update→resident']);
  expect(shape(after(claimed, { type: 'released', actor: { id: 0, role: 'system', name: 'system' }, data: { automatic: true } }).notices)).toEqual([
    'card_refresh→card',
    'auto_released→card',
    'resident_update→resident',
  ]);
});

test('a reassignment tells the new owner privately and gives them the contact (under the card if they never started the bot)', () => {
  const claimed = after(repair(), { type: 'claimed', actor: zhang }).ticket;
  const { notices } = after(claimed, { type: 'reassigned', actor: { id: HEAD, role: 'head', name: '王主管' }, data: { to: { id: 602, name: '李' } } });
  expect(shape(notices)).toEqual(['card_refresh→card', 'resident_update→resident', 'assigned_to_you→602', 'contact→602']);
  expect(notices.find((n) => n.what.type === 'contact')?.fallbackToCard).toBe(true);
  const onCard = consequences({ ref: claimed.ref, seq: 3, type: 'reassigned', at: NOW, actor: zhang, data: { to: { id: 602, name: '李' } } }, claimed, { ...policy, contactOnCard: true });
  expect(shape(onCard)).not.toContain('contact→602');
});

test('complaints: a valid one alerts the heads privately, a major one the manager — never the person who classified it; an anonymous one gives no contact', () => {
  const input = { subject: 'staff' as const, staffDepartment: 'engineering', when: '今天', where: '大堂', what: '态度差', wants: '道歉', media: [], anonymous: true, showUnit: false };
  const complaint = ticketFrom(initialComplaint(resident, input, NOW, policy), 'TS-20261123-001');
  const service = { id: 700, role: 'staff' as const, name: '客服' };
  expect(shape(after(complaint, { type: 'classified', actor: service, data: { class: 'valid', resolutionDueAt: NOW } }).notices)).toEqual([
    'card_refresh→card',
    'resident_update→resident',
    `classified_valid→${HEAD}`,
  ]);
  expect(shape(after(complaint, { type: 'classified', actor: { id: HEAD, role: 'head', name: '王主管' }, data: { class: 'valid', resolutionDueAt: NOW } }).notices)).not.toContain(`classified_valid→${HEAD}`);
  expect(shape(after(complaint, { type: 'classified', actor: service, data: { class: 'major', resolutionDueAt: NOW } }).notices)).toContain(`classified_major→${MANAGER}`);
  const reassigned = after(complaint, { type: 'reassigned', actor: { id: HEAD, role: 'head', name: '王主管' }, data: { to: { id: 602, name: '李' } } });
  expect(shape(reassigned.notices)).not.toContain('contact→602');
});

test('a dissatisfied survey reaches the department head privately, not only as a mention in the group', () => {
  const closed = after(after(after(repair(), { type: 'claimed', actor: zhang }).ticket, { type: 'resolved', actor: zhang, text: '好了', data: {} }).ticket, { type: 'confirmed', actor: { id: 501, role: 'resident', name: '王丽' } }).ticket;
  const reopened = after(closed, { type: 'reopened', actor: { id: 0, role: 'system', name: 'system' }, text: '没修好', data: { source: 'survey', survey: 'BX-20261123-001.5' } });
  expect(shape(reopened.notices)).toEqual(['card_refresh→card', 'survey_reopened_staff→card', `survey_reopened_head→${HEAD}`, 'survey_reopened_resident→resident']);
});

test('the time-limit ladder: the owner, then the group and the heads (the manager where there is no head), then the manager — never anyone else', () => {
  const claimed = after(repair(), { type: 'claimed', actor: zhang }).ticket;
  const alert = (ticket: TicketState, level: AlertLevel, p = policy) =>
    shape(consequences({ ref: ticket.ref, seq: ticket.seq + 1, type: level === 'remind' ? 'reminded' : 'escalated', at: NOW, actor: { id: 0, role: 'system', name: '' }, data: { limit: 'resolution', level, due: NOW } }, ticket, p));
  expect(alert(claimed, 'remind')).toEqual(['limit_alert→601']);
  expect(alert(repair(), 'remind')).toEqual(['limit_alert→card']);
  expect(alert(claimed, 'head')).toEqual(['limit_alert→card', `limit_alert→${HEAD}`]);
  expect(alert(claimed, 'manager')).toEqual([`limit_alert→${MANAGER}`]);
  const noHeads = { ...policy, departments: policy.departments.map((d) => ({ ...d, heads: [] })) };
  expect(alert(claimed, 'head', noHeads)).toEqual(['limit_alert→card', `limit_alert→${MANAGER}`]);
  expect(alert(claimed, 'manager', { ...noHeads, managers: [] })).toEqual(['limit_alert→card']);
  // One entry per level, each saying when it fires: the table is the whole ladder.
  expect(Object.keys(LIMIT_LEVELS).sort()).toEqual(['head', 'manager', 'remind']);
});

test('the same event gives the same notices, with names unique within it (their outbox ids)', () => {
  const claimed = after(repair(), { type: 'claimed', actor: zhang }).ticket;
  const event: TicketEvent = { ref: claimed.ref, seq: 3, type: 'cancelled', at: NOW, actor: { id: 501, role: 'resident', name: '王丽' }, text: '不需要了' };
  const first = consequences(event, claimed, policy);
  expect(consequences(event, claimed, policy)).toEqual(first);
  expect(new Set(first.map((n) => n.name)).size).toBe(first.length);
  expect(shape(first)).toEqual(['card_refresh→card', 'cancelled→card', 'cancelled→601']);
});
