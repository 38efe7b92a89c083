// SLA deadline throughput: in-process, through `baton sla deadlines`, and against dayjs-business-time,
// the most downloaded npm business-hours library that adds working time on a weekly schedule.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import dayjs from 'dayjs';
import businessTime from 'dayjs-business-time';
import { compileCalendar } from '../src/sla/calendar.ts';
import { deadline, parseTarget } from '../src/sla/deadline.ts';
import { formatInstant } from '../src/sla/instant.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nine = (h: [string, string][]) => ({ mon: h, tue: h, wed: h, thu: h, fri: h });

export const calendars = {
  berlin: {
    timezone: 'Europe/Berlin',
    hours: nine([['09:00', '17:00']]),
    holidays: [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-10-03',
      '2026-12-25',
      '2026-12-26',
    ],
  },
  newYork: {
    timezone: 'America/New_York',
    hours: nine([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    holidays: [
      '2026-01-01',
      '2026-01-19',
      '2026-05-25',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-12-25',
    ],
  },
  kolkata: { timezone: 'Asia/Kolkata', hours: { ...nine([['10:00', '18:30']]), sat: [['10:00', '14:00']] } },
  always: { timezone: 'UTC', hours: '24/7' },
  sydney: {
    timezone: 'Australia/Sydney',
    hours: nine([['08:30', '17:30']]),
    holidays: ['2026-01-26', '2026-04-03', '2026-12-25'],
  },
};
const TARGETS = ['PT30M', 'PT1H', 'PT4H', 'PT8H', 'PT2H30M', 'PT0M', 'P1D', 'P2D', 'P5D'];
const YEAR_START = Date.UTC(2026, 0, 1);

/** A small deterministic generator, so every run measures the same cases. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function cases(n: number, seed: number) {
  const next = random(seed);
  const names = Object.keys(calendars) as (keyof typeof calendars)[];
  return Array.from({ length: n }, () => ({
    calendar: names[Math.floor(next() * names.length)],
    start: YEAR_START + Math.floor(next() * 365 * 86_400) * 1000,
    target: TARGETS[Math.floor(next() * TARGETS.length)],
  }));
}

function inProcess(n: number) {
  const list = cases(n, 1);
  const cals = list.map((c) => compileCalendar(calendars[c.calendar]));
  const starts = Float64Array.from(list.map((c) => c.start));
  const targets = list.map((c) => parseTarget(c.target));
  const run = () => {
    const t = performance.now();
    let check = 0;
    for (let i = 0; i < n; i++) check += deadline(cals[i], starts[i], targets[i]) % 7;
    return { ms: performance.now() - t, check };
  };
  const cold = run(); // the first pass also resolves every local date it meets
  const warm = [run(), run(), run()].sort((a, b) => a.ms - b.ms)[1];
  return {
    cases: n,
    coldPerSecond: Math.round(n / (cold.ms / 1000)),
    warmPerSecond: Math.round(n / (warm.ms / 1000)),
  };
}

async function throughCli(n: number) {
  const dir = mkdtempSync(join(os.tmpdir(), 'baton-sla-bench-'));
  try {
    const input = join(dir, 'cases.jsonl');
    writeFileSync(join(dir, 'calendars.json'), JSON.stringify(calendars));
    const out = createWriteStream(input);
    // Half the lines name their calendar, half carry it inline, as the contract allows both.
    for (const [i, c] of cases(n, 2).entries()) {
      const calendar = i % 2 === 0 ? JSON.stringify(c.calendar) : JSON.stringify(calendars[c.calendar]);
      const start = formatInstant(c.start);
      if (!out.write(`{"id":"c${i}","calendar":${calendar},"start":"${start}","target":"${c.target}"}\n`)) {
        await new Promise<void>((r) => out.once('drain', () => r()));
      }
    }
    await new Promise<void>((r) => out.end(() => r()));
    const run = async (file: string) => {
      const t = performance.now();
      const { lines, errors } = await runBaton([
        'sla',
        'deadlines',
        '--in',
        file,
        '--calendars',
        join(dir, 'calendars.json'),
      ]);
      return { ms: performance.now() - t, lines, errors };
    };
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const startup = await run(join(dir, 'empty.jsonl'));
    const full = await run(input);
    if (full.lines !== n || full.errors > 0)
      throw new Error(`CLI answered ${full.lines} lines, ${full.errors} errors`);
    return {
      lines: n,
      seconds: +(full.ms / 1000).toFixed(2),
      linesPerSecond: Math.round(n / (full.ms / 1000)),
      startupSeconds: +(startup.ms / 1000).toFixed(2),
      linesPerSecondAfterStartup: Math.round(n / ((full.ms - startup.ms) / 1000)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runBaton(args: string[]): Promise<{ lines: number; errors: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/baton.js'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lines = 0;
    let errors = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      errors += chunk.split('"error"').length - 1;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise({ lines, errors }) : reject(new Error(`baton exited ${code}`)),
    );
  });
}

/**
 * The same PT deadlines on the Berlin calendar with dayjs-business-time. It works in the process's
 * local time zone with one global schedule, so TZ is set to Europe/Berlin for the run.
 */
function againstLibrary(n: number) {
  // Whole minutes: the library rounds seconds away, which would hide real disagreements.
  const list = cases(n, 3).map((c) => ({ ...c, start: c.start - (c.start % 60_000) }));
  const minutes = list.map((_, i) => [30, 60, 240, 480, 150][i % 5]);
  const berlin = compileCalendar(calendars.berlin);
  const previousTz = process.env.TZ;
  process.env.TZ = 'Europe/Berlin';
  try {
    dayjs.extend(businessTime);
    const day = [{ start: '09:00:00', end: '17:00:00' }];
    dayjs.setBusinessTime({
      sunday: null,
      monday: day,
      tuesday: day,
      wednesday: day,
      thursday: day,
      friday: day,
      saturday: null,
    });
    dayjs.setHolidays(calendars.berlin.holidays);
    let t = performance.now();
    const ours = list.map((c, i) => deadline(berlin, c.start, { kind: 'time', ms: minutes[i] * 60_000 }));
    const oursMs = performance.now() - t;
    t = performance.now();
    const theirs = list.map((c, i) => dayjs(c.start).addBusinessMinutes(minutes[i]).valueOf());
    const theirsMs = performance.now() - t;
    const agree = ours.filter((d, i) => d === theirs[i]).length;
    return {
      library: 'dayjs-business-time@1.0.4',
      cases: n,
      oursPerSecond: Math.round(n / (oursMs / 1000)),
      libraryPerSecond: Math.round(n / (theirsMs / 1000)),
      ratio: +(theirsMs / oursMs).toFixed(1),
      sameDeadline: +(agree / n).toFixed(4),
    };
  } finally {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  }
}

export async function runSlaBench(): Promise<Record<string, unknown>> {
  return {
    machine: {
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      loadAverage: os.loadavg(),
      node: process.version,
    },
    date: new Date().toISOString(),
    inProcess: inProcess(1_000_000),
    cli: await throughCli(500_000),
    library: againstLibrary(100_000),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await runSlaBench();
  const out = join(root, 'bench/results/sla.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${out}\n`);
}
