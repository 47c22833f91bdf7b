/**
 * No missing text in either language: both translation files define the same messages with
 * the same placeholders, and every key the code asks for exists in both. Keys are read from
 * the source (bot/, scenes/) so a new `t('...')` without a translation fails here, not in a
 * resident's chat.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COVERAGE_CLASSES } from '../../src/followups/config';
import { COMPLAINT_CLASSES, EMERGENCY_TYPES } from '../../src/tickets/types';

const ROOT = path.join(__dirname, '..', '..');
/** Each language is a folder of .ftl files, one per feature; they form one bundle. */
const LOCALES = { 'zh-CN': 'bot/locales/zh-CN', en: 'bot/locales/en' };

/** Message ids (a name at the start of a line followed by '=') and the variables each one uses. */
function parseFtl(dir: string): Map<string, Set<string>> {
  const messages = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  const files = readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ftl')).map((f) => path.join(dir, f));
  const lines = files.flatMap((file) => readFileSync(path.join(ROOT, file), 'utf8').split('\n').concat(['']));
  const file = dir;
  for (const line of lines) {
    const head = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
    if (head) {
      if (messages.has(head[1])) throw new Error(`${file}: ${head[1]} is defined twice`);
      messages.set(head[1], (current = new Set()));
    } else if (!/^\s/.test(line)) {
      current = undefined; // a comment or a blank line ends the message
    }
    for (const v of line.matchAll(/\{\s*\$(\w+)/g)) current?.add(v[1]);
  }
  return messages;
}

const zh = parseFtl(LOCALES['zh-CN']);
const en = parseFtl(LOCALES.en);

test('both languages define the same message ids', () => {
  expect(zh.size).toBeGreaterThan(100);
  expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
});

test('each message uses the same placeholders in both languages', () => {
  const differing = [...zh.keys()]
    .filter((k) => en.has(k))
    .filter((k) => [...zh.get(k)!].sort().join() !== [...en.get(k)!].sort().join())
    .map((k) => `${k}: zh {${[...zh.get(k)!]}} en {${[...en.get(k)!]}}`);
  expect(differing).toEqual([]);
});

// --- keys used by the code ------------------------------------------------------------------

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

/** The top-level arguments of a call whose '(' is just before `start`, as source text. */
function callArguments(src: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = start;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return [...args, src.slice(from, i).trim()];
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(src.slice(from, i).trim());
      from = i + 1;
    }
  }
  return args;
}

const KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9_]+)*$/;

/** Literal keys in an expression ('a', cond ? 'a' : 'b', `a`) and prefixes of templates (`menu-${x}`). */
function keysIn(expression: string, into: { literal: Set<string>; templates: Set<string> }): void {
  for (const m of expression.matchAll(/'([^'\\]*)'|"([^"\\]*)"|`([^`$]*)`/g)) {
    const key = m[1] ?? m[2] ?? m[3];
    // The right side of a comparison (kind === 'inquiry' ? 'a' : 'b') is a condition, not a key.
    if (/[=!]==\s*$/.test(expression.slice(0, m.index))) continue;
    if (KEY.test(key)) into.literal.add(key);
  }
  for (const m of expression.matchAll(/`([a-z][a-z0-9-]*)\$\{/g)) into.templates.add(m[1]);
}

function keysUsedInCode() {
  const used = { literal: new Set<string>(), templates: new Set<string>() };
  for (const file of [...sources('bot'), ...sources('scenes')]) {
    const src = readFileSync(path.join(ROOT, file), 'utf8');
    // t(key), kit.t(key), ctx.t(key), texts.t(lang, key), texts.plain(lang, key)
    for (const m of src.matchAll(/(?:\bt|\.plain)\(/g)) {
      const args = callArguments(src, m.index! + m[0].length);
      // A language first (lang, kit.lang, services.policy.language), then the key.
      const keyArg = /\b(lang|language)\b/.test(args[0] ?? '') ? args[1] : args[0];
      if (keyArg) keysIn(keyArg, used);
    }
    // { retry: 'key' } verdicts of scene questions; the explanation is looked up later.
    for (const m of src.matchAll(/\bretry:\s*/g)) {
      const rest = src.slice(m.index! + m[0].length);
      keysIn(rest.slice(0, rest.search(/[,}]/)), used);
    }
  }
  return used;
}

/** Keys chosen in a variable first (`const key = cond ? 'a' : 'b'`), which the scan cannot follow. */
const INDIRECT = [
  'chatid', 'chatid-topic', 'help-private', 'help-group',
  // The dashboard's refusals and navigation (bot/dashboard/router.ts, layout.ts) pass their keys along.
  'dash-link-invalid', 'dash-link-expired', 'dash-link-used', 'dash-signin-needed', 'dash-not-staff', 'dash-forbidden',
  'dash-not-found', 'dash-figures-forbidden', 'dash-signed-out', 'dash-nav-overview', 'dash-nav-tickets', 'dash-nav-figures',
];
const STATUSES = ['open', 'claimed', 'on_site', 'resolved', 'reopened', 'closed', 'cancelled'];
/** Keys built with `${...}`: every family the code builds, with every value it can take. */
const FAMILIES: Record<string, string[]> = {
  'menu-': ['repair', 'complaint', 'emergency', 'my', 'inquiry'],
  'status-': STATUSES,
  'card-status-': STATUSES,
  'priority-': ['normal', 'urgent'],
  'refuse-': ['not-found', 'not-staff', 'wrong-department', 'already-claimed', 'not-owner', 'not-head', 'not-your-ticket', 'not-applicable', 'too-soon', 'wrong-state'],
  'complaint-subject-': ['service', 'staff', 'fees', 'environment', 'neighbours', 'developer', 'other'],
  'complaint-class-': COMPLAINT_CLASSES,
  'emergency-': EMERGENCY_TYPES,
  'resident-accepted-': ['repair', 'complaint', 'emergency', 'inquiry', 'task'],
  'handover-kind-': ['repair', 'complaint', 'emergency', 'inquiry', 'task'],
  'history-': ['reminded', 'escalated', 'reannounced'],
  'figures-coverage-': COVERAGE_CLASSES,
  'dash-role-': ['manager', 'head', 'staff'],
  'dash-notice-': ['sent', 'refused', 'invalid'],
  'dash-col-': ['ref', 'kind', 'status', 'department', 'category', 'building', 'created', 'due', 'owner', 'description'],
  'figures-kind-': ['repair', 'complaint', 'emergency', 'inquiry'],
  'cmd-': ['repair', 'complain', 'emergency', 'my', 'ask', 'profile', 'lang', 'help', 'cancel', 'chatid', 'open', 'mine', 'ticket', 'late', 'task'],
};

test('every key used by the code exists in both languages', () => {
  const used = keysUsedInCode();
  expect(used.literal.size).toBeGreaterThan(80); // the scan works
  for (const key of ['repair-fee', 'scene-sticker', 'repair-ask-location-home', 'btn-keep-phone', 'resolve-dm']) expect(used.literal).toContain(key);

  const wanted = [...used.literal, ...INDIRECT, ...Object.entries(FAMILIES).flatMap(([prefix, values]) => values.map((v) => prefix + v))];
  expect(wanted.filter((k) => !zh.has(k)).map((k) => `zh-CN: ${k}`)).toEqual([]);
  expect(wanted.filter((k) => !en.has(k)).map((k) => `en: ${k}`)).toEqual([]);
});

test('every key family built with ${...} is listed here', () => {
  // A new family in the code must be added to FAMILIES with its values, or its keys go unchecked.
  expect([...keysUsedInCode().templates].filter((p) => !(p in FAMILIES))).toEqual([]);
});
