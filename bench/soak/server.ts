import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The checkout this file lives in: `baton serve` is started from its `bin/`. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A free TCP port on the loopback interface (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export type BatonOptions = {
  /** Baton's own variables (DATABASE_URL or BATON_DATA_DIR, BATON_ADMIN_TOKEN, ...). */
  env: Record<string, string>;
  /** Extra arguments after `serve`, e.g. `--demo`. */
  args?: string[];
  /** Keep one port across restarts; a free one is picked when left out. */
  port?: number;
  startTimeoutMs?: number;
};

export type Baton = {
  port: number;
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident memory of the server process in KiB, read from /proc/<pid>/status. */
  rssKiB(): number | undefined;
  /** Sends a signal and waits for the process to be gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (a clean shutdown), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** The last lines the process wrote, for error messages. */
  output(): string;
  /** How the process ended (`code 1`, `signal SIGKILL`), or undefined while it runs. */
  exit(): string | undefined;
};

/** Reads VmRSS of a process in KiB; undefined once it is gone. */
export function rssOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `node bin/baton.js serve` on 127.0.0.1 (never another interface) and resolves once
 * `/healthz` answers 200. Output is kept in a small ring buffer so that pipes never block.
 */
export async function startBaton(o: BatonOptions): Promise<Baton> {
  const port = o.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'BATON_DATA_DIR', 'BATON_ADMIN_TOKEN', 'PORT', 'HOST'])
    delete env[name];
  Object.assign(env, { BATON_LOG_LEVEL: 'warn', ...o.env, PORT: String(port), HOST: '127.0.0.1' });
  const child = spawn(process.execPath, ['bin/baton.js', 'serve', ...(o.args ?? [])], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exitCode: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const baton: Baton = {
    port,
    url,
    pid: child.pid!,
    child,
    rssKiB: () => (exitCode === undefined ? rssOf(child.pid!) : undefined),
    async kill(signal) {
      if (exitCode === undefined) child.kill(signal);
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    output: () => tail,
    exit: () => exitCode,
  };
  const deadline = Date.now() + (o.startTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`baton serve exited (${exitCode}) while starting:\n${tail}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return baton;
    } catch {}
    await sleep(100);
  }
  await baton.kill('SIGKILL');
  throw new Error(`baton serve did not answer /healthz within ${o.startTimeoutMs ?? 120_000} ms:\n${tail}`);
}
