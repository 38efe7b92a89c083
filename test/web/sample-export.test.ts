import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/audit.ts';
import { SAMPLE_EXPORT_NAME, sampleExport } from '../../web/src/audit/sample-export.ts';

async function* chunks(text: string) {
  for (let i = 0; i < text.length; i += 4096) yield text.slice(i, i + 4096);
}

describe('the sample helpdesk export', () => {
  it('is the same on every run, and a valid generic export the audit reads whole', async () => {
    const text = sampleExport();
    expect(sampleExport()).toBe(text);
    const report = await runAudit(chunks(text), { kind: 'csv', file: SAMPLE_EXPORT_NAME });
    expect(report.input.format).toBe('generic');
    expect(report.input.skippedRows).toBe(0);
    expect(report.summary.cases).toBe(300);
  });

  it('shows every kind of trouble the audit looks for, in believable shares', async () => {
    const s = (await runAudit(chunks(sampleExport()), { kind: 'csv', file: SAMPLE_EXPORT_NAME })).summary;
    expect(s.handoffRate).toBeGreaterThan(0.3);
    expect(s.handoffRate).toBeLessThan(0.6);
    for (const n of [s.pingPongCases, s.ownerlessHandoffs, s.slaMissedCases, s.reopenedCases])
      expect(n).toBeGreaterThan(0);
    expect(s.pingPongRate).toBeLessThan(0.4);
    expect(s.reopenRate).toBeLessThan(0.2);
  });

  it('differs with another seed or size', () => {
    expect(sampleExport(undefined, 300, 8)).not.toBe(sampleExport());
    expect(sampleExport(undefined, 10).trim().split('\n').length).toBeLessThan(50);
  });
});
