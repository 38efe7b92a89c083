import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import type { Person } from '../../web/src/api/types.ts';
import {
  checkDraft,
  draftOf,
  fieldOfError,
  messageOf,
  newPersonBody,
  personChange,
  suggestPassword,
  teamMoves,
} from '../../web/src/people/person-form.ts';
import { keyFromName, parseCapacity } from '../../web/src/people/team-form.ts';

const amara: Person = {
  id: 'p_1',
  name: 'Amara Okafor',
  email: 'amara@northwind.example',
  roles: ['agent'],
  skills: ['billing', 'voice'],
  timezone: 'Europe/London',
  availability: 'available',
  active: true,
  leftAt: null,
  twoStep: false,
  passwordSet: true,
  teams: [{ key: 'support', name: 'Support' }],
  openHandoffs: 2,
};

describe('the person form', () => {
  it('sends only what changed, with the email compared as the server stores it', () => {
    const d = draftOf(amara);
    expect(personChange(amara, { ...d, email: 'Amara@Northwind.example ' })).toEqual({});
    expect(personChange(amara, { ...d, roles: ['agent'], skills: ' billing,voice, ' })).toEqual({});
    expect(
      personChange(amara, { ...d, roles: ['lead', 'agent'], skills: 'billing', password: 'x'.repeat(12) }),
    ).toEqual({ roles: ['lead', 'agent'], skills: ['billing'], password: 'x'.repeat(12) });
    expect(teamMoves(amara, { ...d, teams: ['finance'] })).toEqual({ join: ['finance'], leave: ['support'] });
  });

  it("leaves the zone to the server when the organisation's is kept, and asks a new person for a password", () => {
    const d = { ...draftOf(amara), timezone: '', password: '' };
    expect(newPersonBody(d)).not.toHaveProperty('timezone');
    expect(checkDraft(d, true)).toEqual({ password: expect.any(String) });
    // Where Baton e-mails invitations, a new person may come without one.
    expect(checkDraft(d, true, true)).toEqual({});
    expect(checkDraft({ ...d, password: 'short' }, true, true)).toEqual({ password: expect.any(String) });
    expect(checkDraft({ ...d, roles: [], email: 'nope', password: 'short' }, false)).toEqual({
      roles: expect.any(String),
      email: expect.any(String),
      password: expect.any(String),
    });
  });

  it("puts an API error next to its field, without the field's name in front", () => {
    const taken = new ApiError(409, 'conflict', 'amara@x.example is taken', { field: 'email' });
    expect(fieldOfError(taken)).toBe('email');
    const skill = new ApiError(400, 'validation_failed', 'skills.2: too long', { field: 'skills.2' });
    expect(fieldOfError(skill)).toBe('skills');
    expect(messageOf(skill)).toBe('Too long');
    // An address opening the message stays as it is written.
    expect(messageOf(taken)).toBe('amara@x.example is taken');
    expect(
      messageOf(
        new ApiError(409, 'conflict', 'email: tom@northwind.example is already Tom’s', { field: 'email' }),
      ),
    ).toBe('tom@northwind.example is already Tom’s');
    expect(
      fieldOfError(new ApiError(400, 'validation_failed', 'body: bad', { field: 'body' })),
    ).toBeUndefined();
  });

  it('generates passwords long enough, without look-alike letters', () => {
    const p = suggestPassword();
    expect(p).toHaveLength(16);
    expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
  });
});

describe('the team forms', () => {
  it('takes a capacity of 1 to 1000, blank as none', () => {
    expect(parseCapacity(' ')).toEqual({ value: null });
    expect(parseCapacity('4')).toEqual({ value: 4 });
    for (const bad of ['0', '1001', '2.5', 'ten']) expect(parseCapacity(bad).error, bad).toBeDefined();
  });

  it('makes a key the API accepts from a name', () => {
    expect(keyFromName('Tier 2 (EMEA)')).toBe('tier-2-emea');
    expect(keyFromName('  Équipe Française ')).toBe('equipe-francaise');
  });
});
