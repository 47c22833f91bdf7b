/**
 * Real bot processes for the runtime tests: `npm start`, `node dist/main.js` or `tsx main.ts`
 * as a child, its output collected, waits on what it prints (never on a time budget).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');

export interface BotProcess {
  proc: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the output once it matches; rejects (with the output) on exit or after timeoutMs. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The exit code once it and its children have exited (npm start: npm's, null when signalled). */
  exited: Promise<number | null>;
  /** SIGKILL unless it already exited; waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Sends a signal (to the process group for npm start). */
  signal(signal: NodeJS.Signals): void;
}

/** `npm start`, `node dist/main.js`, `tsx main.ts`, or `node <dir>/dist/main.js` run in <dir> (an image's layout). */
export type Entry = 'npm-start' | 'dist' | 'tsx' | { appDir: string };

/** A bot process's environment under test: the fake Bot API, one staff chat, its database; no policy file, no HTTP server, long polling. */
export function botEnv(base: { token: string; apiRoot: string; staffChatId: number; mongodbUri: string }, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    BOT_TOKEN: base.token,
    TELEGRAM_API_ROOT: base.apiRoot,
    STAFF_CHAT_ID: String(base.staffChatId),
    MONGODB_URI: base.mongodbUri,
    LOG_LEVEL: 'info',
    OFFICE_CONFIG: '',
    PORT: '',
    WEBHOOK_URL: '',
    ...extra,
  };
}

export function startBot(entry: Entry, env: NodeJS.ProcessEnv): BotProcess {
  const [command, args, cwd] =
    entry === 'npm-start'
      ? ['npm', ['start', '--silent'], root]
      : entry === 'dist'
        ? [process.execPath, [path.join(root, 'dist', 'main.js')], root]
        : entry === 'tsx'
          ? [process.execPath, ['--import', 'tsx', path.join(root, 'main.ts')], root]
          : [process.execPath, ['dist/main.js'], entry.appDir];
  // detached: its own process group, so a kill reaches npm's children too.
  const proc = spawn(command as string, args as string[], { cwd: cwd as string, env: { ...process.env, ...env }, detached: entry === 'npm-start' });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const l of [...listeners]) l();
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  let exitCode: number | null | undefined;
  // 'close', not 'exit': the output pipes close only when every process holding them (npm's
  // child, the bot itself) has exited.
  const exited = new Promise<number | null>((resolve) =>
    proc.once('close', (code) => {
      exitCode = code;
      for (const l of [...listeners]) l();
      resolve(code);
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(output);
        if (m) {
          done();
          resolve(m[0]);
        } else if (exitCode !== undefined) {
          done();
          reject(new Error(`the bot exited (${exitCode}) before printing ${pattern}:\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  // npm does not pass signals on to the script (it dies, the bot runs on): like Ctrl-C in a
  // terminal or a service manager, signal the whole process group.
  const signal = (sig: NodeJS.Signals) => {
    if (exitCode !== undefined) return;
    if (entry === 'npm-start') process.kill(-proc.pid!, sig);
    else proc.kill(sig);
  };
  const kill = async (sig: NodeJS.Signals = 'SIGKILL') => {
    signal(sig);
    return exited;
  };
  return { proc, output: () => output, waitFor, exited, kill, signal };
}

