/** What a ticket is about; also decides its reference prefix. `task`: staff's internal work (内部工作任务). */
export type TicketKind = 'repair' | 'complaint' | 'emergency' | 'inquiry' | 'task';

/**
 * Pinyin initials residents recognise: 报修 BX, 投诉 TS, 紧急 JJ, 咨询 ZX; 内部 NB for internal
 * tasks, whose prefix the office may change (internalTasks.prefix, src/tasks/config.ts).
 */
export const REF_PREFIX: Record<TicketKind, string> = {
  repair: 'BX',
  complaint: 'TS',
  emergency: 'JJ',
  inquiry: 'ZX',
  task: 'NB',
};

const KIND_BY_PREFIX = new Map<string, TicketKind>(
  (Object.entries(REF_PREFIX) as [TicketKind, string][]).map(([kind, prefix]) => [prefix, kind]),
);

/**
 * 'BX-20261122-007': prefix, local date, sequence of the day padded to three digits
 * (longer when the office has 1000 or more tickets of a kind in a day).
 * @throws Error on a malformed dayKey or a sequence that is not a positive integer.
 */
export function formatRef(kind: TicketKind, dayKey: string, n: number, prefix: string = REF_PREFIX[kind]): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayKey);
  if (!day) throw new Error(`formatRef: dayKey must be 'YYYY-MM-DD', got ${JSON.stringify(dayKey)}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`formatRef: sequence must be a positive integer, got ${n}`);
  return `${prefix}-${day[1]}${day[2]}${day[3]}-${String(n).padStart(3, '0')}`;
}

/** A canonical reference inside a larger pattern (callback data, deep links): `BX-20261122-007`. */
export const REF_SOURCE = '[A-Z]{2}-\\d{8}-\\d{3,}';

// Without a dash before it, the sequence is only told apart from the date when padded.
const REF = /^([A-Z]{2})-?(\d{8})(?:-(\d{1,6})|(\d{3,6}))$/;

/**
 * Reads a reference as typed on a phone: any case, spaces, full-width characters, other
 * dashes, or no dashes at all ('bx20261122007'). Returns the canonical form or null.
 * `alsoPrefixes`: prefixes the office configured besides the defaults (an internal tasks' prefix).
 */
export function parseRef(text: string, alsoPrefixes: string[] = []): string | null {
  if (typeof text !== 'string' || text.length > 60) return null;
  const compact = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212_/.]/g, '-')
    .replace(/\s+/g, '')
    .replace(/^#/, '')
    .replace(/[-。,，!！?？]+$/, '');
  const m = REF.exec(compact);
  if (!m || !(KIND_BY_PREFIX.has(m[1]) || alsoPrefixes.includes(m[1]))) return null;
  const month = Number(m[2].slice(4, 6));
  const day = Number(m[2].slice(6, 8));
  const seq = Number(m[3] ?? m[4]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || seq < 1) return null;
  return `${m[1]}-${m[2]}-${String(seq).padStart(3, '0')}`;
}

/** The kind a reference belongs to, from its prefix; null when it is not a reference. */
export function kindOfRef(ref: string): TicketKind | null {
  const canonical = parseRef(ref);
  return canonical ? (KIND_BY_PREFIX.get(canonical.slice(0, 2)) ?? null) : null;
}
