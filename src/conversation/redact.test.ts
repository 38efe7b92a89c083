import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from './pii.ts';
import { createRedactor, findPii, redactText, restoreText } from './redact.ts';

/** The values redacted from `text`, as `KIND:value`. */
const found = (text: string) => findPii(text).map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);

const positives: [string, string, string][] = [
  // [text, kind, the value that must go]
  ['Write to maria.lopez@example.com please', 'EMAIL', 'maria.lopez@example.com'],
  ['my email is J.O+tag@mail.co.uk.', 'EMAIL', 'J.O+tag@mail.co.uk'],
  ['reach me at maria (at) example (dot) org', 'EMAIL', 'maria (at) example (dot) org'],
  ['Call me on +44 20 7946 0958 today', 'PHONE', '+44 20 7946 0958'],
  ['my mobile 07700 900123', 'PHONE', '07700 900123'],
  ['landline 020 7946 0958', 'PHONE', '020 7946 0958'],
  ['US number (555) 123-4567 works', 'PHONE', '(555) 123-4567'],
  ['try 555-123-4567 or later', 'PHONE', '555-123-4567'],
  ['or 1-800-555-0199', 'PHONE', '1-800-555-0199'],
  ['Paris: +33 1 23 45 67 89', 'PHONE', '+33 1 23 45 67 89'],
  ['Berlin 0049 30 901820', 'PHONE', '0049 30 901820'],
  ['Mumbai +91-98765-43210', 'PHONE', '+91-98765-43210'],
  ['written compact 07700900123', 'PHONE', '07700900123'],
  ['call me on 5551234567', 'PHONE', '5551234567'],
  ['my phone number is 555 1234 567', 'PHONE', '555 1234 567'],
  ['Card 4111 1111 1111 1111 exp 12/26', 'CARD', '4111 1111 1111 1111'],
  ['card no 4242424242424242', 'CARD', '4242424242424242'],
  ['amex 3782-822463-10005', 'CARD', '3782-822463-10005'],
  ['mastercard 5555 5555 5555 4444.', 'CARD', '5555 5555 5555 4444'],
  ['IBAN GB82 WEST 1234 5698 7654 32 please', 'IBAN', 'GB82 WEST 1234 5698 7654 32'],
  ['to DE89370400440532013000 today', 'IBAN', 'DE89370400440532013000'],
  ['and fr14 2004 1010 0505 0001 3m02 606', 'IBAN', 'fr14 2004 1010 0505 0001 3m02 606'],
  ['Send it to 221B Baker Street, London', 'ADDRESS', '221B Baker Street'],
  ['I live at 12 acacia avenue', 'ADDRESS', '12 acacia avenue'],
  ['4 Privet Drive, Little Whinging', 'ADDRESS', '4 Privet Drive'],
  ['1600 Pennsylvania Ave NW', 'ADDRESS', '1600 Pennsylvania Ave'],
  ['deliver to flat 3 please', 'ADDRESS', 'flat 3'],
  ['Hauptstraße 5, Berlin', 'ADDRESS', 'Hauptstraße 5'],
  ['au 12 rue de la Paix', 'ADDRESS', '12 rue de la Paix'],
  ['London NW1 6XE', 'POSTCODE', 'NW1 6XE'],
  ['my postcode is sw1a1aa', 'POSTCODE', 'sw1a1aa'],
  ['Springfield, IL 62704', 'POSTCODE', '62704'],
  ['zip code: 94103-1234', 'POSTCODE', '94103-1234'],
  ['my date of birth is 12/03/1985', 'DOB', '12/03/1985'],
  ['DOB: 1985-03-12', 'DOB', '1985-03-12'],
  ['I was born on 3rd of March 1990', 'DOB', '3rd of March 1990'],
  ['birthday March 3, 1990', 'DOB', 'March 3, 1990'],
  ['order #A-55821 never came', 'ACCOUNT', 'A-55821'],
  ['account number: 12345678', 'ACCOUNT', '12345678'],
  ['Order no. 55821 is late', 'ACCOUNT', '55821'],
  ['booking reference XK92B7', 'ACCOUNT', 'XK92B7'],
  ['sort code 12-34-56', 'ACCOUNT', '12-34-56'],
  ['card ending in 4242', 'ACCOUNT', '4242'],
  ['customer id is CUST-1001', 'ACCOUNT', 'CUST-1001'],
  ['SSN 123-45-6789', 'ID', '123-45-6789'],
  ['NI number AB 12 34 56 C', 'ID', 'AB 12 34 56 C'],
  ['from 192.168.1.20 yesterday', 'IP', '192.168.1.20'],
  ['IPv6 2001:db8::8a2e:370:7334 too', 'IP', '2001:db8::8a2e:370:7334'],
  [
    'open https://shop.example.com/reset?token=abc123XYZ now',
    'URL',
    'https://shop.example.com/reset?token=abc123XYZ',
  ],
  ['see https://x.example/u/9f8e7d6c5b4a3f2e1d0c', 'URL', 'https://x.example/u/9f8e7d6c5b4a3f2e1d0c'],
  ['https://user:secret@host.example/path', 'URL', 'https://user:secret@host.example/path'],
  ['track www.example.com/orders/55821.', 'URL', 'www.example.com/orders/55821'],
];

const negatives = [
  'I have been waiting 3 days and 4 hours.',
  'The SLA target is PT4H, or P1D for engineering.',
  'I paid $1,299.00 and then €89.00, and £12.50 for delivery.',
  'It happened on 2026-11-23 at 10:00, and again 23.11.2026 at 14:30.',
  'I ordered 2 items, order 2 pizzas, room 101, 100 200 300 times.',
  'My account has been locked for 3 weeks.',
  'The invoice 89.00 was charged twice, invoice of 1,299.00 too.',
  'Version 1.2.3.4 of the app crashes; v2.10.1.0 as well.',
  'See https://example.com/help/refunds for the policy.',
  'I drove 3 miles down the road. The 2 new drive bays failed. By the way, 5 more days.',
  'Please email support or call us, nobody answered my phone.',
  'We were born in 1990 and it was my birthday yesterday.',
  'Top 10 tips, 24/7 support, 50% off, 3x faster, 1st of the month.',
  'Error 0x80070005 and code E1 2 occurred at 10:00:00.',
  'The tracking page said it left the depot; call me back.',
  'I want to cancel my subscription and get a refund for the last 12 months.',
];

describe('findPii', () => {
  it.each(positives)('redacts %j as %s', (text, kind, value) => {
    expect(found(text)).toContain(`${kind}:${value}`);
  });

  it.each(negatives)('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('prefers the strongest reading of overlapping spans', () => {
    expect(found('account number 4111 1111 1111 1111')).toEqual(['CARD:4111 1111 1111 1111']);
    expect(found('account GB82WEST12345698765432')).toEqual(['IBAN:GB82WEST12345698765432']);
    expect(found('mail maria@example.com via https://mail.example.com/?u=maria@example.com')).toEqual([
      'EMAIL:maria@example.com',
      'URL:https://mail.example.com/?u=maria@example.com',
    ]);
  });

  it('rejects numbers that fail their checksum', () => {
    expect(found('card 4111 1111 1111 1112')).toEqual([]);
    expect(found('IBAN GB82 WEST 1234 5698 7654 33')).toEqual([]);
    expect(found('0000 0000 0000 0000')).toEqual([]);
  });

  it('finds several accounts after one cue', () => {
    expect(found('my orders 55821, 55822 and 55823')).toEqual([
      'ACCOUNT:55821',
      'ACCOUNT:55822',
      'ACCOUNT:55823',
    ]);
  });

  it('redacts known values such as the name on file', () => {
    const known = [
      { kind: 'NAME' as const, value: 'Maria Lopez' },
      { kind: 'NAME' as const, value: 'May', matchCase: true },
    ];
    expect(findPii('Hi, Maria Lopez here; may I ask, May?', known).map((s) => s.kind)).toEqual([
      'NAME',
      'NAME',
    ]);
  });
});

describe('checksums', () => {
  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('IBAN mod 97', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('NL91ABNA0417164300')).toBe(true);
    expect(ibanValid('GB82WEST12345698765431')).toBe(false);
    expect(ibanValid('GB82')).toBe(false);
  });
});

describe('createRedactor', () => {
  it('gives typed placeholders, the same value the same one across texts', () => {
    const r = createRedactor();
    expect(r.redact('Mail maria@example.com or call +44 20 7946 0958.')).toBe(
      'Mail [EMAIL_1] or call [PHONE_1].',
    );
    expect(r.redact('Again: maria@example.com, bob@example.com, +442079460958')).toBe(
      'Again: [EMAIL_1], [EMAIL_2], [PHONE_1]',
    );
    expect([...r.map.keys()]).toEqual(['[EMAIL_1]', '[PHONE_1]', '[EMAIL_2]']);
  });

  it('restores the originals in an answer, leaving unknown placeholders', () => {
    const r = createRedactor();
    const text = 'Card 4111 1111 1111 1111 was charged; write to maria@example.com.';
    const redacted = r.redact(text);
    expect(redacted).toBe('Card [CARD_1] was charged; write to [EMAIL_1].');
    expect(r.restore(redacted)).toBe(text);
    expect(r.restore('Refund [card_1] and tell [EMAIL_1] about [PHONE_9].')).toBe(
      'Refund 4111 1111 1111 1111 and tell maria@example.com about [PHONE_9].',
    );
  });

  it('round-trips through redactText and restoreText', () => {
    const text = 'I am at 221B Baker Street, London NW1 6XE, DOB 01/02/1980, IP 10.0.0.7.';
    const { text: redacted, map } = redactText(text);
    expect(redacted).toBe('I am at [ADDRESS_1], London [POSTCODE_1], DOB [DOB_1], IP [IP_1].');
    expect(restoreText(redacted, map)).toBe(text);
  });
});
