import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { ConfigError } from '../../src/config/errors';
import { loadOfficePolicyFile } from '../../src/config/load';
import { defaultOfficePolicy, parseOfficePolicy } from '../../src/config/office';

const EXAMPLE = join(__dirname, '../../config/office.example.yaml');
const ctx = { timezone: 'Asia/Shanghai' };
const dir = mkdtempSync(join(tmpdir(), 'office-policy-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config/office.example.yaml', () => {
  it('parses with parseOfficePolicy, even without STAFF_CHAT_ID', () => {
    const raw = YAML.parse(readFileSync(EXAMPLE, 'utf8'));
    const p = parseOfficePolicy(raw, { ...ctx, source: EXAMPLE });
    expect(p.departments.map((d) => d.chat)).toEqual([
      { chatId: -1001234567890, threadId: 2 },
      { chatId: -1001234567890, threadId: 3 },
      { chatId: -1001234567890, threadId: 4 },
      { chatId: -1001234567890, threadId: 5 },
    ]);
    expect(p.managers).toEqual([123456789]);
    expect(p.dutyPhone).toBe('0755-12345678');
  });

  it('shows the defaults', () => {
    const fromExample = loadOfficePolicyFile(EXAMPLE, { ...ctx, staffChatId: -100 });
    const defaults = defaultOfficePolicy({ ...ctx, staffChatId: -100 });
    for (const key of ['language', 'contactOnCard', 'repairKinds', 'response', 'complaintResolution', 'internalTask', 'frontDesk', 'visits', 'confirmation', 'limits', 'figures'] as const) {
      expect(fromExample[key]).toEqual(defaults[key]);
    }
    expect(fromExample.departments.map((d) => d.name)).toEqual(defaults.departments.map((d) => d.name));
  });
});

describe('loadOfficePolicyFile', () => {
  it('returns the defaults when no path is given', () => {
    expect(loadOfficePolicyFile(undefined, { ...ctx, staffChatId: -100 })).toEqual(defaultOfficePolicy({ ...ctx, staffChatId: -100 }));
  });

  it('reads JSON', () => {
    const path = write('office.json', JSON.stringify({ response: { dispatch: '3m' }, managers: [42] }));
    const p = loadOfficePolicyFile(path, { ...ctx, staffChatId: -100 });
    expect(p.response.dispatch).toBe(180_000);
    expect(p.managers).toEqual([42]);
  });

  it('reads YAML, including unquoted times', () => {
    const path = write('office.yml', 'frontDesk:\n  start: 07:30\n  end: 21:00\nconfirmation:\n  autoConfirmAfter: 2d\n');
    const p = loadOfficePolicyFile(path, { ...ctx, staffChatId: -100 });
    expect(p.frontDesk).toEqual({ start: '07:30', end: '21:00' });
    expect(p.confirmation.autoConfirmAfter).toBe(172_800_000);
  });

  it('treats an empty YAML file as all defaults', () => {
    const path = write('empty.yaml', '# nothing yet\n');
    expect(loadOfficePolicyFile(path, { ...ctx, staffChatId: -100 })).toEqual(defaultOfficePolicy({ ...ctx, staffChatId: -100 }));
  });

  it('says which file is missing and points at the example', () => {
    const path = join(dir, 'nope.yaml');
    const e = errorOf(() => loadOfficePolicyFile(path, ctx));
    expect(e.source).toBe(`office policy file ${path}`);
    expect(e.problems[0]).toContain(`file not found: ${path}`);
    expect(e.problems[0]).toContain('config/office.example.yaml');
  });

  it('reports broken syntax', () => {
    const e = errorOf(() => loadOfficePolicyFile(write('bad.json', '{"response": '), ctx));
    expect(e.problems[0]).toMatch(/^\(file\): not valid JSON/);
    const y = errorOf(() => loadOfficePolicyFile(write('bad.yaml', 'response: [1, 2\n'), ctx));
    expect(y.problems[0]).toMatch(/^\(file\): not valid YAML/);
  });

  it('names the file in validation errors', () => {
    const path = write('invalid.yaml', 'response:\n  dispatch: 5\n');
    const e = errorOf(() => loadOfficePolicyFile(path, { ...ctx, staffChatId: -100 }));
    expect(e.message).toContain(`Invalid configuration in office policy file ${path}:`);
    expect(e.problems[0]).toMatch(/^response\.dispatch: /);
  });
});
