/**
 * What a resident is told to do right after reporting an emergency: the public number that
 * fits (119 fire and gas, 120 medical, 110 crime), all three numbers, and the office's duty
 * phone when one is configured — for every kind, in both languages.
 */
import { Texts, LANGS } from '../../bot/texts';
import { emergencyGuidance } from '../../bot/render/emergency';
import { EMERGENCY_TYPES, type EmergencyType } from '../../src/tickets/types';
import { testPolicy } from '../support/harness';

const texts = new Texts({
  onMissing: (lang, key) => {
    throw new Error(`missing text "${key}" in ${lang}`);
  },
});

/** The number to call first, named in the advice line itself. */
const FIRST_CALL: Partial<Record<EmergencyType, string>> = { fire: '119', gas: '119', medical: '120', crime: '110' };

test.each(LANGS)('every kind in %s: its own advice, the three public numbers, the duty phone', (lang) => {
  const policy = testPolicy();
  const advice = new Set<string>();
  for (const what of EMERGENCY_TYPES) {
    const lines = emergencyGuidance(what, policy, texts, lang).split('\n');
    expect(lines).toHaveLength(4);
    advice.add(lines[1]);
    expect(lines[2]).toMatch(/119.*120.*110/);
    expect(lines[3]).toContain('0755-88886666');
    const first = FIRST_CALL[what];
    if (first) {
      expect(lines[1]).toContain(first);
      for (const other of ['119', '120', '110'].filter((n) => n !== first)) expect(lines[1]).not.toContain(other);
    }
  }
  expect(advice.size).toBe(EMERGENCY_TYPES.length);
});

test('without a duty phone in the configuration the line is left out, not shown empty', () => {
  const policy = testPolicy({ dutyPhone: '' });
  const guidance = emergencyGuidance('fire', policy, texts, 'zh-CN');
  expect(guidance.split('\n')).toHaveLength(3);
  expect(guidance).not.toContain('值班电话');
});
