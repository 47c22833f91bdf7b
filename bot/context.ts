import type { Context } from 'grammy';
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { Logger } from 'pino';
import type { Clock } from '../src/clock';
import type { Lang, OfficePolicy } from '../src/config/office';
import type { ConversationStore } from '../src/db/conversationStore';
import type { Models } from '../src/db/models';
import type { ProcessedUpdates } from '../src/db/processedUpdates';
import type { ResidentService } from '../src/people/residents';
import type { StaffDirectory } from '../src/people/staff';
import type { TicketService } from '../src/tickets/service';
import type { EmergencyIntake } from '../src/tickets/emergencyIntake';
import type { DatabaseHealth } from '../src/db/health';
import type { OutboxStore } from '../src/outbox/store';
import type { Reactor } from '../src/reactions/reactor';
import type { FollowerService } from '../src/followers/service';
import type { TextArgs, Texts } from './texts';

/** Everything the adapter needs, built once by main.ts (or a test) and injected. */
export interface AppServices {
  policy: OfficePolicy;
  clock: Clock;
  texts: Texts;
  log: Logger;
  tickets: TicketService;
  /** Whether the database can be reached: updates, the outbox and the scheduler behave accordingly while it cannot. */
  databaseHealth: DatabaseHealth;
  /** Whether a new emergency alerts at once, is asked about first, or is refused (src/tickets/emergencyIntake.ts). */
  emergencies: EmergencyIntake;
  /** The outbox's records, shared by the reactor (which writes notices) and the dispatcher. */
  outboxStore: OutboxStore;
  reactor: Reactor;
  residents: ResidentService;
  /** "Me too" followers, linked duplicates and public notices (src/followers). */
  followers: FollowerService;
  staff: StaffDirectory;
  updates: ProcessedUpdates;
  conversations: ConversationStore;
  /** The collections, for the infrastructure that needs them (outbox, jobs). */
  db: Models;
}

export interface AppFlavor {
  services: AppServices;
  /** This update's language: the person's in private chats, the office's in staff groups. */
  lang: Lang;
  t(key: string, args?: TextArgs): string;
  log: Logger;
}

export type BotContext = ConversationFlavor<Context & AppFlavor>;
/** Inside a conversation the context is a plain one; services reach scenes by closure. */
export type SceneContext = Context;
