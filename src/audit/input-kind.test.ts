import { describe, expect, it } from 'vitest';
import { inputKindOf } from './audit.ts';

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
