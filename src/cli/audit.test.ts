import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const sample = resolve(root, '../shared/data/servicenow/incident-events.csv');
const dir = mkdtempSync(join(tmpdir(), 'baton-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function baton(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/baton.js', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CONTRACT = [
  'cases',
  'events',
  'handoffs',
  'casesWithHandoff',
  'pingPongCases',
  'ownerlessHandoffs',
  'slaMissedCases',
  'reopenedCases',
] as const;

describe('baton audit', () => {
  it('writes the JSON and HTML reports of a ServiceNow log', async () => {
    const input = join(dir, 'log.csv');
    writeFileSync(
      input,
      [
        'number,incident_state,sys_mod_count,assignment_group,assigned_to,made_sla,reopen_count',
        'INC1,New,0,Service Desk,?,TRUE,0',
        'INC1,Active,2,"Billing, Finance",?,TRUE,0',
        'INC1,Active,1,?,Ann,TRUE,0',
        'INC1,Active,3,Service Desk,Bob,FALSE,1',
        'INC2,New,0,Service Desk,Ann,TRUE,0',
      ].join('\r\n'),
    );
    const out = join(dir, 'out.json');
    const html = join(dir, 'out.html');
    const run = await baton('audit', '--in', input, '--format', 'servicenow', '--json', out, '--html', html);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/5 events, 2 cases/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(CONTRACT.map((k) => report.summary[k])).toEqual([2, 5, 2, 1, 1, 1, 1, 1]);
    expect(readFileSync(html, 'utf8')).toContain('Billing, Finance → Service Desk');
  });

  it('exits 2 on a bad format, a missing file or a broken CSV', async () => {
    const bad = await baton('audit', '--in', sample, '--format', 'freshdesk', '--json', join(dir, 'x.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown --format freshdesk/);
    const missing = await baton('audit', '--in', join(dir, 'nope.csv'), '--json', join(dir, 'x.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read input file/);
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'number,sys_mod_count\nINC1,"0\n');
    const parse = await baton(
      'audit',
      '--in',
      broken,
      '--format',
      'servicenow',
      '--json',
      join(dir, 'x.json'),
    );
    expect(parse.code).toBe(2);
    expect(parse.stderr).toMatch(/unterminated quoted field|missing column/);
  });

  it.skipIf(!existsSync(sample))('matches an independent count on the shared ServiceNow sample', async () => {
    const out = join(dir, 'sample.json');
    const run = await baton('audit', '--in', sample, '--format', 'servicenow', '--json', out);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(out, 'utf8')).summary;
    expect(CONTRACT.map((k) => summary[k])).toEqual(
      CONTRACT.map((k) => independent(readFileSync(sample, 'utf8'))[k]),
    );
  });
});

/** Records of a whole CSV text, by a sticky regular expression (not the streaming reader). */
function records(text: string): string[][] {
  const token = /("(?:[^"]|"")*"|[^,\r\n"]*)(,|\r?\n|$)/y;
  const out: string[][] = [];
  let record: string[] = [];
  while (token.lastIndex < text.length) {
    const m = token.exec(text);
    if (m === null) throw new Error(`cannot tokenise at ${token.lastIndex}`);
    record.push(m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]);
    if (m[2] !== ',') {
      if (record.length > 1 || record[0] !== '') out.push(record);
      record = [];
    }
  }
  return out;
}

/**
 * The contract figures by another route: each case's known groups reduced to its run of distinct
 * consecutive groups (a repeat in the run is a ping-pong), legs cut as index ranges.
 */
function independent(text: string): Record<(typeof CONTRACT)[number], number> {
  const [header, ...rows] = records(text);
  const names = ['number', 'sys_mod_count', 'assignment_group', 'assigned_to', 'made_sla', 'reopen_count'];
  const [num, mod, grp, own, sla, reo] = names.map((name) => header.indexOf(name));
  const byCase = new Map<string, { r: string[]; i: number }[]>();
  for (const [i, r] of rows.entries()) {
    const list = byCase.get(r[num]) ?? [];
    list.push({ r, i });
    byCase.set(r[num], list);
  }
  const f = { cases: byCase.size, events: rows.length, handoffs: 0, casesWithHandoff: 0 };
  const g = { pingPongCases: 0, ownerlessHandoffs: 0, slaMissedCases: 0, reopenedCases: 0 };
  for (const entries of byCase.values()) {
    const sorted = entries.sort((a, b) => Number(a.r[mod]) - Number(b.r[mod]) || a.i - b.i).map(({ r }) => r);
    const known = sorted.map((r, at) => ({ group: r[grp], at })).filter(({ group }) => group !== '?');
    const starts = known.filter((k, j) => j > 0 && k.group !== known[j - 1].group);
    const run = known.filter((k, j) => j === 0 || k.group !== known[j - 1].group).map((k) => k.group);
    f.handoffs += starts.length;
    if (starts.length > 0) f.casesWithHandoff++;
    if (new Set(run).size < run.length) g.pingPongCases++;
    starts.forEach((s, j) => {
      const leg = sorted.slice(s.at, j + 1 < starts.length ? starts[j + 1].at : sorted.length);
      if (leg.every((r) => r[own] === '?')) g.ownerlessHandoffs++;
    });
    if (sorted[sorted.length - 1][sla].toLowerCase() === 'false') g.slaMissedCases++;
    if (sorted.some((r) => Number(r[reo]) > 0)) g.reopenedCases++;
  }
  return { ...f, ...g };
}
