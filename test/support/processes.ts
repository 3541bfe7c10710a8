import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { readRun } from './test-env';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildIsCurrent } = require('../../scripts/build-stamp.js') as { buildIsCurrent: () => boolean };

const ROOT = join(__dirname, '..', '..');
// The build (`npm run build:api`, which `npm test` runs when the sources changed): started as they are, never recompiled.
const ENTRIES = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' } as const;
const READY = { api: /Ruta is running at (http:\/\/\S+)/, worker: /Ruta worker is running/ } as const;
const MAX_OUTPUT = 2_000_000;

export interface RutaProcess {
  kind: keyof typeof ENTRIES;
  child: ChildProcess;
  /** The API's address (http://localhost:port), for an API process. */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Sends a signal and waits for the process to exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Refuses to start a build older than the sources: a test would prove the code as it was, not as it is. */
function requireCurrentBuild(): void {
  if (!buildIsCurrent()) {
    throw new Error('dist/ is missing or older than the sources: run `npm run build:api` (npm test does it when the sources changed)');
  }
}

/**
 * Starts the API or the worker as a real child process, from the build in dist/ (as `npm run start:api` and
 * `start:worker` do), with this run's environment plus `env`. Resolves once it says it is running. Stop it
 * with kill() or stopAll() (afterAll).
 */
export async function startRutaProcess(kind: keyof typeof ENTRIES, env: Record<string, string>, timeoutMs = 90_000): Promise<RutaProcess> {
  requireCurrentBuild();
  const child = spawn(process.execPath, [join(ROOT, ENTRIES[kind])], {
    cwd: ROOT,
    env: { ...process.env, ...readRun().env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  const append = (chunk: Buffer) => { if (text.length < MAX_OUTPUT) text += chunk.toString(); };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => { running.delete(child); resolve(); }));
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = READY[kind].exec(text);
    if (ready) return { kind, child, url: ready[1] ?? '', output: () => text, kill };
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${kind} process exited before it was ready:\n${text.slice(-4000)}`);
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`${kind} process not ready within ${timeoutMs} ms:\n${text.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Kills every process started here that is still running (SIGKILL: nothing of theirs is left to finish). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  })));
  running.clear();
}
