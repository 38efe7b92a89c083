import { describe, expect, it } from 'vitest';
import { slugFrom, starterOrganisation } from './setup.ts';
import { newOrganisationSchema, slugSchema } from './setup.types.ts';

describe('an organisation’s short name made from its name', () => {
  it.each([
    ['Acme Support, Ltd.', 'acme-support-ltd'],
    ['Façade Repairs Zürich', 'facade-repairs-zurich'],
    ['  --Northwind--  ', 'northwind'],
    ['A', 'org-a'],
    ['株式会社', 'org'],
    [
      'The Very Long Name Of A Customer Support Organisation Somewhere',
      'the-very-long-name-of-a-customer-support',
    ],
  ])('%s → %s', (name, slug) => {
    expect(slugFrom(name)).toBe(slug);
    // Whatever the name, the server accepts what it made.
    expect(slugSchema.safeParse(slugFrom(name)).success).toBe(true);
  });
});

describe('the organisation a new Baton starts with', () => {
  const input = newOrganisationSchema.parse({
    organisation: { name: 'Acme', timezone: 'Asia/Tokyo' },
    admin: { name: 'Ann', email: 'ANN@acme.example', password: 'a long password' },
  });
  const calendarOf = (timezone: string) => ({ timezone, hours: '24/7' as const, holidays: [] });

  it('is the admin leading one team per team the scenarios name, in the organisation’s zone', () => {
    const spec = starterOrganisation(
      input,
      ['support', 'finance', 'support', 'tier2', 'newteam'],
      calendarOf,
    );
    expect(spec).toMatchObject({ slug: 'acme', name: 'Acme', timezone: 'Asia/Tokyo' });
    expect(spec.people).toEqual([
      expect.objectContaining({
        key: 'admin',
        email: 'ann@acme.example',
        roles: ['admin', 'lead'],
        timezone: 'Asia/Tokyo',
      }),
    ]);
    expect(spec.teams.map((t) => [t.key, t.name, t.lead])).toEqual([
      ['support', 'Support', 'admin'],
      ['finance', 'Finance', 'admin'],
      ['tier2', 'Tier 2', 'admin'],
      ['newteam', 'newteam', 'admin'],
    ]);
    expect(spec.teams[0]!.calendar).toMatchObject({ timezone: 'Asia/Tokyo' });
  });

  it('is the admin alone without starter teams, and keeps a slug it is given', () => {
    const spec = starterOrganisation(
      { ...input, starterTeams: false, organisation: { ...input.organisation, slug: 'acme-jp' } },
      ['support'],
      calendarOf,
    );
    expect(spec.slug).toBe('acme-jp');
    expect(spec.teams).toEqual([]);
    expect(spec.people[0]!.roles).toEqual(['admin']);
  });
});
