import { describe, expect, it } from 'vitest';
import {
  addedFields,
  changedFields,
  changesNothing,
  changesReference,
  flatten,
  replacedFields,
  subjectKindsOf,
  versionedFields,
} from './changes.ts';

describe('what an admin change changed', () => {
  it('lists the fields whose value differs, secrets only as set', () => {
    expect(
      changedFields(
        { name: 'Tom', roles: ['agent'], passwordHash: 'h' },
        { name: 'Tom', roles: ['agent', 'lead'], password: 'new-password-1', timezone: undefined },
      ),
    ).toEqual({ roles: { from: ['agent'], to: ['agent', 'lead'] }, password: { from: null, to: 'set' } });
  });

  it('leaves empty fields out of something new, and a change of nothing out of the log', () => {
    expect(addedFields({ name: 'Zoe', skills: [], password: undefined, teams: ['finance'] })).toEqual({
      name: { from: null, to: 'Zoe' },
      teams: { from: null, to: ['finance'] },
    });
    expect(changesNothing('team.changed', changedFields({ capacity: 10 }, { capacity: 10 }))).toBe(true);
    expect(changesNothing('person.reactivated', {})).toBe(false);
  });

  it('says a secret was set or removed, and nothing when it stayed the same', () => {
    expect(changedFields({ slackUrl: null }, { slackUrl: 'https://hooks.example/T1' })).toEqual({
      slackUrl: { from: null, to: 'set' },
    });
    expect(changedFields({ slackUrl: 'https://hooks.example/T1' }, { slackUrl: null })).toEqual({
      slackUrl: { from: 'set', to: null },
    });
    expect(
      changedFields({ slackUrl: 'https://hooks.example/T1' }, { slackUrl: 'https://hooks.example/T1' }),
    ).toEqual({});
    expect(changedFields({ slackUrl: null }, { slackUrl: null })).toEqual({});
  });

  it('reads a replaced setting value by value, nested ones by their path, and what is gone as none', () => {
    expect(flatten({ a: 1, b: { c: [1], d: { e: 'x' } }, f: {}, g: undefined })).toEqual({
      a: 1,
      'b.c': [1],
      'b.d.e': 'x',
      f: {},
    });
    const before = { timezone: 'UTC', hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } };
    expect(replacedFields(before, { timezone: 'UTC', hours: { mon: [['09:00', '17:00']] } })).toEqual({
      'hours.tue': { from: [['09:00', '17:00']], to: null },
    });
    expect(replacedFields(before, { timezone: 'UTC', hours: '24/7' })).toEqual({
      'hours.mon': { from: [['09:00', '17:00']], to: null },
      'hours.tue': { from: [['09:00', '17:00']], to: null },
      hours: { from: null, to: '24/7' },
    });
    expect(replacedFields(before, structuredClone(before))).toEqual({});
    // A closed day stored as [] and a day left out are the same day.
    expect(
      replacedFields(
        { hours: { mon: [['09:00', '17:00']], sat: [] } },
        { hours: { mon: [['09:00', '17:00']] } },
      ),
    ).toEqual({});
  });

  it('names the version a definition was saved as and, for a change, the fields it changed', () => {
    expect(versionedFields(undefined, { name: 'A', required: ['x'] }, 1)).toEqual({
      version: { from: null, to: 1 },
    });
    expect(versionedFields({ name: 'A', required: ['x'] }, { name: 'A', required: ['x', 'y'] }, 3)).toEqual({
      version: { from: 2, to: 3 },
      required: { from: ['x'], to: ['x', 'y'] },
    });
  });

  it('reads areas of the log as the kinds of subject they hold', () => {
    expect(subjectKindsOf(['people', 'integrations'])).toEqual([
      'person',
      'member',
      'webhook',
      'mapping',
      'token',
    ]);
  });
  it('names the changes open pages re-read their people, teams and scenarios after', () => {
    for (const action of [
      'person.added',
      'person.changed',
      'person.deactivated',
      'person.reactivated',
      'team.added',
      'team.changed',
      'member.added',
      'member.changed',
      'member.left',
      'calendar.changed',
      'scenario.added',
      'scenario.changed',
    ] as const)
      expect(changesReference(action), action).toBe(true);
    for (const action of [
      'webhook.subscribed',
      'settings.changed',
      'token.issued',
      'customer.erased',
    ] as const)
      expect(changesReference(action), action).toBe(false);
  });
});
