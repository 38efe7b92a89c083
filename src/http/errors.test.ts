import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, errorCatalogue } from './errors.ts';
import { renderErrorsDoc } from './errors-doc.ts';

describe('error catalogue', () => {
  it('is documented in docs/errors.md, exactly', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderErrorsDoc());
  });
  it('uses only the statuses of a precise API', () => {
    for (const e of Object.values(errorCatalogue))
      expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]).toContain(e.status);
  });
  it('renders code, message and details', () => {
    const e = new ApiError('packet_incomplete', 'missing', { missing: ['urgency'] });
    expect(e.status).toBe(422);
    expect(e.body()).toEqual({
      error: { code: 'packet_incomplete', message: 'missing', missing: ['urgency'] },
    });
  });
});
