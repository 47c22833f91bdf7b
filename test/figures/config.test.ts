/** The office policy's `figures` section: SPEC.md's targets by default, an office's own values, bad values explained. */
import { ConfigError } from '../../src/config/errors';
import { defaultOfficePolicy, parseOfficePolicy } from '../../src/config/office';

const ctx = { staffChatId: -1001234567890, timezone: 'Asia/Shanghai', source: 'office policy file config/office.yaml' };

test('defaults: 满意率 96%, 满意度 75%, report on the 2nd at 09:00, five hot spots; no other targets', () => {
  expect(defaultOfficePolicy(ctx).figures).toEqual({ satisfactionRate: 0.96, averageSatisfaction: 0.75, reportDay: 2, reportTime: '09:00', hotSpots: 5 });
});

test('an office sets its own targets and timing; the rest stay default', () => {
  const p = parseOfficePolicy({ figures: { satisfactionRate: 0.98, resolutionOnTime: 0.95, firstTimeFix: 0.9, reportDay: 5, reportTime: '08:30' } }, ctx);
  expect(p.figures).toEqual({ satisfactionRate: 0.98, averageSatisfaction: 0.75, resolutionOnTime: 0.95, firstTimeFix: 0.9, reportDay: 5, reportTime: '08:30', hotSpots: 5 });
});

test('bad values are explained with the key and an example', () => {
  let error: ConfigError | undefined;
  try {
    parseOfficePolicy({ figures: { satisfactionRate: 96, reportDay: 31, reportTime: '9am', target: 1 } }, ctx);
  } catch (e) {
    error = e as ConfigError;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const byPath = Object.fromEntries(error!.problems.map((p) => [p.slice(0, p.indexOf(': ')), p.slice(p.indexOf(': ') + 2)]));
  expect(byPath['figures.satisfactionRate']).toBe('must be a share between 0 and 1, e.g. 0.96 for 96% (example: 0.96)');
  expect(byPath['figures.reportDay']).toMatch(/28.*\(example: 2\)$/);
  expect(byPath['figures.reportTime']).toBe('must be a 24-hour time HH:MM (example: "09:00")');
  expect(byPath['figures.target']).toBe('unknown key (check the spelling)');
});
