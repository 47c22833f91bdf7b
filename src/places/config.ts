/**
 * The office's places for scan-to-report (扫码报修), from the policy file's `places` list: each
 * has a code (the deep link's payload, `t.me/<bot>?start=<code>`, printed as a QR code on the
 * lift, the pump room, the lobby), its building, a unit or area, a name in both languages and
 * optionally the repair category reported there.
 */
import { z } from 'zod';
import type { Lang, Localized, OfficePolicy, RepairKindId } from '../config/office';

export interface Place {
  code: string;
  name: Localized;
  building: string;
  unit?: string;
  /** The repair kind and category reported here, when the code names one (`equipment/lift`). */
  category?: { kind: RepairKindId; id: string };
}

/** Deep-link payloads other features own: a place code must not look like one of them. */
const TAKEN = /^(repair|complain|emergency|ask|my|profile|(rs|ct|st|ci|ans)_.*)$/;

const NAME = { message: 'must be a text, or { zh-CN: …, en: … } with at least one of them' };
const name = z
  .union([z.string().min(1), z.strictObject({ 'zh-CN': z.string().min(1).optional(), en: z.string().min(1).optional() })])
  .refine((v) => typeof v === 'string' || !!(v['zh-CN'] ?? v.en), NAME)
  .transform((v): Localized => (typeof v === 'string' ? { 'zh-CN': v, en: v } : { 'zh-CN': (v['zh-CN'] ?? v.en)!, en: (v.en ?? v['zh-CN'])! }));

/** One entry of the `places` list. Telegram allows A-Z a-z 0-9 _ - in a start payload, at most 64 characters. */
export const placeSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,48}$/, { message: 'must be 1-48 letters, digits, _ or - (it becomes the link t.me/<bot>?start=<code>)' })
    .refine((c) => !TAKEN.test(c), { message: 'is already a command or link of the bot; choose another code, e.g. b3-lift' }),
  name,
  building: z.union([z.string().min(1), z.number()]).transform(String),
  unit: z.union([z.string().min(1), z.number()]).transform(String).optional(),
  category: z.string().regex(/^(household|public|defect|equipment)\/[a-z][a-z0-9_-]*$/, { message: 'must be kind/category, e.g. equipment/lift' }).optional(),
});

export const placesSchema = z.array(placeSchema);

/** The list as parsed, checked against the repair categories the office has; problems are added to `problems`. */
export function buildPlaces(raw: z.infer<typeof placesSchema> | undefined, policy: Pick<OfficePolicy, 'repairKinds'>, problems: string[]): Place[] {
  return (raw ?? []).map((p, i, all) => {
    if (all.findIndex((o) => o.code === p.code) !== i) problems.push(`places[${i}].code: "${p.code}" is used twice; codes must be unique`);
    const place: Place = { code: p.code, name: p.name, building: p.building, ...(p.unit ? { unit: p.unit } : {}) };
    if (!p.category) return place;
    const [kind, id] = p.category.split('/') as [RepairKindId, string];
    const known = policy.repairKinds.find((k) => k.id === kind)?.categories.some((c) => c.id === id);
    if (!known) problems.push(`places[${i}].category: the office has no repair category "${p.category}" (example: equipment/lift)`);
    return { ...place, category: { kind, id } };
  });
}

/** The place a deep-link payload names; undefined for anything else (a stale poster, a typo). */
export function placeByCode(policy: Pick<OfficePolicy, 'places'>, code: string): Place | undefined {
  return (policy.places ?? []).find((p) => p.code === code);
}

export function placeName(place: Place, lang: Lang): string {
  return place.name[lang];
}
