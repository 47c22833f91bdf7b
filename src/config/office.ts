import { z } from 'zod';
import { validate as cronValidate } from 'node-cron';
import { DEFAULT_TIME_LIMITS, timeLimitsSchema, type TimeLimitSettings } from '../limits/settings';
import { followupsSchema, type FollowupsSection } from '../followups/config';
import { outboxSchema, type OutboxPolicy } from '../outbox/policy';
import { internalTasksSchema, type InternalTasksSection } from '../tasks/config';
import { followersSchema, type FollowersSection } from '../followers/config';
import { buildPlaces, placesSchema, type Place } from '../places/config';
import { DEFAULT_EMERGENCIES, emergenciesSchema, type EmergencyPolicy } from '../tickets/emergencyPolicy';
import { dashboardSchema, type DashboardPolicy } from '../dashboard/config';
import { checkWindow, defined, duration, hhmm, window } from './schemaParts';
import { ConfigError, zodProblems } from './errors';

export type Lang = 'zh-CN' | 'en';
export type Localized = Record<Lang, string>;
/** Where a department's tickets are posted; threadId is a forum topic of that group. */
export interface ChatTarget { chatId: number; threadId?: number }
export interface Department { id: string; name: Localized; chat: ChatTarget; heads: number[] }
/** A published price (有偿服务): amount in yuan per unit. */
export interface Price { amount: number; unit: Localized; note?: Localized }
/** resolution is in ms; a category with a price is a paid service. */
export interface Category { id: string; name: Localized; department: string; resolution: number; price?: Price }
export type RepairKindId = 'household' | 'public' | 'defect' | 'equipment';
export interface RepairKind { id: RepairKindId; name: Localized; categories: Category[] }
/** Response time limits in ms. */
export interface ResponseLimits {
  dispatch: number; complaintDispatch: number; validComplaintToHead: number;
  onSiteAfterClaim: number; paidQuote: number; emergencyOnSite: number;
}
/** Complaint resolution limits in ms. */
export interface ComplaintResolution {
  valid: number; help: number; inquiry: number; venting: number; majorFirstAnswer: number; major: number;
}
/** Local 'HH:MM' times; end < start means the window runs over midnight. */
export interface HoursWindow { start: string; end: string }
/** The office's procedures: who handles what, and every time limit (ms). */
export interface OfficePolicy {
  name: Localized; language: Lang; timezone: string; dutyPhone: string;
  managers: number[]; contactOnCard: boolean;
  departments: Department[]; repairKinds: RepairKind[];
  response: ResponseLimits; complaintResolution: ComplaintResolution; internalTask: number;
  frontDesk: HoursWindow;
  visits: HoursWindow & { slotLength: number; slotsOffered: number; minLead: number };
  confirmation: { autoConfirmAfter: number };
  limits: { maxTextLength: number; maxMedia: number };
  /** Which department takes complaints, emergencies, inquiries, and the night handover. */
  routing: { complaints: string; emergencies: string; inquiries: string; frontDesk: string };
  /** A complaint about a staff member also goes to the heads of that member's department. */
  complaints: { tellStaffDepartmentHeads: boolean };
  /** Outside frontDesk hours new tickets also (or instead) go to the night-duty chat. */
  nightShift: { chat?: ChatTarget; mode: 'also' | 'instead' };
  otherResolution: { emergency: number; inquiry: number };
  residents: { urgeInterval: number; pageSize: number };
  /**
   * node-cron expression of the scheduler's tick; how late a missed handover may still run; how
   * many of one job's items (due tickets, closures, surveys) are worked on at once.
   */
  scheduler: { cron: string; handoverGrace: number; parallel: number };
  /** Reminders, escalations, re-announcements and weekly updates (src/limits/settings.ts). */
  timeLimits: TimeLimitSettings;
  /** Follow-up surveys (src/followups/config.ts): only what the file sets; defaults there. */
  followups?: FollowupsSection;
  /** Telegram's sending limits and the retry rules (src/outbox/policy.ts): only what the file sets. */
  outbox?: Partial<OutboxPolicy>;
  /** Staff's internal tasks (src/tasks/config.ts): only what the file sets. */
  internalTasks?: InternalTasksSection;
  /** The web dashboard's link and session lifetimes (src/dashboard/config.ts): only what the file sets. */
  dashboard?: Partial<DashboardPolicy>;
  /** The monthly figures (统计分析): targets and when the previous month's report goes out. */
  figures: FiguresPolicy;
  /** Per user: more than maxUpdates updates within window (ms) → one polite notice, the rest dropped for the window. */
  flood: FloodPolicy;
  /** Residents affected by the same fault (src/followers/config.ts): only what the file sets. */
  followers?: FollowersSection;
  /** Places with a QR code for scan-to-report (src/places/config.ts). */
  places?: Place[];
  /** Second emergencies asked about first; emergencies per hour from people without a profile (src/tickets/emergencyPolicy.ts). */
  emergencies: EmergencyPolicy;
}

export interface FloodPolicy { window: number; maxUpdates: number }

/**
 * Targets are shares (0.96 = 96%). SPEC.md sets two (满意率 ≥ 96%, 满意度 ≥ 75%); the other
 * rates have a target only when the office sets one (the report then shows none).
 */
export interface FiguresPolicy {
  satisfactionRate: number;
  averageSatisfaction: number;
  responseOnTime?: number;
  resolutionOnTime?: number;
  firstTimeFix?: number;
  followupRate?: number;
  /** Office-local day of the month (1-28) and time from which the previous month's report is sent. */
  reportDay: number;
  reportTime: string;
  /** How many buildings and categories the hot spots name. */
  hotSpots: number;
}

export const DEFAULT_FIGURES: FiguresPolicy = { satisfactionRate: 0.96, averageSatisfaction: 0.75, reportDay: 2, reportTime: '09:00', hotSpots: 5 };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

const DEFAULT_DEPARTMENTS: Record<string, Localized> = {
  engineering: L('工程维修部', 'Engineering & Repairs'),
  cleaning: L('保洁绿化部', 'Cleaning & Landscaping'),
  security: L('安全保卫部', 'Security'),
  service: L('客户服务中心', 'Customer Service Centre'),
};

const perVisit = L('次', 'visit');
const perItem = L('件', 'item');
// [id, 中文, English, department, days, price?]
type Row = [string, string, string, string, number, Price?];
const KIND_ROWS: [RepairKindId, Localized, Row[]][] = [
  ['household', L('住户报修', 'Household repair'), [
    ['unblock', '疏通', 'Unblocking', 'engineering', 1, { amount: 80, unit: perVisit }],
    ['replace', '更换', 'Replacing', 'engineering', 1, { amount: 30, unit: perItem, note: L('材料费另计', 'parts extra') }],
    ['install', '安装', 'Installing', 'engineering', 1, { amount: 50, unit: perItem }],
    ['inspect', '检修', 'Inspecting', 'engineering', 1],
    ['housekeeping', '家政', 'Housekeeping', 'cleaning', 1, { amount: 60, unit: L('小时', 'hour') }],
    ['other', '其他', 'Other', 'engineering', 1, { amount: 50, unit: perVisit, note: L('以现场报价为准', 'final price quoted on site') }],
  ]],
  ['public', L('公共部位报修', 'Public area'), [
    ['inspect', '检修', 'Inspection', 'engineering', 2],
    ['install', '安装', 'Installing', 'engineering', 1],
    ['unblock', '疏通', 'Unblocking', 'engineering', 2],
    ['cleaning', '保洁', 'Public cleaning', 'cleaning', 1],
    ['landscape', '绿化', 'Landscaping', 'cleaning', 1],
    ['fire', '消防', 'Fire safety', 'security', 1],
    ['order', '治安', 'Public order', 'security', 1],
    ['parking', '车辆', 'Parking', 'security', 1],
    ['other', '其他', 'Other', 'engineering', 1],
  ]],
  ['defect', L('工程质量整改', 'Construction defect'), [
    ['door', '防盗门', 'Security door', 'engineering', 7],
    ['window', '塑钢窗', 'uPVC windows', 'engineering', 7],
    ['civil', '土建', 'Civil works', 'engineering', 10],
    ['waterproof', '防水', 'Waterproofing', 'engineering', 20],
    ['plumbing', '给排水', 'Water supply & drainage', 'engineering', 7],
    ['power', '强电', 'Power', 'engineering', 7],
    ['lowvolt', '弱电', 'Low-voltage', 'engineering', 7],
  ]],
  ['equipment', L('设备报修', 'Equipment'), [
    ['generator', '发电机', 'Generator', 'engineering', 5],
    ['hvac', '中央空调', 'Central A/C', 'engineering', 5],
    ['power', '供配电', 'Power distribution', 'engineering', 5],
    ['water', '给水', 'Water supply', 'engineering', 5],
    ['lift', '电梯', 'Lift', 'engineering', 3],
    ['firesys', '消防系统', 'Fire system', 'engineering', 3],
    ['smart', '智能化', 'Smart systems', 'engineering', 7],
  ]],
];

function defaultRepairKinds(): RepairKind[] {
  return KIND_ROWS.map(([id, name, rows]) => ({
    id,
    name,
    categories: rows.map(([cid, zh, en, department, days, price]) => {
      const c: Category = { id: cid, name: L(zh, en), department, resolution: days * DAY };
      if (price) c.price = structuredClone(price);
      return c;
    }),
  }));
}

const DEFAULTS = {
  name: L('物业管理处', 'Property Management Office'),
  response: {
    dispatch: 5 * MIN, complaintDispatch: 20 * MIN, validComplaintToHead: HOUR,
    onSiteAfterClaim: 15 * MIN, paidQuote: 20 * MIN, emergencyOnSite: 5 * MIN,
  },
  complaintResolution: {
    valid: 2 * DAY, help: 3 * DAY, inquiry: 3 * DAY, venting: 3 * DAY, majorFirstAnswer: 2 * DAY, major: 10 * DAY,
  },
  visits: { start: '08:00', end: '18:00', slotLength: 2 * HOUR, slotsOffered: 6, minLead: HOUR },
};

// Looked up by generic key path, else by last key (see zodProblems).
const EXAMPLES: Record<string, string> = {
  name: '{ zh-CN: 阳光花园管理处, en: Sunshine Garden Office }', language: 'zh-CN', dutyPhone: '"0755-12345678"',
  managers: '[123456789]', 'managers[]': '123456789', heads: '[123456789]', 'departments[].heads[]': '123456789',
  chatId: '-1001234567890', threadId: '42', id: 'engineering', department: 'engineering', resolution: '"2d"',
  amount: '80', unit: '{ zh-CN: 次, en: visit }', start: '"08:00"', end: '"20:00"',
  slotLength: '"2h"', slotsOffered: '6', minLead: '"1h"', maxTextLength: '1000', maxMedia: '10',
  satisfactionRate: '0.96', averageSatisfaction: '0.75', responseOnTime: '0.95', resolutionOnTime: '0.95', firstTimeFix: '0.9',
  followupRate: '0.8', reportDay: '2', reportTime: '"09:00"', hotSpots: '5',
};

const localized = z.unknown().transform((v, ctx): Localized => {
  if (typeof v === 'string' && v.trim() !== '') return L(v, v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const zh = typeof o['zh-CN'] === 'string' && o['zh-CN'] !== '' ? o['zh-CN'] : undefined;
    const en = typeof o.en === 'string' && o.en !== '' ? o.en : undefined;
    const extra = Object.keys(o).filter((k) => k !== 'zh-CN' && k !== 'en');
    if ((zh || en) && extra.length === 0) return L(zh ?? en!, en ?? zh!);
  }
  ctx.addIssue({ code: 'custom', message: 'must be a text, or an object with "zh-CN" and/or "en" texts' });
  return z.NEVER;
});

const USER_ID = { error: 'must be a Telegram user id (a positive whole number)' };
const userId = z.number(USER_ID).int(USER_ID).positive(USER_ID);

const SHARE = { error: 'must be a share between 0 and 1, e.g. 0.96 for 96%' };
const share = z.number(SHARE).min(0, SHARE).max(1, SHARE);

const durationsFor = (defaults: Record<string, number>) =>
  z.strictObject(Object.fromEntries(Object.keys(defaults).map((k) => [k, duration(1).optional()])));

const priceSchema = z.strictObject({ amount: z.number().min(0), unit: localized, note: localized.optional() });
const fileSchema = z.strictObject({
  name: localized.optional(),
  language: z.enum(['zh-CN', 'en']).optional(),
  dutyPhone: z.string().optional(),
  managers: z.array(userId).optional(),
  contactOnCard: z.boolean().optional(),
  departments: z.array(z.strictObject({
    // Department ids travel in callback data (64 bytes in all), hence the cap.
    id: z.string().regex(/^[a-z][a-z0-9_-]{0,23}$/, { message: 'must be a short lowercase ascii id (at most 24 characters)' }),
    name: localized.optional(),
    chat: z.strictObject({ chatId: z.number().int(), threadId: z.number().int().positive().optional() }).optional(),
    heads: z.array(userId).optional(),
  })).min(1).optional(),
  repairKinds: z.array(z.strictObject({
    id: z.enum(['household', 'public', 'defect', 'equipment']),
    name: localized.optional(),
    categories: z.array(z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: 'must be a short lowercase ascii id' }),
      name: localized.optional(),
      department: z.string(),
      resolution: duration(1),
      price: priceSchema.optional(),
    })).min(1),
  })).optional(),
  response: durationsFor(DEFAULTS.response).optional(),
  complaintResolution: durationsFor(DEFAULTS.complaintResolution).optional(),
  internalTask: duration(1).optional(),
  internalTasks: internalTasksSchema.optional(),
  frontDesk: z.strictObject(window)
    .refine(checkWindow, { message: 'start and end must differ (use 00:00 to 24:00 for all day)', path: ['end'] })
    .optional(),
  visits: z.strictObject({
    ...window, slotLength: duration(1).optional(),
    slotsOffered: z.number().int().min(1).max(50).optional(), minLead: duration(0).optional(),
  }).refine(checkWindow, { message: 'start and end must differ', path: ['end'] }).optional(),
  confirmation: z.strictObject({ autoConfirmAfter: duration(1).optional() }).optional(),
  limits: z.strictObject({
    maxTextLength: z.number().int().min(1).optional(),
    maxMedia: z.number().int().min(0).optional(),
  }).optional(),
  routing: z.strictObject({
    complaints: z.string().optional(), emergencies: z.string().optional(), inquiries: z.string().optional(), frontDesk: z.string().optional(),
  }).optional(),
  complaints: z.strictObject({ tellStaffDepartmentHeads: z.boolean().optional() }).optional(),
  nightShift: z.strictObject({
    chat: z.strictObject({ chatId: z.number().int(), threadId: z.number().int().positive().optional() }).optional(),
    mode: z.enum(['also', 'instead']).optional(),
  }).optional(),
  otherResolution: z.strictObject({ emergency: duration(1).optional(), inquiry: duration(1).optional() }).optional(),
  residents: z.strictObject({ urgeInterval: duration(0).optional(), pageSize: z.number().int().min(1).max(20).optional() }).optional(),
  scheduler: z.strictObject({
    cron: z.string().refine((v) => cronValidate(v), { message: 'must be a cron expression, e.g. "* * * * *" (every minute) or "*/5 * * * * *" (every 5 seconds)' }).optional(),
    handoverGrace: duration(1).optional(),
    parallel: z.number().int().min(1).max(64).optional(),
  }).optional(),
  timeLimits: timeLimitsSchema.optional(),
  followups: followupsSchema.optional(),
  outbox: outboxSchema.optional(),
  dashboard: dashboardSchema.optional(),
  figures: z.strictObject({
    satisfactionRate: share.optional(),
    averageSatisfaction: share.optional(),
    responseOnTime: share.optional(),
    resolutionOnTime: share.optional(),
    firstTimeFix: share.optional(),
    followupRate: share.optional(),
    // Every month has a 28th: a later day would skip February.
    reportDay: z.number().int().min(1).max(28).optional(),
    reportTime: hhmm.optional(),
    hotSpots: z.number().int().min(1).max(50).optional(),
  }).optional(),
  flood: z.strictObject({
    window: duration(1).optional(),
    maxUpdates: z.number().int().min(1).optional(),
  }).optional(),
  followers: followersSchema.optional(),
  places: placesSchema.optional(),
  emergencies: emergenciesSchema.optional(),
});


type PolicyFile = z.infer<typeof fileSchema>;
type Ctx = { staffChatId?: number; timezone: string; source: string };
const CHAT_FIX =
  'set STAFF_CHAT_ID in the environment (one staff group for the whole office) ' +
  'or departments[].chat.chatId in the office policy file (example: -1001234567890)';

function buildDepartments(f: PolicyFile, ctx: Ctx, problems: string[]): Department[] {
  const listed = f.departments ?? Object.keys(DEFAULT_DEPARTMENTS).map((id) => ({ id, name: undefined, chat: undefined, heads: undefined }));
  const chatless: [number, string][] = [];
  const departments = listed.map((d, i): Department => {
    const name = d.name ?? (Object.hasOwn(DEFAULT_DEPARTMENTS, d.id) ? DEFAULT_DEPARTMENTS[d.id] : undefined);
    if (!name) {
      problems.push(`departments[${i}].name: department "${d.id}" is not a default one, so it needs a name ` +
        '(example: { zh-CN: 车管部, en: Parking Office })');
    }
    const chat = d.chat ?? (ctx.staffChatId !== undefined ? { chatId: ctx.staffChatId } : undefined);
    if (!chat) chatless.push([i, d.id]);
    return { id: d.id, name: name ?? L(d.id, d.id), chat: chat ?? { chatId: 0 }, heads: d.heads ?? [] };
  });
  if (f.departments) {
    for (const [i, id] of chatless) problems.push(`departments[${i}].chat.chatId: department "${id}" has no chat to post tickets to; ${CHAT_FIX}`);
  } else if (chatless.length > 0) {
    const ids = chatless.map(([, id]) => id).join(', ');
    problems.push(`STAFF_CHAT_ID: not set, so departments ${ids} have no chat to post tickets to; ${CHAT_FIX}`);
  }
  const ids = departments.map((d) => d.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`departments[${i}].id: "${id}" is used twice; department ids must be unique`);
  });
  return departments;
}

function buildRepairKinds(f: PolicyFile, deptIds: string[], problems: string[]): RepairKind[] {
  const defaults = defaultRepairKinds();
  if (!f.repairKinds) {
    const used = [...new Set(defaults.flatMap((k) => k.categories.map((c) => c.department)))];
    for (const d of used.filter((id) => !deptIds.includes(id))) {
      problems.push(`departments: the default repair categories are handled by department "${d}", which is not listed; ` +
        'add it to departments, or give your own repairKinds');
    }
    return defaults;
  }
  return f.repairKinds.map((k, ki, kinds) => {
    const defKind = defaults.find((d) => d.id === k.id)!;
    if (kinds.findIndex((o) => o.id === k.id) !== ki) problems.push(`repairKinds[${ki}].id: "${k.id}" is listed twice`);
    const categories = k.categories.map((c, ci): Category => {
      const path = `repairKinds[${ki}].categories[${ci}]`;
      if (k.categories.findIndex((o) => o.id === c.id) !== ci) problems.push(`${path}.id: "${c.id}" is used twice in ${k.id}`);
      if (!deptIds.includes(c.department)) {
        problems.push(`${path}.department: unknown department "${c.department}"; known: ${deptIds.join(', ')} ` +
          `(example: ${deptIds[0] ?? 'engineering'})`);
      }
      // A default category id keeps its default name, so a file can just change its limit or price.
      const name = c.name ?? defKind.categories.find((d) => d.id === c.id)?.name;
      if (!name) {
        problems.push(`${path}.name: category "${c.id}" is not a default one, so it needs a name ` +
          '(example: { zh-CN: 门窗, en: Doors & windows })');
      }
      const cat: Category = { id: c.id, name: name ?? L(c.id, c.id), department: c.department, resolution: c.resolution };
      if (c.price) cat.price = defined(c.price) as Price;
      return cat;
    });
    return { id: k.id, name: k.name ?? defKind.name, categories };
  });
}

/**
 * Validates an office policy read from a file (already parsed from YAML/JSON) and fills in
 * the SPEC.md defaults. Durations in the file are texts like "5m"; the result holds ms.
 * @throws ConfigError(ctx.source, …) naming each bad key path with an example.
 */
export function parseOfficePolicy(raw: unknown, ctx: Ctx): OfficePolicy {
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(ctx.source, zodProblems(parsed.error, EXAMPLES));
  const f = parsed.data;
  const problems: string[] = [];
  const departments = buildDepartments(f, ctx, problems);
  const repairKinds = buildRepairKinds(f, departments.map((d) => d.id), problems);
  // A default department the file left out falls back to the first listed one; a named unknown one is an error.
  const listed = (id: string) => (departments.some((d) => d.id === id) ? id : departments[0]?.id ?? id);
  const routing = {
    complaints: listed('service'), emergencies: listed('security'), inquiries: listed('service'), frontDesk: listed('service'),
    ...defined(f.routing),
  };
  for (const [key, id] of Object.entries(routing)) {
    if (!departments.some((d) => d.id === id)) {
      problems.push(`routing.${key}: unknown department "${id}"; known: ${departments.map((d) => d.id).join(', ')} (example: service)`);
    }
  }
  const places = buildPlaces(f.places, { repairKinds }, problems);
  if (problems.length > 0) throw new ConfigError(ctx.source, problems);
  // Cloned so that no two policies share default objects.
  return structuredClone<OfficePolicy>({
    name: f.name ?? DEFAULTS.name,
    language: f.language ?? 'zh-CN',
    timezone: ctx.timezone,
    dutyPhone: f.dutyPhone ?? '',
    managers: f.managers ?? [],
    contactOnCard: f.contactOnCard ?? false,
    departments,
    repairKinds,
    response: { ...DEFAULTS.response, ...defined(f.response) },
    complaintResolution: { ...DEFAULTS.complaintResolution, ...defined(f.complaintResolution) },
    internalTask: f.internalTask ?? DAY,
    frontDesk: { start: '08:00', end: '20:00', ...defined(f.frontDesk) },
    visits: { ...DEFAULTS.visits, ...defined(f.visits) },
    confirmation: { autoConfirmAfter: f.confirmation?.autoConfirmAfter ?? 3 * DAY },
    limits: { maxTextLength: 1000, maxMedia: 10, ...defined(f.limits) },
    routing,
    complaints: { tellStaffDepartmentHeads: f.complaints?.tellStaffDepartmentHeads ?? true },
    nightShift: { mode: f.nightShift?.mode ?? 'also', ...(f.nightShift?.chat ? { chat: f.nightShift.chat } : {}) },
    otherResolution: { emergency: DAY, inquiry: DAY, ...defined(f.otherResolution) },
    residents: { urgeInterval: 2 * HOUR, pageSize: 5, ...defined(f.residents) },
    scheduler: { cron: '* * * * *', handoverGrace: 30 * MIN, parallel: 8, ...defined(f.scheduler) },
    timeLimits: { ...DEFAULT_TIME_LIMITS, ...defined(f.timeLimits) },
    ...(f.followups ? { followups: defined(f.followups) } : {}),
    ...(f.outbox ? { outbox: defined(f.outbox) } : {}),
    ...(f.internalTasks ? { internalTasks: defined(f.internalTasks) } : {}),
    ...(f.dashboard ? { dashboard: defined(f.dashboard) } : {}),
    figures: { ...DEFAULT_FIGURES, ...defined(f.figures) },
    // 20 in 10 s leaves room for an album of 10 photos and quick taps, not for a flood.
    flood: { window: 10_000, maxUpdates: 20, ...defined(f.flood) },
    ...(f.followers ? { followers: defined(f.followers) } : {}),
    ...(places.length > 0 ? { places } : {}),
    emergencies: { ...DEFAULT_EMERGENCIES, ...defined(f.emergencies) },
  });
}

/**
 * The SPEC.md defaults, every department posting to STAFF_CHAT_ID.
 * @throws ConfigError when staffChatId is not given (no department would have a chat).
 */
export function defaultOfficePolicy(ctx: { staffChatId?: number; timezone: string }): OfficePolicy {
  return parseOfficePolicy({}, { ...ctx, source: 'default office policy' });
}

export function findCategory(policy: OfficePolicy, kind: RepairKindId, categoryId: string): Category | undefined {
  return policy.repairKinds.find((k) => k.id === kind)?.categories.find((c) => c.id === categoryId);
}

export function departmentById(policy: OfficePolicy, id: string): Department | undefined {
  return policy.departments.find((d) => d.id === id);
}

/** Head of the given department, or of any department when none is given. */
export function isHead(policy: OfficePolicy, userId: number, departmentId?: string): boolean {
  return policy.departments.some((d) => (departmentId === undefined || d.id === departmentId) && d.heads.includes(userId));
}

export function isManager(policy: OfficePolicy, userId: number): boolean {
  return policy.managers.includes(userId);
}
