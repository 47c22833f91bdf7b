import type { z } from 'zod';

/**
 * Configuration that cannot be used. The message names the source, then one line per
 * problem with the key path, what is wrong and an example of a correct value, so that an
 * office admin can fix it without reading code.
 */
export class ConfigError extends Error {
  readonly source: string;
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`Invalid configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.source = source;
    this.problems = problems;
  }
}

/** 'departments[0].chat.chatId' — the path as a person would write it. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Looks up an example by 'departments[].chat.chatId', then by the last key ('chatId'). */
export function exampleFor(path: readonly PropertyKey[], examples: Record<string, string>): string | undefined {
  const generic = formatKeyPath(path.map((k) => (typeof k === 'number' ? -1 : k))).replace(/\[-1\]/g, '[]');
  if (generic in examples) return examples[generic];
  const last = [...path].reverse().find((k) => typeof k === 'string');
  return typeof last === 'string' && last in examples ? examples[last] : undefined;
}

/** Joins a problem line: 'path: what (example: value)'. */
export function problemLine(path: readonly PropertyKey[], what: string, examples: Record<string, string>): string {
  const example = exampleFor(path, examples);
  return `${formatKeyPath(path)}: ${what}${example ? ` (example: ${example})` : ''}`;
}

/**
 * Turns zod issues into ConfigError problem lines. `examples` is keyed by the generic key
 * path ('departments[].heads') or by the last key ('heads').
 */
export function zodProblems(error: z.ZodError, examples: Record<string, string>): string[] {
  return error.issues.map((issue) => {
    let path: PropertyKey[] = [...issue.path];
    let what = issue.message;
    if (issue.code === 'unrecognized_keys') {
      // Reported on the parent object; naming the stray key itself is what helps with typos.
      const keys = issue.keys;
      if (keys.length === 1) {
        path = [...path, keys[0]];
        what = 'unknown key (check the spelling)';
      } else {
        what = `unknown keys ${keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
      }
      return `${formatKeyPath(path)}: ${what}`;
    }
    return problemLine(path, what, examples);
  });
}
