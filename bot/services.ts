/** Builds the services the adapter runs on; main.ts and tests compose the same way. */
import type { Api } from 'grammy';
import type { Logger } from 'pino';
import type { Clock } from '../src/clock';
import type { OfficePolicy } from '../src/config/office';
import type { Database } from '../src/db/connection';
import { ConversationStore } from '../src/db/conversationStore';
import { ProcessedUpdates } from '../src/db/processedUpdates';
import { ResidentService } from '../src/people/residents';
import { StaffDirectory, type MembershipProbe } from '../src/people/staff';
import { TicketService } from '../src/tickets/service';
import { EmergencyIntake } from '../src/tickets/emergencyIntake';
import { DatabaseHealth } from '../src/db/health';
import { OutboxStore } from '../src/outbox/store';
import { Reactor } from '../src/reactions/reactor';
import { FactStore } from '../src/figures/store';
import { FollowerIndexes } from '../src/followers/indexes';
import { FollowerService } from '../src/followers/service';
import type { AppServices } from './context';
import type { Texts } from './texts';

const MEMBER = ['creator', 'administrator', 'member'];

/** Staff membership as Telegram reports it (getChatMember). */
export function telegramMembershipProbe(api: () => Api): MembershipProbe {
  return {
    async isMember(chatId, userId) {
      const member = await api().getChatMember(chatId, userId);
      return MEMBER.includes(member.status) || (member.status === 'restricted' && member.is_member);
    },
  };
}

export function createServices(deps: {
  database: Database;
  policy: OfficePolicy;
  clock: Clock;
  texts: Texts;
  log: Logger;
  probe: MembershipProbe;
}): AppServices {
  const { database, policy, clock, texts, log, probe } = deps;
  const { models } = database;
  // The outbox store is the reactor's: notices are written with the events they follow.
  const outboxStore = new OutboxStore(database.conn);
  // The monthly figures' facts are derived from each event in the same step as its notices.
  // The open tickets by place and each resident's followed tickets, too (src/followers/indexes.ts).
  const followerIndexes = new FollowerIndexes(models, policy);
  const reactor = new Reactor({ models, outbox: outboxStore, policy, log, observers: [new FactStore(models, policy), followerIndexes] });
  const tickets = new TicketService({ models, clock, policy, log, reactor });
  const databaseHealth = new DatabaseHealth({ ping: () => database.conn.db!.admin().ping(), log });
  database.conn.once('close', () => databaseHealth.close());
  return {
    policy,
    clock,
    texts,
    log,
    outboxStore,
    reactor,
    tickets,
    followers: new FollowerService({ tickets, indexes: followerIndexes, policy }),
    databaseHealth,
    emergencies: new EmergencyIntake({ models, clock, policy: () => policy.emergencies, ticket: (ref) => tickets.get(ref) }),
    residents: new ResidentService({ models, clock }),
    staff: new StaffDirectory({ models, clock, policy, probe }),
    updates: new ProcessedUpdates({ models, clock }),
    conversations: new ConversationStore({ models, clock }),
    db: models,
  };
}
