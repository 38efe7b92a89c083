import { describe, expect, it } from 'vitest';
import { customerUpdateTemplateSchema, unknownPlaceholders } from './continuity.types.ts';
import { draftCustomerUpdate, formatReplyBy, pickLanguage, replyClockOf } from './customer-update.ts';

const template = customerUpdateTemplateSchema.parse({
  version: 4,
  lastReviewed: '2026-11-01',
  templates: {
    en: 'Hi {customer}, your billing question is now with {owner}. Expect our reply by {replyBy}.',
    es: 'Hola {customer}, su consulta está ahora con {owner}. Le responderemos antes del {replyBy}.',
  },
});

describe('warm customer update', () => {
  it('names the team, the owner and the reply time in the customer time zone', () => {
    const u = draftCustomerUpdate({
      customerName: 'Maria Lopez',
      teamName: 'Finance',
      ownerFirstName: 'Priya',
      replyBy: new Date('2026-11-24T11:00:00Z'),
      timezone: 'Europe/Madrid',
    });
    expect(u.replyBy).toBe('2026-11-24T11:00:00.000Z');
    expect(u.text).toContain('Hi Maria');
    expect(u.text).toContain('Finance team');
    expect(u.text).toContain('Priya');
    expect(u.text).toMatch(/12:00/);
    expect(u.template).toEqual({ scenario: '', version: null, language: 'en' });
  });

  it('formats each instant in its own offset with the zone’s kept formatter, and a bad language as British English', () => {
    const winter = formatReplyBy(new Date('2026-01-12T10:00:00Z'), 'Europe/London', 'en-GB');
    const summer = formatReplyBy(new Date('2026-07-13T10:00:00Z'), 'Europe/London', 'en-GB');
    expect(winter).toMatch(/Monday.*12 January.*10:00.*GMT/);
    expect(summer).toMatch(/Monday.*13 July.*11:00.*(BST|GMT\+1)/);
    expect(formatReplyBy(new Date('2026-07-13T10:00:00Z'), 'Europe/Paris', 'not a tag!')).toMatch(
      /Monday.*12:00/,
    );
    expect(formatReplyBy(new Date('2026-07-13T10:00:00Z'), 'Nowhere/City', 'not a tag!')).toBe(
      '2026-07-13 10:00 UTC',
    );
  });

  it('falls back to UTC for an unknown zone', () => {
    const u = draftCustomerUpdate({
      customerName: 'Li',
      teamName: 'Engineering',
      replyBy: new Date('2026-11-24T11:00:00Z'),
      timezone: 'Nowhere/City',
    });
    expect(u.text).toContain('2026-11-24 11:00 UTC');
  });

  it('reads the reply instant on the far side of a DST change in the customer zone, not the sender one', () => {
    // Sent Friday 30 October (New York still on EDT, UTC-4); due Monday 2 November at 12:00Z, after
    // New York moved to EST (UTC-5): the customer must read 07:00, not 08:00.
    const u = draftCustomerUpdate({
      customerName: 'Dana Smith',
      teamName: 'Finance',
      replyBy: new Date('2026-11-02T12:00:00Z'),
      timezone: 'America/New_York',
      language: 'en-US',
      template,
      scenario: 'billing-to-finance',
    });
    expect(u.text).toContain('Monday, November 2');
    expect(u.text).toMatch(/07:00\s?AM EST/);
    expect(u.template).toEqual({ scenario: 'billing-to-finance', version: 4, language: 'en' });
  });

  it('crosses the date line: Sydney reads the next morning (AEDT)', () => {
    const u = draftCustomerUpdate({
      customerName: 'Ava',
      teamName: 'Finance',
      replyBy: new Date('2026-11-02T21:30:00Z'),
      timezone: 'Australia/Sydney',
      language: 'en-AU',
      template,
    });
    expect(u.text).toMatch(/Tuesday,? 3 November/);
    expect(u.text).toMatch(/08:30\s?am AEDT/i);
  });

  it('writes in the language of the conversation, with its date words', () => {
    const u = draftCustomerUpdate({
      customerName: 'Lucía',
      teamName: 'Finanzas',
      ownerFirstName: 'Priya',
      replyBy: new Date('2026-11-02T12:00:00Z'),
      timezone: 'Europe/Madrid',
      language: 'es-ES',
      template,
    });
    expect(u.text).toContain('Hola Lucía');
    expect(u.text).toContain('nuestro equipo de Finanzas, donde Priya se ocupa de él');
    expect(u.text).toContain('lunes, 2 de noviembre');
    expect(u.text).toContain('13:00');
    expect(u.template.language).toBe('es');
  });

  it('keeps the owner name out when the scenario policy says so', () => {
    const u = draftCustomerUpdate({
      customerName: 'Maria',
      teamName: 'Finance',
      ownerFirstName: 'Priya',
      replyBy: new Date('2026-11-02T12:00:00Z'),
      template: { ...template, shareOwnerName: false },
    });
    expect(u.text).not.toContain('Priya');
    expect(u.text).toContain('our Finance team');
  });

  it('picks the exact language, then its base, then English', () => {
    const t = { en: 'a', es: 'b', 'pt-BR': 'c' };
    expect(pickLanguage(t, 'pt-BR')).toBe('pt-BR');
    expect(pickLanguage(t, 'es-MX')).toBe('es');
    expect(pickLanguage(t, 'de')).toBe('en');
    expect(pickLanguage(t, null)).toBe('en');
  });

  it('refuses templates that reach beyond the customer-facing facts or omit the reply time', () => {
    expect(unknownPlaceholders('Hi {customer}, {packet.whatHappened} by {replyBy}')).toEqual([
      'packet.whatHappened',
    ]);
    const bad = customerUpdateTemplateSchema.safeParse({
      version: 1,
      lastReviewed: '2026-11-01',
      templates: { en: 'Hi {customer}, the note says {internalNote}' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).join(' ')).toMatch(/unknown placeholder/);
    expect(bad.error?.issues.map((i) => i.message).join(' ')).toMatch(/reply time/);
  });

  it('fills only the four placeholders: whatever else the customer record holds never reaches the text', () => {
    const u = draftCustomerUpdate({
      customerName: 'Maria Lopez-Garcia',
      teamName: 'Finance',
      replyBy: new Date('2026-11-02T12:00:00Z'),
      template,
    });
    expect(u.text).not.toContain('Lopez');
    expect(u.text).not.toMatch(/\{|\}/);
  });
});

describe('the clock a reply is promised by', () => {
  const clock = (name: string, target: string) => ({ name, target });
  it('is the pickup clock, else the first with time to it; never one that pages at once', () => {
    expect(replyClockOf([clock('acknowledge', 'PT2H'), clock('resolve', 'P1D')])?.name).toBe('acknowledge');
    expect(replyClockOf([clock('acknowledge', 'PT0M'), clock('resolve', 'PT4H')])?.name).toBe('resolve');
    expect(replyClockOf([clock('resolve', 'P1D')])?.name).toBe('resolve');
    expect(replyClockOf([clock('acknowledge', 'PT0M')])).toBeUndefined();
    expect(replyClockOf([])).toBeUndefined();
  });
});
