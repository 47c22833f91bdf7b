/**
 * Where a ticket's card goes: its department's chat (or topic); the night-duty chat after
 * hours; for an emergency every staff chat plus every head and the manager privately; for
 * a complaint about a staff member also the heads of that member's department, privately.
 */
import type { ChatTarget, OfficePolicy } from '../config/office';
import { departmentById } from '../config/office';
import type { TicketState } from './types';

const key = (t: ChatTarget) => `${t.chatId}:${t.threadId ?? ''}`;

function unique(targets: ChatTarget[]): ChatTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => !seen.has(key(t)) && seen.add(key(t)));
}

export function departmentTarget(policy: OfficePolicy, department: string): ChatTarget {
  const found = departmentById(policy, department);
  if (!found) throw new Error(`department ${department} is not configured`);
  return found.chat;
}

export function cardTargets(ticket: TicketState, policy: OfficePolicy): ChatTarget[] {
  if (ticket.kind === 'emergency') {
    const groups = policy.departments.map((d) => d.chat);
    if (policy.nightShift.chat) groups.push(policy.nightShift.chat);
    const people = [...policy.departments.flatMap((d) => d.heads), ...policy.managers].map((id) => ({ chatId: id }));
    // The emergency department's own chat first: it is the main card, where notes go.
    return unique([departmentTarget(policy, ticket.department), ...groups, ...people]);
  }
  const main = departmentTarget(policy, ticket.department);
  const targets: ChatTarget[] = [];
  const night = policy.nightShift.chat;
  if (ticket.nightIntake && night) {
    if (policy.nightShift.mode === 'also') targets.push(main);
    targets.push(night);
  } else {
    targets.push(main);
  }
  const staffDepartment = ticket.complaint?.staffDepartment;
  if (ticket.kind === 'complaint' && ticket.complaint?.subject === 'staff' && staffDepartment && policy.complaints.tellStaffDepartmentHeads) {
    for (const head of departmentById(policy, staffDepartment)?.heads ?? []) targets.push({ chatId: head });
  }
  return unique(targets);
}
