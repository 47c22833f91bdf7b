/** A child bot process for the crash tests: started with tsx, killed with SIGKILL. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Starts `script` with `args`; resolves once it prints `recorded` (it has reached the point to be killed at). */
export function startRecordingChild(script: string, args: string[]): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: process.env });
  let output = '';
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('recorded')) resolve(proc);
    });
    proc.stderr!.on('data', (d) => (output += d));
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before recording:\n${output}`)));
  });
}

/** Kills it as a crash would (SIGKILL) and waits until it is gone. */
export function killed(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}
