import { describe, expect, it } from 'vitest';
import { uniqueViolation } from './unique.ts';

describe('reading a unique violation', () => {
  it('names the constraint from the field or the message, through wrapping errors', () => {
    expect(uniqueViolation({ code: '23505', constraint: 'cases_org_external' })).toBe('cases_org_external');
    const driver = {
      code: '23505',
      message: 'duplicate key value violates unique constraint "people_org_email"',
    };
    expect(uniqueViolation(new Error('Failed query', { cause: driver }))).toBe('people_org_email');
    expect(uniqueViolation({ code: '23503', message: 'foreign key' })).toBeNull();
    expect(uniqueViolation(new Error('plain'))).toBeNull();
  });
});
