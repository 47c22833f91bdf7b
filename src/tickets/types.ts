import type { Role } from '../people/actors';
import type { RepairKindId } from '../config/office';
import type { TicketKind } from './reference';
import type { AlertLevel, LimitId } from '../limits/rules';

export type TicketStatus = 'open' | 'claimed' | 'on_site' | 'resolved' | 'reopened' | 'closed' | 'cancelled';

/** The statuses after which nothing more happens to a ticket (unless a survey reopens it). */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['closed', 'cancelled'];

/** Whether a ticket belongs to the working set the lists and ticks read (src/tickets/repository.ts). */
export function inWorkingSet(status: TicketStatus): boolean {
  return !FINISHED_STATUSES.includes(status);
}

export interface Media {
  type: 'photo' | 'video';
  fileId: string;
}

export interface ResidentContact {
  telegramId: number;
  name: string;
  phone: string;
  building: string;
  unit?: string;
  room: string;
  language: string;
}

export interface VisitPreference {
  asap: boolean;
  slotStart?: Date;
  slotEnd?: Date;
}

export interface Fee {
  amount: number;
  unit: string;
  note?: string;
}

/** What the resident confirmed in the repair scene. */
export interface RepairReport {
  repairKind: RepairKindId;
  category: string;
  location: string;
  /** True when the location is the resident's own flat. */
  atHome: boolean;
  description: string;
  media: Media[];
  visit: VisitPreference;
  /** Present for paid categories: the price the resident agreed to. */
  agreedPrice?: Fee;
  /** Reported by scanning an office place's code. */
  place?: PlaceRef;
}

/** What every report has, plus the repair fields for repairs (the repair scene's answers). */
export interface TicketReport {
  description: string;
  media: Media[];
  location: string;
  atHome: boolean;
  repairKind?: RepairKindId;
  category?: string;
  visit?: VisitPreference;
  agreedPrice?: Fee;
  /** Reported by scanning an office place's code (扫码报修): which place (its building may differ from the reporter's). */
  place?: PlaceRef;
}

/** An office place named by a QR code (src/places/config.ts). */
export interface PlaceRef {
  code: string;
  building: string;
  unit?: string;
}

/**
 * A resident who said "me too" (or whose duplicate report was linked here): told of the
 * ticket's changes like its reporter, never shown to other residents.
 */
export interface Follower extends ResidentContact {
  since: Date;
}

export type ComplaintSubject = 'service' | 'staff' | 'fees' | 'environment' | 'neighbours' | 'developer' | 'other';
export type ComplaintClass = 'valid' | 'help' | 'inquiry' | 'venting' | 'invalid' | 'major';
export const COMPLAINT_CLASSES: ComplaintClass[] = ['valid', 'help', 'inquiry', 'venting', 'invalid', 'major'];

export interface ComplaintDetails {
  subject: ComplaintSubject;
  /** For complaints about a staff member: the department the resident named, if any. */
  staffDepartment?: string;
  /** When it happened, as the resident put it ("today", "yesterday evening"). */
  when: string;
  /** What the resident wants (诉求). */
  wants: string;
  class?: ComplaintClass;
  classifiedBy?: { id: number; name: string };
  firstAnswerDueAt?: Date;
}

/**
 * An internal task (内部工作任务): filed by a staff member for another department. The filer
 * stands where a resident would (`TicketState.resident`: their id, first name and language;
 * no phone or room) and hears of its progress the same way.
 */
export interface InternalTaskDetails {
  /** The filer's department, when they belong to one (for the card: "from Security"). */
  fromDepartment?: string;
  /** A public area given by building (and unit); otherwise the place is only described in the report's location. */
  building?: string;
  unit?: string;
}

export type EmergencyType = 'fire' | 'flood' | 'gas' | 'lift' | 'medical' | 'crime' | 'other';
export const EMERGENCY_TYPES: EmergencyType[] = ['fire', 'flood', 'gas', 'lift', 'medical', 'crime', 'other'];

export interface TicketState {
  ref: string;
  seq: number;
  kind: TicketKind;
  status: TicketStatus;
  department: string;
  priority: 'normal' | 'urgent';
  resident: ResidentContact;
  /** Anonymous complaints: no name, phone, room or Telegram identity ever reaches staff. */
  anonymous: boolean;
  /** Whether staff may see the unit (anonymous complainants choose); the building always shows. */
  showUnit: boolean;
  report: TicketReport;
  complaint?: ComplaintDetails;
  emergency?: { what: EmergencyType };
  task?: InternalTaskDetails;
  createdAt: Date;
  day: string;
  month: string;
  responseDueAt: Date;
  resolutionDueAt: Date;
  /** Received outside the front desk's hours (night intake). */
  nightIntake: boolean;
  owner?: { id: number; name: string };
  claimedAt?: Date;
  /**
   * The first time anyone took the ticket on (a claim, a reassignment or a classification that
   * gave it an owner), with the response limit it had then: kept through releases and
   * transfers, it is the response the monthly figures judge (src/figures/facts.ts).
   */
  firstResponse?: { at: Date; dueAt: Date; department: string };
  onSiteDueAt?: Date;
  arrivedAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  cancelledAt?: Date;
  autoConfirmAt?: Date;
  result?: { text: string; media: Media[]; fee?: number };
  /** Waiting for parts or rescheduled: why, and until when. */
  waiting?: { reason: string; until: Date; parts: boolean };
  transferredFrom?: string;
  lastUrgedAt?: Date;
  /** Keys of the scheduler's events recorded once per key (alerts, surveys, weekly updates). */
  recordedKeys?: string[];
  /** How many times the resident urged (催办). */
  urgeCount?: number;
  /** The earlier ticket this one repeats (same resident, category and place within the window). */
  repeatOf?: string;
  reopenCount: number;
  /** Residents affected besides the reporter ("me too", linked duplicates); see src/followers. */
  followers?: Follower[];
  /** Closed because it reports the same as this (live) ticket, whose followers its resident joined. */
  duplicateOf?: string;
  lastEvent: { type: TicketEventType; at: Date };
  lastEventAt: Date;
}

export type TicketEventType =
  | 'created'
  | 'claimed'
  | 'arrived'
  | 'resolved'
  | 'confirmed'
  | 'reopened'
  | 'info_added'
  | 'transferred'
  | 'released'
  | 'reassigned'
  | 'rescheduled'
  | 'note_added'
  | 'urged'
  | 'cancelled'
  | 'classified'
  // Recorded by the scheduler (actor: system) or by a head's approval.
  | 'auto_confirmed'
  | 'deadline_extended'
  | 'repeat_flagged'
  | 'survey_sent'
  | 'survey_resent'
  | 'survey_answered'
  | 'survey_no_answer'
  | 'reminded'
  | 'escalated'
  | 'reannounced'
  | 'progress_sent'
  // Followers (src/followers): "me too", stop following, a duplicate linked, a public notice (公告).
  | 'followed'
  | 'unfollowed'
  | 'closed_as_duplicate'
  | 'notice_sent';

/** Events that only record that something was sent or noticed; they change no state. */
export const INFORMATIONAL_EVENTS: TicketEventType[] = [
  'survey_sent',
  'survey_resent',
  'survey_answered',
  'survey_no_answer',
  'reminded',
  'escalated',
  'reannounced',
  'progress_sent',
  'notice_sent',
];

type Person = { id: number; name: string };
/** Recorded once per key by the scheduler (TicketService.recordOnce). */
type Keyed = { key?: string };

/**
 * What each kind of event carries besides its text and media. Times computed from the policy
 * are stored here, so replaying the log never consults the clock or the configuration.
 */
export interface EventDataByType {
  /** The whole initial ticket (creation.ts), with its reference and office-local day and month. */
  created: Omit<TicketState, 'seq' | 'lastEvent' | 'lastEventAt'>;
  claimed: { onSiteDueAt?: Date; byAnswering?: boolean };
  arrived: Record<string, never>;
  resolved: { fee?: number; autoConfirmAt: Date };
  confirmed: Record<string, never>;
  /** From "resolved" (the resident disputes) or from "closed" (a dissatisfied survey). */
  reopened: { source?: 'survey'; survey?: string };
  info_added: { afterDispute?: boolean };
  transferred: { from: string; to: string; responseDueAt: Date };
  released: { from?: Person; automatic?: boolean };
  reassigned: { to: Person; onSiteDueAt?: Date };
  rescheduled: { until: Date; parts: boolean };
  note_added: { toResident: boolean };
  urged: Record<string, never>;
  cancelled: { reasonCode?: string };
  classified: { class: ComplaintClass; resolutionDueAt: Date; firstAnswerDueAt?: Date; owner?: Person; autoConfirmAt?: Date };
  auto_confirmed: Record<string, never>;
  deadline_extended: { until: Date };
  repeat_flagged: { of: string; ofCreatedAt?: Date };
  /** `follower`: the survey is a follower's (src/followups/closures.ts), sent to them instead of the reporter. */
  survey_sent: Keyed & { survey: string; stage: string; round: number; follower?: number };
  survey_resent: Keyed & { survey: string; stage: string; round: number; follower?: number };
  survey_answered: { survey: string; part?: string; dissatisfied?: boolean; [answer: string]: unknown };
  survey_no_answer: { survey: string; stage: string };
  reminded: Keyed & { limit: LimitId; level: AlertLevel; due: Date };
  escalated: Keyed & { limit: LimitId; level: AlertLevel; due: Date };
  reannounced: Keyed & { number: number; openSince?: Date };
  progress_sent: Keyed & { week: number };
  /** `urgent`: this follower brought the affected count to the office's threshold. `from`: the duplicate ticket they came from. */
  followed: { follower: Follower; via: 'me_too' | 'duplicate' | 'scan'; from?: string; urgent?: boolean };
  unfollowed: { follower: number };
  closed_as_duplicate: { of: string };
  /** The notice's words are the event's text; `chat`: also posted to the office's residents' channel. */
  notice_sent: { chat?: { chatId: number; threadId?: number } };
}

interface EventBase {
  ref: string;
  seq: number;
  at: Date;
  actor: { id: number; role: Role; name: string };
  text?: string;
  media?: Media[];
}

/** One entry of a ticket's log; `data` is typed by the event's type. */
export type TicketEvent = { [T in TicketEventType]: EventBase & { type: T; data?: EventDataByType[T] } }[TicketEventType];

/** An event of one type. */
export type EventOf<T extends TicketEventType> = Extract<TicketEvent, { type: T }>;

/** The data of an event when it is of the given type (undefined otherwise), typed by that type. */
export function dataOf<T extends TicketEventType>(event: TicketEvent, type: T): EventDataByType[T] | undefined {
  return event.type === type ? ((event as EventOf<T>).data as EventDataByType[T] | undefined) : undefined;
}
