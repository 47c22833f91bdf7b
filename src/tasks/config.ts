/**
 * The office's settings for staff's internal tasks (内部工作任务): the reference prefix they
 * are numbered with. Their time limit is the policy's top-level `internalTask` (SPEC.md's
 * table). Read from `policy.internalTasks`, validated by src/config/office.ts.
 */
import { z } from 'zod';
import type { OfficePolicy } from '../config/office';
import { REF_PREFIX } from '../tickets/reference';

export interface InternalTasksSection {
  /** Two capital letters, e.g. NB (内部): `NB-20261123-001`. */
  prefix?: string;
}

/** Prefixes of the other kinds: a task's must differ, or /ticket could not tell them apart. */
const TAKEN = Object.entries(REF_PREFIX).filter(([kind]) => kind !== 'task').map(([, prefix]) => prefix);

export const internalTasksSchema = z.strictObject({
  prefix: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'must be two capital letters, e.g. NB' })
    .refine((p) => !TAKEN.includes(p), { message: `must differ from the other kinds' prefixes (${TAKEN.join(', ')})` })
    .optional(),
});

/** The prefix internal tasks are numbered with. */
export function internalTaskPrefix(policy: OfficePolicy): string {
  return policy.internalTasks?.prefix ?? REF_PREFIX.task;
}
