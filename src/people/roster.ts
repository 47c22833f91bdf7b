/**
 * The known staff of a staff chat, with first names, for choosing whom to reassign a ticket
 * to. Membership comes from what the bot has learned (staff_memberships); names from the
 * staff profiles, else from the event log (staff act under their first names), else the id.
 */
import type { Models, StaffMembershipDoc, StaffProfileDoc } from '../db/models';

export interface RosterEntry {
  id: number;
  firstName: string;
}

/** How far back the event log is searched for a name nobody else knows. */
const NAME_LOOKUP_EVENTS = 500;

/** Members of `chatId` (as last known) plus `alsoIds` (e.g. the department's heads), by name. */
export async function readRoster(models: Models, chatId: number, alsoIds: number[] = []): Promise<RosterEntry[]> {
  const members = await models.StaffMembership.find({ chatId, member: true }, { userId: 1 }).lean<Pick<StaffMembershipDoc, 'userId'>[]>();
  const ids = [...new Set([...members.map((m) => m.userId), ...alsoIds])];
  if (ids.length === 0) return [];
  const names = new Map<number, string>();
  const profiles = await models.StaffProfile.find({ telegramId: { $in: ids } }, { telegramId: 1, firstName: 1 }).lean<Pick<StaffProfileDoc, 'telegramId' | 'firstName'>[]>();
  for (const p of profiles) if (p.firstName) names.set(p.telegramId, p.firstName);
  const unnamed = ids.filter((id) => !names.has(id));
  if (unnamed.length > 0) {
    const events = await models.TicketEvent.find({ 'actor.id': { $in: unnamed }, 'actor.role': { $in: ['staff', 'head', 'manager'] } }, { actor: 1 })
      .sort({ at: -1 })
      .limit(NAME_LOOKUP_EVENTS)
      .lean<{ actor: { id: number; name: string } }[]>();
    for (const e of events) if (e.actor.name && !names.has(e.actor.id)) names.set(e.actor.id, e.actor.name);
  }
  return ids
    .map((id) => ({ id, firstName: names.get(id) ?? String(id) }))
    .sort((a, b) => a.firstName.localeCompare(b.firstName, 'zh-CN') || a.id - b.id);
}
