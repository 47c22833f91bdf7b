import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import YAML from 'yaml';
import { ConfigError } from './errors';
import { defaultOfficePolicy, parseOfficePolicy, type OfficePolicy } from './office';

const EXAMPLE_FILE = 'config/office.example.yaml';

/**
 * Reads the office policy from a YAML (.yaml/.yml) or JSON file, or returns the defaults
 * when no path is given.
 * @throws ConfigError when the file is missing, unreadable, not valid YAML/JSON, or invalid.
 */
export function loadOfficePolicyFile(path: string | undefined, ctx: { staffChatId?: number; timezone: string }): OfficePolicy {
  if (path === undefined) return defaultOfficePolicy(ctx);
  const source = `office policy file ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (e as Error).message})`;
    throw new ConfigError(source, [
      `OFFICE_CONFIG: ${what}: ${path}. Copy ${EXAMPLE_FILE} to that path and edit it, ` +
        'or leave OFFICE_CONFIG unset to use the default policy (example: OFFICE_CONFIG=config/office.yaml)',
    ]);
  }
  const ext = extname(path).toLowerCase();
  let raw: unknown;
  try {
    // YAML is a superset of JSON, but JSON.parse gives the familiar error messages for .json files.
    raw = ext === '.json' ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    throw new ConfigError(source, [
      `(file): not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]} (see ${EXAMPLE_FILE} for the layout)`,
    ]);
  }
  return parseOfficePolicy(raw, { ...ctx, source });
}
