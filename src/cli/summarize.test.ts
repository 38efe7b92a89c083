import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/baton.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });

const dialog = {
  id: 'd1',
  turns: [
    {
      role: 'customer',
      text: '@ShopHelp I was charged twice for order 55821 and I need the money back ASAP.',
    },
    {
      role: 'agent',
      text: "@cust Sorry about that! I've refunded the second charge. Please send us the receipt. ^AB",
    },
    { role: 'customer', text: 'I already sent the receipt yesterday!! Still waiting.' },
  ],
};

describe('baton summarize', () => {
  it('prints one summary and packet per dialog, in input order', () => {
    const input = [
      dialog,
      { id: 'd2', turns: [{ role: 'customer', text: 'Can I change my delivery address?' }] },
    ]
      .map((d) => JSON.stringify(d))
      .join('\n');
    const result = run(['summarize', '--in', '-'], input);
    expect(result.status).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['d1', 'd2']);
    const [first] = out;
    expect(Object.keys(first)).toEqual(['id', 'summary', 'packet']);
    expect(first.summary).toMatch(/charged twice/);
    expect(first.summary).not.toMatch(/@|\^AB/);
    expect(first.packet).toMatchObject({
      emotion: expect.stringMatching(/^(calm|concerned|frustrated|angry)$/),
      urgency: 'high',
      documents: { onFile: ['receipt'] },
      summary: first.summary,
    });
    expect(first.packet.whatHappened).toMatch(/charged twice/);
    expect(first.packet.attempted.join(' ')).toMatch(/refunded/);
    expect(first.packet.nextSteps.length).toBeGreaterThan(0);
  });

  it('reports bad lines and goes on', () => {
    const input = ['{oops', JSON.stringify({ id: 'd3', turns: 'none' }), JSON.stringify(dialog)].join('\n');
    const result = run(['summarize', '--in', '-'], input);
    expect(result.status).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ id: null, error: 'invalid JSON' });
    expect(out[1]).toMatchObject({ id: 'd3', error: expect.stringContaining('turns') });
    expect(out[2]).toMatchObject({ id: 'd1' });
  });

  it('exits 2 without --in or with an unreadable file', () => {
    expect(run(['summarize']).status).toBe(2);
    expect(run(['summarize', '--in', '/nonexistent/dialogs.jsonl']).status).toBe(2);
  });
});
