import type { Lang } from '../config/office';

/** A flat in the estate: 楼栋 / 单元 / 房号. Building and unit may be numbers or letters. */
export interface Address {
  building: string;
  unit?: string;
  room: string;
}

const BUILDING = '([A-Z]?\\d{1,3}[A-Z]?|[A-Z])';
const UNIT = '(\\d{1,2}|[A-Z])';
const ROOM = '(\\d{2,5}[A-Z]?)';

// Spaces are removed before matching, so '3 栋 2 单元 1201' matches too. The floor ('12楼')
// is accepted and dropped: the room number already carries it.
const CHINESE = new RegExp(
  `^${BUILDING}(?:号楼|栋|幢|座|#|号)(?:${UNIT}单元)?(?:\\d{1,3}(?:楼|层|F))?${ROOM}(?:室|号|房)?$`,
);
const DASHED = new RegExp(`^${BUILDING}-(?:${UNIT}-)?${ROOM}$`);
const ENGLISH = new RegExp(
  `^(?:BUILDING|BLDG\\.?|BLOCK|BLK\\.?|TOWER)#?${BUILDING},?` +
    `(?:(?:UNIT|ENTRANCE)#?${UNIT},?)?` +
    `(?:(?:FLOOR|FL\\.?)\\d{1,3},?)?` +
    `(?:(?:ROOM|RM\\.?|FLAT|APT\\.?|APARTMENT)?#?)${ROOM}$`,
);

/**
 * Reads a flat address as residents type it: '3栋2单元1201', '3号楼2单元1201室',
 * '3#2单元1201', 'A座1201', 'B座12楼1201', '3-2-1201', 'Building 3 Unit 2 Room 1201',
 * 'Bldg 3, Unit 2, Rm 1201', full-width digits and letters included. Returns null when the
 * text is not a recognisable address.
 */
export function parseAddress(input: string): Address | null {
  if (typeof input !== 'string' || input.length > 80) return null;
  const text = input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase()
    .replace(/\s+/g, '');
  for (const pattern of [CHINESE, DASHED, ENGLISH]) {
    const m = pattern.exec(text);
    if (m) {
      const address: Address = { building: m[1], room: m[3] };
      if (m[2] !== undefined) address.unit = m[2];
      return address;
    }
  }
  return null;
}

// A lettered building reads naturally as 'A座', a numbered one as '3栋'.
const zhBuilding = (b: string) => `${b}${/^[A-Z]$/.test(b) ? '座' : '栋'}`;

/** The building and unit without the room, which staff see before claiming a ticket. */
export function formatBuildingUnit(a: Pick<Address, 'building' | 'unit'>, lang: Lang): string {
  if (lang === 'en') return `Bldg ${a.building}${a.unit ? `, Unit ${a.unit}` : ''}`;
  return `${zhBuilding(a.building)}${a.unit ? `${a.unit}单元` : ''}`;
}

/** zh '3栋2单元1201', en 'Bldg 3, Unit 2, Room 1201'. */
export function formatAddress(a: Address, lang: Lang): string {
  if (lang === 'en') return `${formatBuildingUnit(a, lang)}, Room ${a.room}`;
  return `${formatBuildingUnit(a, lang)}${a.room}`;
}
