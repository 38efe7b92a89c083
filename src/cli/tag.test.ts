import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/baton.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

const dir = mkdtempSync(join(tmpdir(), 'baton-tag-'));
const model = join(dir, 'model.json');

/** A small history: an id column, quoted texts with commas, quotes and a line break, CRLF ends. */
function writeTrainingCsv(path: string) {
  const kinds: Record<string, string[]> = {
    refund: [
      'refund my money',
      'I want a refund, please',
      'money back for the "broken" item',
      'refund not received',
    ],
    delivery: [
      'where is my parcel',
      'the courier never came',
      'parcel delivery is late',
      'tracking shows nothing',
    ],
    login: [
      'cannot log in',
      'password reset does not work',
      'my account is locked',
      'login page error\nagain',
    ],
  };
  const rows = ['id,label,text'];
  let id = 0;
  for (let round = 0; round < 4; round++) {
    for (const [label, texts] of Object.entries(kinds)) {
      for (const text of texts) rows.push(`${id++},${label},"${`${text} ${round}`.replace(/"/g, '""')}"`);
    }
  }
  writeFileSync(path, `${rows.join('\r\n')}\r\n`);
}

describe('baton tag', () => {
  beforeAll(() => {
    writeTrainingCsv(join(dir, 'train.csv'));
    const result = run(['tag', 'train', '--in', join(dir, 'train.csv'), '--out', model]);
    expect(result.stderr).toMatch(/48 rows, 3 labels/);
    expect(result.status).toBe(0);
  });

  it('trains a model file and reports on standard error only', () => {
    const file = JSON.parse(readFileSync(model, 'utf8'));
    expect(file).toMatchObject({ format: 'baton-tagger', labels: ['delivery', 'login', 'refund'] });
  });

  it('trains from standard input too', () => {
    const csv = readFileSync(join(dir, 'train.csv'), 'utf8');
    const result = run(['tag', 'train', '--in', '-', '--out', join(dir, 'stdin.json')], csv);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'stdin.json'), 'utf8')).labels).toHaveLength(3);
  });

  it('predicts {id, label, confidence} per line, in input order', () => {
    const input = [
      { id: 'a', text: 'I would like a refund' },
      { id: 2, text: 'my parcel has not arrived' },
      { id: 'c', text: 'password does not work' },
    ];
    writeFileSync(join(dir, 'texts.jsonl'), input.map((x) => JSON.stringify(x)).join('\n'));
    const result = run(['tag', 'predict', '--model', model, '--in', join(dir, 'texts.jsonl')]);
    expect(result.status).toBe(0);
    const out = lines(result.stdout);
    expect(out.map((o) => [o.id, o.label])).toEqual([
      ['a', 'refund'],
      [2, 'delivery'],
      ['c', 'login'],
    ]);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['id', 'label', 'confidence']);
      expect(o.confidence).toBeGreaterThanOrEqual(0);
      expect(o.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads standard input, reports bad lines and goes on, and adds `top` on request', () => {
    const input = [
      '{"id":1,"text":"refund"}',
      'not json',
      '{"id": "x", "text": oops}',
      '{"id":3}',
      '',
      '{"id":4,"text":"courier"}',
    ];
    const result = run(['tag', 'predict', '--model', model, '--in', '-', '--top', '2'], input.join('\n'));
    expect(result.status).toBe(0);
    const out = lines(result.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ id: 1, label: 'refund' });
    expect(out[0].top).toHaveLength(2);
    expect(out[1]).toEqual({ id: null, error: 'invalid JSON' });
    expect(out[2]).toEqual({ id: 'x', error: 'invalid JSON' });
    expect(out[3]).toMatchObject({ id: 3, error: expect.stringContaining('text') });
    expect(out[4]).toMatchObject({ id: 4, label: 'delivery' });
  });

  it('exits 2 with a message on missing columns, files or options', () => {
    writeFileSync(join(dir, 'bad.csv'), 'message,category\nhello,greeting\n');
    const missing = run(['tag', 'train', '--in', join(dir, 'bad.csv'), '--out', join(dir, 'bad.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/text and label/);
    expect(missing.stdout).toBe('');
    const noInput = run(['tag', 'train', '--in', join(dir, 'nope.csv'), '--out', join(dir, 'x.json')]);
    expect(noInput.status).toBe(2);
    const noModel = run(['tag', 'predict', '--model', join(dir, 'nope.json'), '--in', '-'], '');
    expect(noModel.status).toBe(2);
    expect(noModel.stderr).toMatch(/cannot read model file/);
    writeFileSync(join(dir, 'junk.json'), '{"format":"something-else"}');
    expect(run(['tag', 'predict', '--model', join(dir, 'junk.json'), '--in', '-'], '').status).toBe(2);
    expect(run(['tag', 'predict', '--model', model]).status).toBe(2);
    writeFileSync(join(dir, 'one.csv'), 'text,label\na,x\nb,x\n');
    const oneLabel = run(['tag', 'train', '--in', join(dir, 'one.csv'), '--out', join(dir, 'one.json')]);
    expect(oneLabel.status).toBe(2);
    expect(oneLabel.stderr).toMatch(/two labels/);
  });
});
