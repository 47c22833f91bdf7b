/**
 * The changes our launcher build makes to FerretDB (testdb/patches/patches.json says each one
 * and why): the module is copied from Go's module cache to .cache/, changed there, and the
 * launcher is built against the copy through a go.mod of its own with a `replace` line
 * (testdb/go.mod and the module cache stay as they are; Go refuses overlays of the cache).
 * A change whose text is no longer found fails the build loudly instead of building an
 * unpatched database.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const PATCHES_DIR = path.join('testdb', 'patches');

const patchesSchema = z.object({
  module: z.string(),
  version: z.string(),
  replace: z.array(z.object({ file: z.string(), why: z.string(), from: z.string(), to: z.string(), count: z.number().int().positive() })),
  add: z.array(z.object({ file: z.string(), source: z.string() })),
});

/** Where Go keeps the module's files, downloading them first when needed. */
function moduleDir(go: string, sourcesDir: string, module: string, version: string): string {
  const run = spawnSync(go, ['mod', 'download', '-json', `${module}@${version}`], { cwd: sourcesDir, encoding: 'utf8' });
  const dir = run.status === 0 ? (JSON.parse(run.stdout) as { Dir?: string }).Dir : undefined;
  if (!dir) throw new Error(`go mod download ${module}@${version} failed: ${run.stderr || run.stdout}`);
  return dir;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/**
 * Copies the module to `<buildDir>/module`, applies the changes and writes `<buildDir>/go.mod`
 * (testdb's, plus the replace line) with its go.sum; returns that go.mod for `go build -modfile`.
 */
export function preparePatchedModule(go: string, projectRoot: string, buildDir: string): string {
  const patchesDir = path.join(projectRoot, PATCHES_DIR);
  const sourcesDir = path.join(projectRoot, 'testdb');
  const patches = patchesSchema.parse(JSON.parse(readFileSync(path.join(patchesDir, 'patches.json'), 'utf8')));
  const upstream = moduleDir(go, sourcesDir, patches.module, patches.version);
  const copy = path.resolve(buildDir, 'module');
  rmSync(copy, { recursive: true, force: true });
  cpSync(upstream, copy, { recursive: true });
  for (const change of patches.replace) {
    const file = path.join(copy, change.file);
    const text = readFileSync(file, 'utf8');
    const found = occurrences(text, change.from);
    if (found !== change.count) {
      throw new Error(`patch for ${change.file} (${change.why}) expected its text ${change.count} time(s), found ${found}`);
    }
    chmodSync(file, 0o644);
    writeFileSync(file, text.split(change.from).join(change.to));
  }
  for (const added of patches.add) copyFileSync(path.join(patchesDir, added.source), path.join(copy, added.file));
  const goMod = path.join(buildDir, 'go.mod');
  writeFileSync(goMod, `${readFileSync(path.join(sourcesDir, 'go.mod'), 'utf8')}\nreplace ${patches.module} => ${copy}\n`);
  copyFileSync(path.join(sourcesDir, 'go.sum'), path.join(buildDir, 'go.sum'));
  return goMod;
}
