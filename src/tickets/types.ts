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

export interface TicketState {
  ref: string;
  seq: number;
  kind: TicketKind;
  status: TicketStatus;
  department: string;
  priority: 'normal' | 'urgent';
  resident: ResidentContact;
  report: RepairReport;
  createdAt: Date;
  day: string;
  month: string;
  responseDueAt: Date;
  resolutionDueAt: Date;
  owner?: { id: number; name: string };
  claimedAt?: Date;
  onSiteDueAt?: Date;
  arrivedAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  autoConfirmAt?: Date;
  result?: { text: string; media: Media[]; fee?: number };
  reopenCount: number;
  lastEventAt: Date;
}

export type TicketEventType = 'created' | 'claimed' | 'arrived' | 'resolved' | 'confirmed' | 'reopened' | 'info_added';

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
