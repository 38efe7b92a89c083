// `baton audit` throughput and peak memory on generated 1,000,000-event exports (ServiceNow's
// incident event log and the generic CSV), run as the CLI runs: a child process streaming the file.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { record } from './support.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = Number(process.env.BATON_BENCH_AUDIT_EVENTS ?? 1_000_000);
const GOAL = { eventsPerSecond: 200_000, peakMiB: 300 };
// The child reports its own high-water mark as it exits (maxRSS covers the whole run, unlike sampling).
const REPORT_RSS =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("maxrss-kib "+u.maxRSS+" cpu-us "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

/** A small deterministic generator, so every run measures the same export. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Row = { update: number; group: string; owner: string | null; sla: boolean; reopen: number; at: number };
type Case = { id: string; opened: number; resolved: number; rows: Row[] };

/**
 * Cases shaped like the ServiceNow sample: 1 to 16 updates (about 8.5 on average), 80 groups, a
 * handoff on a quarter of the updates (some back to an earlier group), unknown owners and groups
 * now and then, and about one case in twenty with two updates out of order.
 */
function* cases(events: number, seed: number): Generator<Case> {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  let made = 0;
  let clock = Date.UTC(2016, 1, 29);
  for (let n = 0; made < events; n++) {
    const count = Math.min(events - made, 1 + pick(16));
    clock += pick(10) * 60_000;
    const opened = clock;
    const held = [`Group ${pick(80)}`];
    let owner: string | null = next() < 0.3 ? null : `Resolver ${pick(200)}`;
    let at = opened + pick(30) * 60_000;
    const reopened = next() < 0.02;
    const rows: Row[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0 && next() < 0.25) {
        const back = held.length > 1 && next() < 0.2;
        held.push(back ? held[held.length - 2]! : `Group ${pick(80)}`);
        owner = next() < 0.4 ? null : `Resolver ${pick(200)}`;
      } else if (owner === null && next() < 0.5) owner = `Resolver ${pick(200)}`;
      const group = next() < 0.01 ? '?' : held[held.length - 1]!;
      rows.push({
        update: i,
        group,
        owner,
        sla: next() > 0.05,
        reopen: reopened && i > count / 2 ? 1 : 0,
        at,
      });
      at += pick(600) * 60_000;
    }
    if (count > 2 && next() < 0.05) {
      const i = 1 + pick(count - 2);
      [rows[i], rows[i + 1]] = [rows[i + 1]!, rows[i]!];
    }
    made += count;
    yield { id: `INC${String(n).padStart(7, '0')}`, opened, resolved: at, rows };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
function serviceNowTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const SERVICENOW_HEADER =
  'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at';

/** All 36 columns of the sample, so the CSV reader cuts as much text as it would in a real export. */
function serviceNowLines(c: Case): string {
  const opened = serviceNowTime(c.opened);
  const resolved = serviceNowTime(c.resolved);
  let text = '';
  for (const r of c.rows) {
    const state = r.update === c.rows.length - 1 ? 'Resolved' : r.update === 0 ? 'New' : 'Active';
    text += `${c.id},${state},TRUE,${r.update > 0 ? 1 : 0},${r.reopen},${r.update},${r.sla ? 'TRUE' : 'FALSE'},Caller 2403,Opened by  8,${opened},Created by 6,${opened},Updated by 21,${serviceNowTime(r.at)},Phone,Location 143,Category 55,Subcategory 170,Symptom 72,?,2 - Medium,2 - Medium,3 - Moderate,${r.group},${r.owner ?? '?'},TRUE,FALSE,Do Not Notify,?,?,?,?,code 5,Resolved by 149,${resolved},${resolved}\n`;
  }
  return text;
}

const GENERIC_HEADER = 'case,seq,at,team,owner,sla_met,reopened,status,satisfaction';
function genericLines(c: Case): string {
  let text = '';
  for (const r of c.rows) {
    const last = r.update === c.rows.length - 1;
    const satisfaction = last ? (r.sla ? 'good' : 'bad') : '';
    text += `${c.id},${r.update},${new Date(r.at).toISOString()},${r.group === '?' ? '' : r.group},${r.owner ?? ''},${r.sla},${r.reopen},${last ? 'solved' : 'open'},${satisfaction}\n`;
  }
  return text;
}

/** Writes a generated export of `events` rows (also used to profile: see docs/audit.md). */
export async function writeExport(path: string, format: 'servicenow' | 'generic', events = EVENTS) {
  const [header, lines] =
    format === 'servicenow' ? [SERVICENOW_HEADER, serviceNowLines] : [GENERIC_HEADER, genericLines];
  const out = createWriteStream(path);
  let batch = `${header}\n`;
  for (const c of cases(events, 7)) {
    batch += lines(c);
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((r) => out.once('drain', () => r()));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise<void>((r) => out.end(() => r()));
}

type Run = { seconds: number; cpuSeconds: number; maxRssKiB: number; progressLines: number; stderr: string };

/** Runs `baton audit` in a child process, progress forced on as if stderr were a terminal. */
function audit(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', REPORT_RSS, join(root, 'bin/baton.js'), 'audit', ...args],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, BATON_PROGRESS: '1' },
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return fail(new Error(`baton audit exited ${code}: ${stderr}`));
      const usage = /maxrss-kib (\d+) cpu-us (\d+)/.exec(stderr);
      const maxRssKiB = Number(usage?.[1] ?? Number.NaN);
      const cpuSeconds = Number(usage?.[2] ?? Number.NaN) / 1e6;
      const progressLines = stderr.split('\n').filter((l) => /^audit: \d+ lines \(\d+\/s\)$/.test(l)).length;
      done({ seconds, cpuSeconds, maxRssKiB, progressLines, stderr });
    });
  });
}

const rate = (events: number, seconds: number) => Math.round(events / seconds);
const best = (runs: Run[], key: 'seconds' | 'cpuSeconds') => Math.min(...runs.map((r) => r[key]));

async function measure(dir: string, format: 'servicenow' | 'generic', startup: Run[]) {
  const input = join(dir, `${format}.csv`);
  const made = performance.now();
  await writeExport(input, format);
  const generateSeconds = (performance.now() - made) / 1000;
  const json = join(dir, `${format}.json`);
  const runs: Run[] = [];
  for (let i = 0; i < 3; i++)
    runs.push(
      await audit(['--in', input, '--format', format, '--json', json, '--html', join(dir, `${format}.html`)]),
    );
  const summary = JSON.parse(readFileSync(json, 'utf8')).summary;
  if (summary.events !== EVENTS) throw new Error(`audit counted ${summary.events} events, not ${EVENTS}`);
  const peakMiB = Math.max(...runs.map((r) => r.maxRssKiB)) / 1024;
  // The machine is shared: the fastest of three runs is the one least disturbed by other work.
  const eventsPerSecond = rate(EVENTS, best(runs, 'seconds'));
  const result = {
    format,
    events: EVENTS,
    cases: summary.cases,
    handoffs: summary.handoffs,
    fileMiB: Math.round(statSync(input).size / 2 ** 20),
    generateSeconds: Number(generateSeconds.toFixed(1)),
    runsSeconds: runs.map((r) => Number(r.seconds.toFixed(2))),
    runsCpuSeconds: runs.map((r) => Number(r.cpuSeconds.toFixed(2))),
    eventsPerSecond,
    eventsPerSecondAfterStartup: rate(EVENTS, best(runs, 'seconds') - best(startup, 'seconds')),
    eventsPerCpuSecond: rate(EVENTS, best(runs, 'cpuSeconds')),
    eventsPerCpuSecondAfterStartup: rate(EVENTS, best(runs, 'cpuSeconds') - best(startup, 'cpuSeconds')),
    peakRssMiB: Math.round(peakMiB),
    progressLines: Math.min(...runs.map((r) => r.progressLines)),
    met: eventsPerSecond >= GOAL.eventsPerSecond && peakMiB < GOAL.peakMiB,
    // On a machine shared with other work the wall clock mostly measures the others: CPU time does not.
    metOnCpuTime: rate(EVENTS, best(runs, 'cpuSeconds')) >= GOAL.eventsPerSecond && peakMiB < GOAL.peakMiB,
  };
  rmSync(input);
  process.stderr.write(`audit ${format}: ${eventsPerSecond} events/s, peak ${result.peakRssMiB} MiB\n`);
  return result;
}

export async function runAuditBench() {
  const dir = mkdtempSync(join(os.tmpdir(), 'baton-audit-bench-'));
  const loadBefore = os.loadavg().map((l) => Number(l.toFixed(2)));
  try {
    // Start-up (loading the TypeScript sources) on a one-row file, to report the streaming rate apart.
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(tiny, `${GENERIC_HEADER}\nT-1,1,2026-03-02T09:00:00Z,support,ann,true,0,open,\n`);
    const startup: Run[] = [];
    for (let i = 0; i < 3; i++) startup.push(await audit(['--in', tiny, '--json', join(dir, 'tiny.json')]));
    const servicenow = await measure(dir, 'servicenow', startup);
    const generic = await measure(dir, 'generic', startup);
    return record('audit', {
      goal: GOAL,
      command:
        'baton audit --in FILE --format F --json OUT.json --html OUT.html (child process, fastest of 3)',
      startupSeconds: Number(best(startup, 'seconds').toFixed(2)),
      startupCpuSeconds: Number(best(startup, 'cpuSeconds').toFixed(2)),
      startupRssMiB: Math.round(Math.max(...startup.map((r) => r.maxRssKiB)) / 1024),
      loadBefore,
      loadAfter: os.loadavg().map((l) => Number(l.toFixed(2))),
      servicenow,
      generic,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.stdout.write(`${JSON.stringify(await runAuditBench(), null, 2)}\n`);
}
