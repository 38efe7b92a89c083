import { describe, expect, it } from 'vitest';
import { parseCustomerCsv } from './import.ts';

const today = '2026-11-23';

describe('customer CSV import', () => {
  it('reads profiles, leaving blank cells out', () => {
    const r = parseCustomerCsv(
      'external_id,name,customer_since,annual_value,tier\r\n' +
        'c-1,"Lopez, Maria",2021-03-01,"12,500",Gold\r\n' +
        'c-2,,,,\r\n',
      today,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        externalId: 'c-1',
        name: 'Lopez, Maria',
        customerSince: '2021-03-01',
        annualValue: 12500,
        tier: 'gold',
        email: undefined,
        timezone: undefined,
        language: undefined,
      },
      {
        line: 3,
        externalId: 'c-2',
        name: undefined,
        customerSince: undefined,
        annualValue: undefined,
        tier: undefined,
        email: undefined,
        timezone: undefined,
        language: undefined,
      },
    ]);
  });

  it('names every bad cell by line and column, and returns no rows', () => {
    const r = parseCustomerCsv(
      'external_id,customer_since,annual_value,timezone,email\n' +
        'c-1,2021-02-30,12000,Europe/London,a@b.co\n' +
        ',2020-01-01,1,,\n' +
        'c-3,2027-01-01,-5,Mars/Base,not-mail\n' +
        'c-1,,,,\n',
      today,
    );
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([
      { line: 2, column: 'customer_since', message: '"2021-02-30" is not a date YYYY-MM-DD' },
      { line: 3, column: 'external_id', message: 'required' },
      { line: 4, column: 'customer_since', message: '2027-01-01 is in the future' },
      { line: 4, column: 'annual_value', message: '"-5" is not an amount of 0 or more' },
      { line: 4, column: 'email', message: '"not-mail" is not an e-mail address' },
      { line: 4, column: 'timezone', message: '"Mars/Base" is not an IANA time zone such as Europe/Berlin' },
      { line: 5, column: 'external_id', message: 'appears again (first on line 2)' },
    ]);
  });

  it('refuses a file without the key column, with unknown columns, or with no rows', () => {
    expect(parseCustomerCsv('name,value\nMaria,1\n', today).issues).toEqual([
      { line: 1, column: 'value', message: expect.stringMatching(/^unknown column; use external_id/) },
      { line: 1, column: 'external_id', message: 'the required column external_id is missing' },
    ]);
    expect(parseCustomerCsv('external_id\n', today).issues).toEqual([
      { line: 2, message: 'no customer rows after the header' },
    ]);
    expect(parseCustomerCsv('', today).issues[0]!.message).toMatch(/empty/);
    expect(parseCustomerCsv('external_id\n"c-1\n', today).issues[0]!.line).toBeGreaterThan(0);
  });
});
