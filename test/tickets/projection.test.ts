/**
 * The ticket document is a fold over its event log. Pure checks of the fold, then a whole
 * ticket life on the real database: replaying the stored log gives exactly the stored ticket.
 */
import pino from 'pino';
import { OutboxStore } from '../../src/outbox/store';
import { Reactor } from '../../src/reactions/reactor';
import { ManualClock } from '../../src/clock';
import { attachDatabase, type Database } from '../../src/db/connection';
import { residentActor, type Actor } from '../../src/people/actors';
import { applyEvent, replay } from '../../src/tickets/projection';
import { TicketService } from '../../src/tickets/service';
import type { TicketEvent, TicketState } from '../../src/tickets/types';
import { createTestDatabase } from '../support/db';
import { STAFF_CHAT, testPolicy } from '../support/harness';

const T0 = new Date('2026-11-23T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const resident = { telegramId: 501, name: '爱丽丝', phone: '+8613812345678', building: '3', unit: '2', room: '1201', language: 'zh-CN' };
const report = { repairKind: 'household' as const, category: 'inspect', location: '3栋2单元1201', atHome: true, description: '插座没电', media: [], visit: { asap: true } };
const alice = residentActor(501, '爱丽丝');
const zhang: Actor = { id: 601, name: '张', role: 'staff', chats: [STAFF_CHAT], headOf: [] };

/** A hand-made event (fixtures carry loosely typed data). */
function event(seq: number, type: TicketEvent['type'], extra: { text?: string; media?: TicketEvent['media']; data?: object } = {}): TicketEvent {
  const actor = type === 'created' || type === 'confirmed' || type === 'reopened' || type === 'info_added' ? alice : zhang;
  return { ref: 'BX-20261123-001', seq, type, at: at(seq), actor: { id: actor.id, role: actor.role, name: actor.name }, ...extra } as TicketEvent;
}

const initial = {
  ref: 'BX-20261123-001', kind: 'repair', status: 'open', department: 'engineering', priority: 'normal', resident, report,
  createdAt: at(1), day: '2026-11-23', month: '2026-11', responseDueAt: at(6), resolutionDueAt: at(1441), reopenCount: 0,
};
const log: TicketEvent[] = [
  event(1, 'created', { data: initial }),
  event(2, 'claimed', { data: { onSiteDueAt: at(17) } }),
  event(3, 'arrived'),
  event(4, 'resolved', { text: '换了插座', media: [{ type: 'photo', fileId: 'p1' }], data: { fee: undefined, autoConfirmAt: at(4 + 3 * 1440) } }),
  event(5, 'reopened'),
  event(6, 'info_added', { text: '还是没电' }),
  event(7, 'resolved', { text: '换了线路', media: [], data: { autoConfirmAt: at(7 + 3 * 1440) } }),
  event(8, 'confirmed'),
];

describe('the fold', () => {
  test('each event moves the state as the lifecycle says', () => {
    const states: TicketState[] = [];
    log.reduce<TicketState | undefined>((s, e) => {
      const next = applyEvent(s, e);
      states.push(next);
      return next;
    }, undefined);
    expect(states.map((s) => s.status)).toEqual(['open', 'claimed', 'on_site', 'resolved', 'reopened', 'reopened', 'resolved', 'closed']);
    expect(states.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(states[1]).toMatchObject({ owner: { id: 601, name: '张' }, claimedAt: at(2), onSiteDueAt: at(17) });
    expect(states[3]).toMatchObject({ resolvedAt: at(4), autoConfirmAt: at(4 + 4320), result: { text: '换了插座', media: [{ type: 'photo', fileId: 'p1' }] } });
    expect(states[4]).toMatchObject({ reopenCount: 1, resolvedAt: undefined, autoConfirmAt: undefined });
    expect(states[5]).toEqual({ ...states[4], seq: 6, lastEventAt: at(6), lastEvent: { type: 'info_added', at: at(6) } }); // information changes no other field
    expect(states[7]).toMatchObject({ status: 'closed', closedAt: at(8), autoConfirmAt: undefined, reopenCount: 1, result: { text: '换了线路' } });
    expect(states[7].owner).toEqual({ id: 601, name: '张' });
  });

  test('replay orders by sequence number and starts from nothing', () => {
    const shuffled = [log[3], log[0], log[7], log[1], log[5], log[2], log[6], log[4]];
    expect(replay(shuffled)).toEqual(replay(log));
    expect(replay([])).toBeUndefined();
  });

  test('an event without a created event before it is an error, not a half ticket', () => {
    expect(() => applyEvent(undefined, log[1])).toThrow(/no created event/);
    expect(() => replay(log.slice(1))).toThrow(/no created event/);
  });
});

describe('on the database', () => {
  const db = createTestDatabase();
  let database: Database;
  afterAll(() => db.drop());

  test('replaying the stored log equals the stored ticket after a whole life', async () => {
    database = await attachDatabase(await db.connect());
    const clock = new ManualClock(T0);
    const log = pino({ level: 'silent' });
    const reactor = new Reactor({ models: database.models, outbox: new OutboxStore(database.conn), policy: testPolicy(), log });
    const tickets = new TicketService({ models: database.models, clock, policy: testPolicy(), log, reactor });
    const created = await tickets.createRepair(resident, { ...report, media: [{ type: 'photo', fileId: 'p0' }], visit: { asap: false, slotStart: at(240), slotEnd: at(360) } }, alice);
    const ref = created.ref;
    const steps: (() => Promise<unknown>)[] = [
      () => tickets.claim(ref, zhang),
      () => tickets.arrive(ref, zhang),
      () => tickets.resolve(ref, zhang, { text: '换了插座', media: [{ type: 'photo', fileId: 'p1' }], fee: 30 }),
      () => tickets.dispute(ref, alice),
      () => tickets.addInfo(ref, alice, '还是没电'),
      () => tickets.resolve(ref, zhang, { text: '换了线路', media: [] }),
      () => tickets.confirm(ref, alice),
    ];
    for (const step of steps) {
      clock.advance(7 * 60_000);
      expect(await step()).toMatchObject({ ok: true });
      type Stored = { state: TicketState; seq: number; status: string; ownerId?: number; autoConfirmAt?: Date; onSiteDueAt?: Date };
      const stored = await database.models.Ticket.findOne({ ref }).lean<Stored>();
      const replayed = replay(await tickets.history(ref))!;
      // The stored projection, what the service loads, and the replayed log agree at every step.
      expect(replayed).toEqual(stored!.state);
      expect(await tickets.get(ref)).toEqual(replayed);
      // The indexed top-level fields (what the scheduler queries) follow the state too.
      const indexed = (t: Partial<Stored> & Pick<TicketState, 'autoConfirmAt' | 'onSiteDueAt'>) => ({ autoConfirmAt: t.autoConfirmAt ?? 'none', onSiteDueAt: t.onSiteDueAt ?? 'none' });
      expect({ seq: stored!.seq, status: stored!.status, ownerId: stored!.ownerId }).toEqual({ seq: replayed.seq, status: replayed.status, ownerId: replayed.owner?.id });
      expect(indexed(stored!)).toEqual(indexed(replayed));
    }
    expect((await tickets.get(ref))!).toMatchObject({ status: 'closed', seq: 8, reopenCount: 1, result: { text: '换了线路' } });
  });
});
