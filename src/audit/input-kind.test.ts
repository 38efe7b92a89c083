import { describe, expect, it } from 'vitest';
import { inputKindOf, runAudit } from './audit.ts';
import { AuditInputError } from './values.ts';

describe('the kind of an export by its file name', () => {
  it('reads CSV and JSON (Lines) extensions, in any case, and leaves the rest to the content', () => {
    expect(inputKindOf('incidents.CSV')).toBe('csv');
    expect(inputKindOf('/exports/2026.11/audits.jsonl')).toBe('json');
    expect(inputKindOf('events.ndjson')).toBe('json');
    expect(inputKindOf('tickets.json')).toBe('json');
    expect(inputKindOf('export.txt')).toBeUndefined();
    expect(inputKindOf('csv')).toBeUndefined();
    expect(inputKindOf('folder.csv/export')).toBeUndefined();
    expect(inputKindOf('-')).toBeUndefined();
  });
});

describe('a file that is not text', () => {
  const chunks = async function* (...parts: string[]) {
    yield* parts;
  };
  const png = new TextDecoder().decode(
    new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8,
    ]),
  );

  it('is refused as binary data, whatever its name says, not read for columns', async () => {
    await expect(runAudit(chunks(png), { kind: 'csv' })).rejects.toThrow(
      /not a CSV or JSON file: it reads as binary data/,
    );
    await expect(runAudit(chunks(png))).rejects.toBeInstanceOf(AuditInputError);
  });

  it('lets text with a stray unreadable byte through to the columns', async () => {
    await expect(
      runAudit(chunks('case,team,owner,seq,at\n1,billing,\uFFFDamara,1,2026-11-02T10:00:00Z\n')),
    ).resolves.toMatchObject({});
  });
});
