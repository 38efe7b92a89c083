import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

export function machine() {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    at: new Date().toISOString(),
  };
}

/** Writes one benchmark's results as bench/results/<name>.json, with the machine it ran on. */
export function record(name: string, results: Record<string, unknown>) {
  mkdirSync(resultsDir, { recursive: true });
  const out = { benchmark: name, machine: machine(), ...results };
  writeFileSync(`${resultsDir}${name}.json`, `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
