import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/baton.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('baton sentiment', () => {
  it('scores each line in input order, from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-sentiment-'));
    const file = join(dir, 'messages.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a', text: 'Third time I ask: where is my refund? This is unacceptable.' },
        { id: 'b', text: 'What time does the store open on Sunday?' },
        { id: 'c', text: 'Thank you so much, that fixed it!' },
      ]
        .map((m) => JSON.stringify(m))
        .join('\n'),
    );
    const result = run(['sentiment', '--in', file]);
    expect(result.status).toBe(0);
    const out = lines(result.stdout);
    expect(out.map((o) => [o.id, o.label])).toEqual([
      ['a', 'negative'],
      ['b', 'neutral'],
      ['c', 'positive'],
    ]);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['id', 'score', 'label']);
      expect(o.score).toBeGreaterThanOrEqual(-1);
      expect(o.score).toBeLessThanOrEqual(1);
    }
  });

  it('reads standard input and reports bad lines without stopping', () => {
    const input = ['{"id":1,"text":"ok"}', 'not json', '{"id":"x"}', '', '{"id":2,"text":"awful"}'].join(
      '\n',
    );
    const result = run(['sentiment', '--in', '-'], input);
    expect(result.status).toBe(0);
    const out = lines(result.stdout);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 1 });
    expect(out[1]).toEqual({ id: null, error: 'invalid JSON' });
    expect(out[2]).toMatchObject({ id: 'x', error: expect.stringContaining('text') });
    expect(out[3]).toMatchObject({ id: 2, label: 'negative' });
  });

  it('exits 2 on a usage error or an unreadable file', () => {
    expect(run(['sentiment']).status).toBe(2);
    const missing = run(['sentiment', '--in', '/nonexistent/messages.jsonl']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('cannot read');
  });
});
