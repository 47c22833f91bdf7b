/** Claims a piece of scheduled work for this instance; false when another instance has it. */
import type { Models } from '../db/models';
import { insertRecord, isDuplicateKey } from '../db/models';

export async function claimOnce(models: Models, key: string, at: Date): Promise<boolean> {
  try {
    await insertRecord(models.JobRun, { _id: key, at });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
