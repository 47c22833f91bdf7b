/**
 * What a new ticket of each kind starts with: its department, priority and due times come
 * from the office's policy; the resident's contact is a snapshot taken at reporting time.
 */
import type { OfficePolicy, RepairKindId } from '../config/office';
import { findCategory } from '../config/office';
import { isWithinHours } from '../policy/hours';
import { repairDueTimes } from '../policy/dueTimes';
import type { ComplaintDetails, ComplaintSubject, EmergencyType, InternalTaskDetails, Media, RepairReport, ResidentContact, TicketReport, TicketState } from './types';
import type { TicketKind } from './reference';

export type InitialTicket = Omit<TicketState, 'ref' | 'seq' | 'lastEventAt' | 'lastEvent' | 'day' | 'month'>;

export interface ComplaintInput {
  subject: ComplaintSubject;
  staffDepartment?: string;
  when: string;
  where: string;
  what: string;
  wants: string;
  media: Media[];
  anonymous: boolean;
  /** Anonymous complainants may still let staff see their unit (the building always shows). */
  showUnit: boolean;
}

export interface EmergencyInput {
  what: EmergencyType;
  location: string;
  atHome: boolean;
}

/** What a staff member confirmed in the internal-task scene. */
export interface TaskInput {
  department: string;
  /** A category of the repair table (public areas, equipment) when one fits, else 'other' without a kind. */
  repairKind?: RepairKindId;
  category: string;
  /** The place as shown: "3栋2单元" or the filer's own words. */
  location: string;
  description: string;
  media: Media[];
  details: InternalTaskDetails;
}

export interface InquiryInput {
  question: string;
  media: Media[];
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function base(kind: TicketKind, resident: ResidentContact, report: TicketReport, now: Date, policy: OfficePolicy) {
  return {
    kind,
    status: 'open' as const,
    priority: 'normal' as const,
    resident,
    anonymous: false,
    showUnit: true,
    report,
    createdAt: now,
    nightIntake: !isWithinHours(now, policy.frontDesk, policy.timezone),
    reopenCount: 0,
  };
}

export function initialRepair(resident: ResidentContact, report: RepairReport, now: Date, policy: OfficePolicy): InitialTicket {
  const category = findCategory(policy, report.repairKind, report.category);
  if (!category) throw new Error(`unknown category ${report.repairKind}/${report.category}`);
  const due = repairDueTimes(now, category, policy);
  return { ...base('repair', resident, { ...report }, now, policy), department: category.department, ...due };
}

export function initialComplaint(resident: ResidentContact, input: ComplaintInput, now: Date, policy: OfficePolicy): InitialTicket {
  const complaint: ComplaintDetails = { subject: input.subject, when: input.when, wants: input.wants };
  if (input.staffDepartment) complaint.staffDepartment = input.staffDepartment;
  const report: TicketReport = { description: input.what, media: input.media, location: input.where, atHome: false };
  return {
    ...base('complaint', resident, report, now, policy),
    anonymous: input.anonymous,
    showUnit: !input.anonymous || input.showUnit,
    department: policy.routing.complaints,
    complaint,
    responseDueAt: at(now, policy.response.complaintDispatch),
    // Until it is classified, a complaint is held to the strictest class's limit.
    resolutionDueAt: at(now, policy.complaintResolution.valid),
  };
}

export function initialEmergency(resident: ResidentContact, input: EmergencyInput, now: Date, policy: OfficePolicy): InitialTicket {
  const report: TicketReport = { description: '', media: [], location: input.location, atHome: input.atHome };
  return {
    ...base('emergency', resident, report, now, policy),
    priority: 'urgent',
    department: policy.routing.emergencies,
    emergency: { what: input.what },
    responseDueAt: at(now, policy.response.emergencyOnSite),
    resolutionDueAt: at(now, policy.otherResolution.emergency),
  };
}

export function initialInquiry(resident: ResidentContact, input: InquiryInput, now: Date, policy: OfficePolicy): InitialTicket {
  const report: TicketReport = { description: input.question, media: input.media, location: '', atHome: false };
  return {
    ...base('inquiry', resident, report, now, policy),
    department: policy.routing.inquiries,
    responseDueAt: at(now, policy.response.dispatch),
    resolutionDueAt: at(now, policy.otherResolution.inquiry),
  };
}

/** An internal task: the target department responds as for any report, and resolves within the office's `internalTask` limit. */
export function initialTask(filer: ResidentContact, input: TaskInput, now: Date, policy: OfficePolicy): InitialTicket {
  const report: TicketReport = { description: input.description, media: input.media, location: input.location, atHome: false, category: input.category };
  if (input.repairKind) report.repairKind = input.repairKind;
  return {
    ...base('task', filer, report, now, policy),
    department: input.department,
    task: { ...input.details },
    responseDueAt: at(now, policy.response.dispatch),
    resolutionDueAt: at(now, policy.internalTask),
  };
}
