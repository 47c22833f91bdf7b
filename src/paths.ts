/**
 * Where the project's own files are, whether this runs as TypeScript (tsx, jest) from the
 * checkout or as the compiled JavaScript in dist/: the nearest folder up from here that holds
 * package.json. The embedded database's sources (testdb/), its build cache (.cache/) and the
 * default data folder (data/) live there, not in dist/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function projectRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
