import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function baton(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/baton.js', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const weekdays = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};
const berlin = { timezone: 'Europe/Berlin', hours: weekdays, holidays: ['2026-12-25'] };
const lines = (rows: unknown[]) =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
const parse = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('baton sla deadlines', () => {
  it('answers every case in input order, errors included', async () => {
    const input = lines([
      { id: 'c1', calendar: berlin, start: '2026-03-27T15:00:00Z', target: 'PT4H' },
      '',
      { id: 'c2', calendar: berlin, start: '2026-03-27T16:00:00+01:00', target: 'P1D' },
      '{"id":"c3", not json',
      {
        id: 'c4',
        calendar: { timezone: 'Nowhere/City', hours: '24/7' },
        start: '2026-03-27T15:00:00Z',
        target: 'PT1H',
      },
      { id: 'c5', calendar: berlin, start: 'yesterday', target: 'PT1H' },
      { id: 'c6', calendar: berlin, start: '2026-03-27T15:00:00Z', target: 'PT4X' },
      { id: 7, calendar: 'berlin', start: '2026-03-27T15:00:00Z', target: 'PT1H' },
      {
        id: 'c\u00e9\n8',
        calendar: { timezone: 'UTC', hours: '24/7' },
        start: '2026-03-27T15:00:00.250Z',
        target: 'PT0M',
      },
    ]);
    const { code, stdout, stderr } = await baton(['sla', 'deadlines', '--in', '-'], `${input}\n`);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = parse(stdout);
    expect(out.map((o) => o.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 7, 'c\u00e9\n8']);
    expect(out[0]).toEqual({ id: 'c1', deadline: '2026-03-30T10:00:00Z' });
    expect(out[1]).toEqual({ id: 'c2', deadline: '2026-03-30T14:00:00Z' });
    expect(out[2].error).toMatch(/JSON/);
    expect(out[3].error).toMatch(/timezone/);
    expect(out[4].error).toMatch(/start/);
    expect(out[5].error).toMatch(/target/);
    expect(out[6].error).toMatch(/unknown calendar "berlin"/);
    expect(out[7]).toEqual({ id: 'c\u00e9\n8', deadline: '2026-03-27T15:00:00.250Z' });
  });

  it('reads named calendars from --calendars and a file from --in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-sla-'));
    writeFileSync(
      join(dir, 'calendars.json'),
      JSON.stringify({ berlin, broken: { timezone: 'UTC', hours: { mon: [['10:00', '09:00']] } } }),
    );
    const rows = [
      { id: 'a', calendar: 'berlin', start: '2026-12-24T15:30:00Z', target: 'PT1H' },
      { id: 'b', calendar: 'broken', start: '2026-12-24T15:30:00Z', target: 'PT1H' },
      { id: 'c', calendar: 'elsewhere', start: '2026-12-24T15:30:00Z', target: 'PT1H' },
    ];
    writeFileSync(join(dir, 'cases.jsonl'), `${lines(rows)}\r\n`);
    const { code, stdout } = await baton([
      'sla',
      'deadlines',
      '--in',
      join(dir, 'cases.jsonl'),
      '--calendars',
      join(dir, 'calendars.json'),
    ]);
    expect(code).toBe(0);
    const out = parse(stdout);
    expect(out[0]).toEqual({ id: 'a', deadline: '2026-12-28T08:30:00Z' });
    expect(out[1].error).toMatch(/calendar "broken": invalid calendar/);
    expect(out[2].error).toMatch(/unknown calendar "elsewhere"/);
  });

  it('exits non-zero on a usage error or unreadable input', async () => {
    expect((await baton(['sla', 'deadlines'])).code).toBe(2);
    const missing = await baton(['sla', 'deadlines', '--in', '/nonexistent/cases.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read input file/);
    expect(missing.stdout).toBe('');
    const badCalendars = await baton(
      ['sla', 'deadlines', '--in', '-', '--calendars', '/nonexistent.json'],
      '',
    );
    expect(badCalendars.code).toBe(2);
  });
});
