/**
 * The office's rules for residents affected by the same fault (the policy file's `followers`
 * section): which reports are offered an open ticket first ("Already reported … Me too"),
 * which categories affect the whole estate rather than one building, when the number of
 * residents affected makes a ticket urgent, and who may send a public notice (公告) where.
 */
import { z } from 'zod';
import type { ChatTarget, OfficePolicy, RepairKindId } from '../config/office';
import type { Role } from '../people/actors';
import { defined } from '../config/schemaParts';

export interface FollowersPolicy {
  /** Repair kinds whose new reports are first shown an open ticket of the same category and place. */
  offerKinds: RepairKindId[];
  /** Categories (`kind/category`) that fail for the whole estate at once, such as the water supply: offered across buildings. */
  estateWide: string[];
  /** Most open tickets shown in one offer. */
  offerMax: number;
  /** At this many residents affected (the reporter and the followers) the ticket becomes urgent. */
  urgentAt: number;
  /** Who may send a public notice from a ticket's card. */
  noticeRoles: Role[];
  /** A residents' channel or group that also receives every public notice (none by default). */
  noticeChat?: ChatTarget;
}

export const DEFAULT_FOLLOWERS: FollowersPolicy = {
  offerKinds: ['public', 'equipment'],
  estateWide: ['equipment/water', 'equipment/power'],
  offerMax: 3,
  urgentAt: 5,
  noticeRoles: ['head', 'manager'],
};

const CATEGORY_KEY = { message: 'must name a repair category as kind/category, e.g. equipment/water' };

/** The `followers` section of the office policy file: every key optional, over DEFAULT_FOLLOWERS. */
export const followersSchema = z.strictObject({
  offerKinds: z.array(z.enum(['household', 'public', 'defect', 'equipment'])).optional(),
  estateWide: z.array(z.string().regex(/^(household|public|defect|equipment)\/[a-z][a-z0-9_-]*$/, CATEGORY_KEY)).optional(),
  offerMax: z.number().int().min(1).max(5).optional(),
  urgentAt: z.number().int().min(2).optional(),
  noticeRoles: z.array(z.enum(['staff', 'head', 'manager'])).min(1).optional(),
  noticeChat: z.strictObject({ chatId: z.number().int(), threadId: z.number().int().positive().optional() }).optional(),
});

export type FollowersSection = z.infer<typeof followersSchema>;

/** The office's follower rules: what the file set, over the defaults. */
export function followersPolicy(policy: Pick<OfficePolicy, 'followers'>): FollowersPolicy {
  return { ...DEFAULT_FOLLOWERS, ...defined(policy.followers) };
}
