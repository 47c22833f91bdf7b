const UNIT_MS: Record<string, number> = {
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000,
};
const UNIT_ORDER = ['w', 'd', 'h', 'm', 's'];

const FORMAT_HINT =
  'use a number followed by a unit: s (seconds), m (minutes), h (hours), d (days), w (weeks); ' +
  'units can be combined from largest to smallest, e.g. "30s", "5m", "2h", "3d", "1w", "1h30m"';

/**
 * Parses a duration such as "5m", "2d" or "1h30m" into milliseconds.
 * Bare numbers are rejected because "5" could mean minutes, hours or days.
 * @throws Error explaining the accepted format, with examples.
 */
export function parseDuration(text: string): number {
  if (typeof text !== 'string') {
    throw new Error(`Invalid duration ${JSON.stringify(text)}: ${FORMAT_HINT}.`);
  }
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') throw new Error(`Empty duration: ${FORMAT_HINT}.`);
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    throw new Error(`Duration "${text}" has no unit (is it minutes, hours or days?): ${FORMAT_HINT}.`);
  }
  const token = /(\d+)\s*([wdhms])\s*/y;
  let total = 0;
  let lastRank = -1;
  let pos = 0;
  while (pos < trimmed.length) {
    token.lastIndex = pos;
    const match = token.exec(trimmed);
    if (!match) throw new Error(`Invalid duration "${text}": ${FORMAT_HINT}.`);
    const rank = UNIT_ORDER.indexOf(match[2]);
    if (rank <= lastRank) {
      throw new Error(`Invalid duration "${text}": each unit may appear once, largest first; ${FORMAT_HINT}.`);
    }
    lastRank = rank;
    total += Number(match[1]) * UNIT_MS[match[2]];
    pos = token.lastIndex;
  }
  if (!Number.isSafeInteger(total)) throw new Error(`Duration "${text}" is too large.`);
  return total;
}

type Lang = 'zh-CN' | 'en';

const PARTS: { ms: number; zh: string; en: [string, string] }[] = [
  { ms: UNIT_MS.d, zh: '天', en: ['day', 'days'] },
  { ms: UNIT_MS.h, zh: '小时', en: ['hour', 'hours'] },
  { ms: UNIT_MS.m, zh: '分钟', en: ['minute', 'minutes'] },
  { ms: UNIT_MS.s, zh: '秒', en: ['second', 'seconds'] },
];

/**
 * Renders a duration for people: largest units first, zero parts dropped, at most two parts,
 * the remainder truncated. Weeks are shown as days because office limits are stated in days.
 * Examples: zh "2天", "1小时30分钟"; en "2 days", "1 hour 30 minutes". Negative values get a "-".
 */
export function formatDuration(ms: number, lang: Lang): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.floor(Math.abs(ms) / 1000) * 1000;
  const out: string[] = [];
  for (const part of PARTS) {
    if (out.length === 2) break;
    const n = Math.floor(rest / part.ms);
    rest -= n * part.ms;
    if (n > 0) out.push(lang === 'en' ? `${n} ${n === 1 ? part.en[0] : part.en[1]}` : `${n}${part.zh}`);
    else if (out.length > 0) break; // "1 day 5 minutes" would hide the skipped hours, so stop at a gap
  }
  if (out.length === 0) return lang === 'en' ? '0 seconds' : '0秒';
  return sign + out.join(lang === 'en' ? ' ' : '');
}
