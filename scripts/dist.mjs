// The compiled artefact in dist/: whether it matches the sources, and how it is built.
// Used by scripts/build.mjs (`npm run build`) and scripts/start.mjs (`npm start`).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(root, 'dist');
const STAMP = 'build.json';
/** What the compiled output depends on: the runtime sources, their texts and the compiler settings. */
const SOURCES = ['main.ts', 'src', 'bot', 'scenes', 'tsconfig.json', 'tsconfig.build.json', 'scripts/dist.mjs'];

function filesUnder(rel) {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs, { withFileTypes: true })
    .flatMap((e) => filesUnder(path.join(rel, e.name)))
    .sort();
}

/** A hash of every source file's path and content (about 10 ms): mtimes lie after a checkout or a copy. */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder)) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** 'fresh', 'missing' (no dist/), 'stale' (sources changed since), or 'no-sources' (only dist/, e.g. the Docker image). */
export function distState() {
  const stampFile = path.join(distDir, STAMP);
  if (!existsSync(path.join(root, 'main.ts'))) return existsSync(path.join(distDir, 'main.js')) ? 'no-sources' : 'missing';
  if (!existsSync(stampFile) || !existsSync(path.join(distDir, 'main.js'))) return 'missing';
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')).sourceHash === sourceHash() ? 'fresh' : 'stale';
  } catch {
    return 'stale';
  }
}

export class BuildError extends Error {}

/**
 * Compiles into a fresh folder and swaps it in, so a failed or interrupted build never leaves
 * a half-written dist/ behind. Texts (bot/locales/*.ftl) are copied next to the code that reads them.
 */
export async function build(log = (m) => process.stdout.write(`${m}\n`)) {
  const started = Date.now();
  const hash = sourceHash();
  let tsc;
  try {
    tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new BuildError('TypeScript is not installed, so dist/ cannot be built: run `npm ci` (with the dev dependencies), then `npm run build`');
  }
  const out = path.join(root, `dist.building-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new BuildError(`the TypeScript build failed (tsc exit ${code}):\n${text}`))));
  }).catch((error) => {
    rmSync(out, { recursive: true, force: true });
    throw error;
  });
  cpSync(path.join(root, 'bot', 'locales'), path.join(out, 'bot', 'locales'), { recursive: true, filter: (src) => statSync(src).isDirectory() || src.endsWith('.ftl') });
  writeFileSync(path.join(out, STAMP), `${JSON.stringify({ sourceHash: hash, builtAt: new Date().toISOString(), node: process.version }, null, 2)}\n`);
  const old = path.join(root, `dist.old-${process.pid}`);
  if (existsSync(distDir)) renameSync(distDir, old);
  renameSync(out, distDir);
  rmSync(old, { recursive: true, force: true });
  if (output.trim()) log(output.trim());
  return { seconds: (Date.now() - started) / 1000 };
}
