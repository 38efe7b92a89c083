import { describe, expect, it } from 'vitest';
import { idleSignOutNote } from '../../web/src/app/signed-out.ts';

describe('the sign-in page after an idle sign-out', () => {
  it('says how long in the largest units, from the server’s words', () => {
    expect(
      idleSignOutNote(
        'signed out after 30 minutes without activity, as your organisation asks: sign in again',
      ),
    ).toBe(
      'You were signed out after 30 minutes without activity, as your organisation asks. Sign in again to go on.',
    );
    expect(idleSignOutNote('signed out after 60 minutes without activity')).toContain('after 1 hour without');
    expect(idleSignOutNote('signed out after 1440 minutes without activity')).toContain(
      'after 1 day without',
    );
  });

  it('still says why when the message names no minutes', () => {
    expect(idleSignOutNote('session ended')).toBe(
      'You were signed out after a while without activity, as your organisation asks. Sign in again to go on.',
    );
  });
});
