import type { Role } from '../people/actors';
import type { RepairKindId } from '../config/office';
import type { TicketKind } from './reference';

export type TicketStatus = 'open' | 'claimed' | 'on_site' | 'resolved' | 'reopened' | 'closed' | 'cancelled';

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
  /** The earlier ticket this one repeats (same resident, category and place within the window). */
  repeatOf?: string;
  reopenCount: number;
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
  | 'progress_sent';

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
];

export interface TicketEvent {
  ref: string;
  seq: number;
  type: TicketEventType;
  at: Date;
  actor: { id: number; role: Role; name: string };
  text?: string;
  media?: Media[];
  data?: Record<string, unknown>;
}
