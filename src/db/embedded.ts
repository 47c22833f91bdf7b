/**
 * Starts our FerretDB launcher (testdb/, a MongoDB wire-protocol server embedded in a tiny
 * Go program) so tests and a newcomer's `npm start` need no MongoDB installation.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PATCHES_DIR, preparePatchedModule } from './ferretdbPatches';

export type EmbeddedBackend = 'postgresql' | 'sqlite';

export interface EmbeddedDatabase {
  uri: string;
  backend: EmbeddedBackend;
  /** The launcher process now running (a new one after a restart). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  projectRoot: string;
  /** 'auto' uses PostgreSQL when one answers on 127.0.0.1:5432, else SQLite. */
  backend?: EmbeddedBackend | 'auto';
  sqliteDir?: string;
  postgresqlUrl?: string;
  port?: number;
  log?: (message: string) => void;
  /** How often a first build reports progress. */
  buildProgress?: BuildProgress;
  /** Start the launcher again when it dies (default true); off where its owner handles outages itself. */
  restartOnExit?: boolean;
}

export class EmbeddedDatabaseError extends Error {}

const LAUNCHER_DIR = 'testdb';
const BINARY = path.join('.cache', 'ferretdb-launcher');

function newestMtime(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.go') || f.endsWith('.json') || f === 'go.mod' || f === 'go.sum')
    .reduce((max, f) => Math.max(max, statSync(path.join(dir, f)).mtimeMs), 0);
}

function findGo(): string | undefined {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    const probe = spawnSync(candidate, ['version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

/** About how many Go packages a clean build of the launcher compiles (measured: 544 with `go build -v`). */
const PACKAGES_ESTIMATE = 540;
/** Measured on a busy 2-core machine: 2 min 13 s with the modules already downloaded. */
const BUILD_TIME_HINT = 'about 2 minutes on a 2-core machine, up to 5 when Go must first download the modules';

export interface BuildProgress {
  /** How often a "still building" line is logged (ms). */
  every?: number;
}

/** True when the launcher exists and is newer than its sources (no build needed). */
export function launcherUpToDate(projectRoot: string): boolean {
  const binary = path.join(projectRoot, BINARY);
  return existsSync(binary) && statSync(binary).mtimeMs >= Math.max(newestMtime(path.join(projectRoot, LAUNCHER_DIR)), newestMtime(path.join(projectRoot, PATCHES_DIR)));
}

/**
 * Builds the launcher when it is missing or older than its sources; returns its path. The
 * first line says what is built and how long it takes, BEFORE the build starts, and a
 * progress line follows every `every` ms (Go's `-v` output counts the compiled packages).
 */
export async function ensureLauncherBuilt(
  projectRoot: string,
  log: (m: string) => void = () => {},
  progress: BuildProgress = {},
): Promise<string> {
  const binary = path.join(projectRoot, BINARY);
  const sources = path.join(projectRoot, LAUNCHER_DIR);
  if (launcherUpToDate(projectRoot)) return binary;
  const go = findGo();
  if (!go) {
    throw new EmbeddedDatabaseError(
      'Go is not installed, so the embedded database (FerretDB) cannot be built. ' +
        'Install Go 1.22+ (https://go.dev/dl/) or set MONGODB_URI to a MongoDB server, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/helpdesk',
    );
  }
  log(
    `building the embedded database (FerretDB v1.24.2, from ${LAUNCHER_DIR}/ with Go) once: ${BUILD_TIME_HINT}; ` +
      `the result is kept in ${BINARY} and later starts take a second`,
  );
  mkdirSync(path.dirname(binary), { recursive: true });
  const started = Date.now();
  // Built next to the target and renamed at the end: an interrupted build leaves no half binary.
  const partial = `${binary}.partial-${process.pid}`;
  const goMod = preparePatchedModule(go, projectRoot, path.join(projectRoot, '.cache', 'ferretdb-build'));
  const child = spawn(go, ['build', '-v', '-modfile', goMod, '-o', partial, '.'], { cwd: sources, stdio: ['ignore', 'pipe', 'pipe'] });
  let compiled = 0;
  let downloaded = 0;
  let output = '';
  let pending = '';
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('go: downloading')) downloaded += 1;
      else if (line.trim() !== '' && !line.startsWith('go: ') && !line.startsWith('#')) compiled += 1;
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    const share = Math.min(99, Math.round((100 * compiled) / PACKAGES_ESTIMATE));
    const fetched = downloaded > 0 ? `, ${downloaded} modules downloaded` : '';
    log(`still building the embedded database: ${seconds} s so far, ${compiled} of about ${PACKAGES_ESTIMATE} packages compiled (${share}%)${fetched}`);
  }, progress.every ?? 15_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => clearInterval(timer));
  if (code !== 0) {
    rmSync(partial, { force: true });
    throw new EmbeddedDatabaseError(`building ${LAUNCHER_DIR}/ failed:\n${output}`);
  }
  renameSync(partial, binary);
  log(`embedded database built in ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

function canConnect(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const binary = await ensureLauncherBuilt(options.projectRoot, log, options.buildProgress);
  let backend: EmbeddedBackend;
  if (!options.backend || options.backend === 'auto') {
    backend = (await canConnect(5432)) ? 'postgresql' : 'sqlite';
  } else {
    backend = options.backend;
  }
  const port = options.port ?? (await freePort());
  const args = ['-listen', `127.0.0.1:${port}`, '-handler', backend, '-watch-stdin'];
  if (backend === 'postgresql') {
    args.push('-postgresql-url', options.postgresqlUrl ?? 'postgres://root@127.0.0.1:5432/test');
  } else {
    const dir = options.sqliteDir ?? path.join(options.projectRoot, 'data', 'sqlite');
    mkdirSync(dir, { recursive: true });
    args.push('-sqlite-dir', dir);
  }
  let current = await launch(binary, args, port);
  log(`embedded database (FerretDB, ${backend} backend, pid ${current.child.pid}) listening on 127.0.0.1:${port}`);

  // Supervised: a launcher that dies while the bot runs is started again on the same port and
  // files, so the connection finds it where it was (the driver reconnects by itself).
  let stopping = false;
  const supervise = (launcher: Launcher) => {
    void launcher.exit.then(async ({ code, signal }) => {
      if (stopping || options.restartOnExit === false) return;
      log(`the embedded database process exited (${signal ?? `code ${code}`}): restarting it`);
      for (let wait = 1000; !stopping; wait = Math.min(wait * 2, 30_000)) {
        try {
          current = await launch(binary, args, port);
          if (stopping) return void current.child.kill('SIGTERM');
          log(`embedded database restarted (pid ${current.child.pid}) on 127.0.0.1:${port}`);
          supervise(current);
          return;
        } catch (error) {
          log(`restarting the embedded database failed (${(error as Error).message.split('\n')[0]}); trying again in ${wait / 1000} s`);
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    });
  };
  supervise(current);

  return {
    uri: `mongodb://127.0.0.1:${port}`,
    backend,
    pid: () => current.child.pid,
    stop: () => {
      stopping = true;
      const { child } = current;
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

interface Launcher {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the launcher and resolves once it listens on `port`; rejects (and kills it) when it does not. */
async function launch(binary: string, args: string[], port: number): Promise<Launcher> {
  // stdin stays a pipe we never close: if this process dies, the launcher sees EOF and exits.
  const child: ChildProcess = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.stdout?.resume();
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited) throw new EmbeddedDatabaseError(`the embedded database exited at start:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new EmbeddedDatabaseError(`the embedded database did not listen on port ${port} within 30 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, exit };
}
