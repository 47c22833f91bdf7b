import type { Category, OfficePolicy } from '../config/office';

/** When a new repair must be answered and fixed. */
export interface RepairDue {
  responseDueAt: Date;
  resolutionDueAt: Date;
}

/**
 * Deadlines of a new repair. A paid category must get its price-and-feasibility answer
 * (paidQuote); a free one must reach its department (dispatch).
 */
export function repairDueTimes(createdAt: Date, category: Category, policy: OfficePolicy): RepairDue {
  const response = category.price ? policy.response.paidQuote : policy.response.dispatch;
  return {
    responseDueAt: new Date(createdAt.getTime() + response),
    resolutionDueAt: new Date(createdAt.getTime() + category.resolution),
  };
}

/**
 * When the handler must be on site: onSiteAfterClaim after claiming, or by the end of the
 * booked visit slot. A slot that ends sooner than onSiteAfterClaim from the claim cannot
 * be met, so the handler still gets the normal allowance.
 */
export function onSiteDueAt(
  claimedAt: Date,
  preferred: { slotStart: Date; slotEnd: Date } | null,
  policy: OfficePolicy,
): Date {
  const normal = claimedAt.getTime() + policy.response.onSiteAfterClaim;
  if (!preferred) return new Date(normal);
  return new Date(Math.max(preferred.slotEnd.getTime(), normal));
}

/** When a resolved ticket the resident has not answered is confirmed automatically. */
export function autoConfirmAt(resolvedAt: Date, policy: OfficePolicy): Date {
  return new Date(resolvedAt.getTime() + policy.confirmation.autoConfirmAfter);
}
