/**
 * What an internal task can be about, for a target department: the public-area and equipment
 * categories of the office's repair table that this department handles, then "other". A
 * household or defect category is about a resident's flat, never staff's own work.
 */
import type { Localized, OfficePolicy, RepairKindId } from '../config/office';

export interface TaskCategory {
  /** Unset for 'other': a task the table has no category for. */
  repairKind?: RepairKindId;
  category: string;
  name: Localized;
}

const TASK_KINDS: RepairKindId[] = ['public', 'equipment'];
export const OTHER_TASK_CATEGORY = 'other';

/** The department's categories (at most one per id, public areas first), without 'other' itself. */
export function taskCategories(policy: OfficePolicy, department: string): TaskCategory[] {
  const seen = new Set<string>();
  const found: TaskCategory[] = [];
  for (const kind of policy.repairKinds.filter((k) => TASK_KINDS.includes(k.id))) {
    for (const category of kind.categories) {
      if (category.department !== department || category.id === OTHER_TASK_CATEGORY || seen.has(category.id)) continue;
      seen.add(category.id);
      found.push({ repairKind: kind.id, category: category.id, name: category.name });
    }
  }
  return found;
}

// Building first ('3栋', '3号楼', 'A座', 'Bldg 3', 'Building 3'), then the unit ('2单元', 'Unit 2').
const ZH = /^([A-Z]?\d{1,3}[A-Z]?|[A-Z])(?:号楼|栋|幢|座|#)(?:(\d{1,2}|[A-Z])单元)?/;
// English keeps its spaces: without them 'Building 12 lobby' would read as building '12L'.
const EN = /^(?:BUILDING|BLDG\.?|BLOCK|BLK\.?|TOWER) ?#? ?([A-Z]?\d{1,3}[A-Z]?|[A-Z])\b(?: ?,? ?(?:UNIT|ENTRANCE) ?#? ?(\d{1,2}|[A-Z])\b)?/;

/**
 * The building (and unit) a place starts with, as staff type it: '3栋2单元楼道', '5号楼大堂',
 * 'Bldg 3, Unit 2 stairs'. Null for a place described otherwise ('地下车库B区入口').
 */
export function buildingOfPlace(text: string): { building: string; unit?: string } | null {
  const upper = text.normalize('NFKC').toUpperCase().trim();
  const m = ZH.exec(upper.replace(/\s+/g, '')) ?? EN.exec(upper.replace(/\s+/g, ' '));
  if (!m) return null;
  return m[2] !== undefined ? { building: m[1], unit: m[2] } : { building: m[1] };
}
