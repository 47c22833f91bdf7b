/**
 * rules.decide for every action, role and state, written out as tables (not recomputed from
 * the rules) so a change of who-may-do-what shows up as a failing row.
 */
import { residentActor, SYSTEM_ACTOR, type Actor } from '../../src/people/actors';
import { canSeeContact, decide, type TicketAction } from '../../src/tickets/rules';
import type { TicketState, TicketStatus } from '../../src/tickets/types';
import { STAFF_CHAT, testPolicy } from '../support/harness';

const policy = testPolicy();
const RESIDENT_ID = 501;
const OWNER = { id: 601, name: '张' };

const staff = (id: number, name: string, chats = [STAFF_CHAT]): Actor => ({ id, name, role: 'staff', chats, headOf: [] });
const actors: Record<string, Actor> = {
  resident: residentActor(RESIDENT_ID, 'Alice'), // the ticket's own resident
  otherResident: residentActor(502, 'Bob'),
  system: SYSTEM_ACTOR,
  owner: staff(OWNER.id, OWNER.name),
  staff: staff(602, '李'), // in the department's group, not the owner
  elsewhere: staff(603, '赵', [-1009999]), // staff of some other group only
  head: { id: 801, name: '王主管', role: 'head', chats: [], headOf: ['engineering'] }, // not in the group
  otherHead: { id: 802, name: '刘主管', role: 'head', chats: [], headOf: ['cleaning'] },
  manager: { id: 900, name: '陈主任', role: 'manager', chats: [], headOf: [] },
};
type Who = keyof typeof actors;

/** Open and cancelled (before work started) tickets have no owner; the others have one. */
function ticket(status: TicketStatus, owned = status !== 'open' && status !== 'cancelled'): TicketState {
  const at = new Date('2026-11-23T02:00:00Z');
  return {
    ref: 'BX-20261123-001', seq: 2, kind: 'repair', status, department: 'engineering', priority: 'normal',
    resident: { telegramId: RESIDENT_ID, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' },
    report: { repairKind: 'household', category: 'inspect', location: '3栋2单元1201', atHome: true, description: '插座没电', media: [], visit: { asap: true } },
    createdAt: at, day: '2026-11-23', month: '2026-11', responseDueAt: at, resolutionDueAt: at, reopenCount: 0, lastEventAt: at,
    anonymous: false, showUnit: true, nightIntake: false, lastEvent: { type: 'created', at },
    ...(owned ? { owner: OWNER } : {}),
  };
}

type Row = [TicketAction, TicketStatus, Who, string | null];
const rows = (action: TicketAction, status: TicketStatus, expected: Partial<Record<Who, string | null>>): Row[] =>
  (Object.entries(expected) as [Who, string | null][]).map(([who, result]) => [action, status, who, result]);

const NOT_STAFF = { resident: 'not_staff', otherResident: 'not_staff', system: 'not_staff', elsewhere: 'wrong_department', otherHead: 'wrong_department' } as const;

const staffTable: Row[] = [
  ...rows('claim', 'open', { ...NOT_STAFF, staff: null, head: null, manager: null }),
  ...(['claimed', 'on_site', 'reopened'] as const).flatMap((s) =>
    rows('claim', s, { ...NOT_STAFF, staff: 'already_claimed', owner: 'already_claimed', head: 'already_claimed', manager: 'already_claimed' })),
  // Past the work, a stale Claim is answered with the state, not with a claim that no longer matters.
  ...(['resolved', 'closed'] as const).flatMap((s) =>
    rows('claim', s, { ...NOT_STAFF, staff: 'wrong_state', owner: 'wrong_state', head: 'wrong_state', manager: 'wrong_state' })),
  ...rows('claim', 'cancelled', { staff: 'wrong_state' }),

  // An unowned ticket answers with its state: "only the owner (nobody)" would help no one.
  ...rows('arrive', 'open', { ...NOT_STAFF, staff: 'wrong_state', head: 'wrong_state', manager: 'wrong_state' }),
  ...rows('arrive', 'claimed', { ...NOT_STAFF, owner: null, staff: 'not_owner', head: null, manager: null }),
  ...rows('arrive', 'reopened', { owner: null, staff: 'not_owner', head: null, manager: null }),
  ...rows('arrive', 'on_site', { owner: 'wrong_state', staff: 'not_owner', manager: 'wrong_state' }),
  ...rows('arrive', 'resolved', { owner: 'wrong_state', head: 'wrong_state' }),
  ...rows('arrive', 'closed', { owner: 'wrong_state' }),

  ...rows('resolve', 'open', { ...NOT_STAFF, staff: 'wrong_state', manager: 'wrong_state' }),
  ...(['claimed', 'on_site', 'reopened'] as const).flatMap((s) =>
    rows('resolve', s, { ...NOT_STAFF, owner: null, staff: 'not_owner', head: null, manager: null })),
  ...rows('resolve', 'resolved', { owner: 'wrong_state', staff: 'not_owner', manager: 'wrong_state' }),
  ...rows('resolve', 'closed', { owner: 'wrong_state', head: 'wrong_state' }),
  ...rows('resolve', 'cancelled', { manager: 'wrong_state', staff: 'wrong_state' }),
];

const NOT_YOURS = { otherResident: 'not_your_ticket', owner: 'not_your_ticket', staff: 'not_your_ticket', head: 'not_your_ticket', manager: 'not_your_ticket', system: 'not_your_ticket' } as const;

const residentTable: Row[] = [
  ...rows('confirm', 'resolved', { resident: null, ...NOT_YOURS }),
  ...rows('dispute', 'resolved', { resident: null, ...NOT_YOURS }),
  ...(['open', 'claimed', 'on_site', 'reopened', 'closed', 'cancelled'] as const).flatMap((s) => [
    ...rows('confirm', s, { resident: 'wrong_state', otherResident: 'not_your_ticket' }),
    ...rows('dispute', s, { resident: 'wrong_state', owner: 'not_your_ticket' }),
  ]),
  ...(['open', 'claimed', 'on_site', 'resolved', 'reopened'] as const).flatMap((s) => rows('add_info', s, { resident: null, ...NOT_YOURS })),
  ...rows('add_info', 'closed', { resident: 'wrong_state', otherResident: 'not_your_ticket' }),
  ...rows('add_info', 'cancelled', { resident: 'wrong_state' }),
];

test.each(staffTable)('%s on a %s ticket by %s → %s', (action, status, who, expected) => {
  expect(decide(action, ticket(status), actors[who], policy)?.reason ?? null).toBe(expected);
});

test.each(residentTable)('%s on a %s ticket by %s → %s', (action, status, who, expected) => {
  expect(decide(action, ticket(status), actors[who], policy)?.reason ?? null).toBe(expected);
});

test('refusals name the owner where the user needs to know it', () => {
  expect(decide('claim', ticket('claimed'), actors.staff, policy)).toEqual({ reason: 'already_claimed', owner: OWNER });
  expect(decide('resolve', ticket('on_site'), actors.staff, policy)).toEqual({ reason: 'not_owner', owner: OWNER });
  expect(decide('claim', ticket('cancelled'), actors.staff, policy)).toEqual({ reason: 'wrong_state', status: 'cancelled' });
});

test('a head of another department who is in the group may claim, but not act on a colleague\'s ticket', () => {
  const cleaningHeadInGroup: Actor = { ...actors.otherHead, chats: [STAFF_CHAT] };
  expect(decide('claim', ticket('open'), cleaningHeadInGroup, policy)).toBeNull();
  expect(decide('resolve', ticket('claimed'), cleaningHeadInGroup, policy)?.reason).toBe('not_owner');
});

test.each([
  ['owner', true], ['head', true], ['manager', true],
  ['staff', false], ['elsewhere', false], ['otherHead', false], ['resident', false], ['otherResident', false], ['system', false],
] as [Who, boolean][])('the contact is visible to %s: %s', (who, visible) => {
  expect(canSeeContact(actors[who], ticket('claimed'))).toBe(visible);
  // Before a claim there is no owner, so plain staff never see it.
  if (who === 'staff' || who === 'owner') expect(canSeeContact(actors[who], ticket('open'))).toBe(false);
});
