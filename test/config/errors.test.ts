import { z } from 'zod';
import { ConfigError, zodProblems } from '../../src/config/errors';

describe('ConfigError', () => {
  it('names the source and lists one problem per line', () => {
    const e = new ConfigError('environment', ['BOT_TOKEN: bad (example: 1:a)', 'PORT: bad']);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ConfigError');
    expect(e.source).toBe('environment');
    expect(e.message).toBe('Invalid configuration in environment:\n  - BOT_TOKEN: bad (example: 1:a)\n  - PORT: bad');
  });
});

describe('zodProblems', () => {
  const schema = z.strictObject({
    departments: z.array(z.object({ chat: z.object({ chatId: z.number() }), heads: z.array(z.number()) })),
  });
  const problemsOf = (value: unknown, examples: Record<string, string>) => {
    const r = schema.safeParse(value);
    if (r.success) throw new Error('expected a failure');
    return zodProblems(r.error, examples);
  };

  it('writes the path with indexes and looks the example up by the generic path', () => {
    const lines = problemsOf(
      { departments: [{ chat: { chatId: 'x' }, heads: [] }] },
      { 'departments[].chat.chatId': '-1001234567890', chatId: 'wrong one' },
    );
    expect(lines).toEqual(['departments[0].chat.chatId: Invalid input: expected number, received string (example: -1001234567890)']);
  });

  it('falls back to the last key for the example', () => {
    const lines = problemsOf({ departments: [{ chat: { chatId: 1 }, heads: 'none' }] }, { heads: '[123456789]' });
    expect(lines).toEqual(['departments[0].heads: Invalid input: expected array, received string (example: [123456789])']);
  });

  it('names an unknown key so typos are easy to find', () => {
    expect(problemsOf({ departments: [], departmens: [] }, {})).toEqual(['departmens: unknown key (check the spelling)']);
  });

  it('calls the root the top level', () => {
    expect(problemsOf(42, {})[0]).toMatch(/^\(top level\): /);
  });
});
