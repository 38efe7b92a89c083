import { describe, expect, it } from 'vitest';
import {
  outcomeWords,
  pickable,
  pickedRows,
  pickRange,
  progressWords,
  runWords,
  sharedTeam,
  togglePick,
} from '../../web/src/queue/picks.ts';

const person = (id: string, roles: string[], teams: string[]) => ({
  can: (...wanted: string[]) => roles.includes('admin') || wanted.some((r) => roles.includes(r)),
  me: { person: { id } },
  myTeams: teams.map((key) => ({ key })),
});
const row = (id: string, state: string, toTeam = 'finance', owner: string | null = 'priya') => ({
  id,
  state,
  toTeam,
  owner: owner ? { id: owner } : null,
  sender: { id: 'amara' },
});

describe('picking handoffs in the queue to reassign together', () => {
  const grace = person('grace', ['agent', 'lead'], ['finance']);
  const priya = person('priya', ['agent'], ['finance']);
  const amara = person('amara', ['agent'], ['support']);

  it('lets only open handoffs the person may reassign be picked', () => {
    expect(pickable(grace, row('h1', 'sent'))).toBe(true);
    expect(pickable(grace, row('h1', 'accepted', 'tier2'))).toBe(true);
    for (const state of ['draft', 'resolved', 'bounced', 'cancelled'])
      expect(pickable(grace, row('h1', state)), state).toBe(false);
    expect(pickable(priya, row('h1', 'sent'))).toBe(true);
    expect(pickable(priya, row('h1', 'sent', 'tier2', 'fatima'))).toBe(false);
    // The sender may recall, not reassign.
    expect(pickable(amara, row('h1', 'sent'))).toBe(false);
  });

  it('toggles a pick by id and keeps the picks still in the queue, in its order', () => {
    let picks = togglePick(new Set(), 'h2');
    picks = togglePick(picks, 'h1');
    picks = togglePick(picks, 'h3');
    picks = togglePick(picks, 'h3');
    expect([...picks].sort()).toEqual(['h1', 'h2']);
    const rows = [row('h1', 'sent'), row('h9', 'sent'), row('h2', 'resolved')];
    // h2 was resolved by someone else meanwhile: no longer pickable, so no longer picked.
    expect(pickedRows(grace, picks, rows).map((h) => h.id)).toEqual(['h1']);
    expect(pickedRows(grace, new Set(), rows)).toEqual([]);
  });

  it('picks a range from the row picked last, both ends included, skipping rows that cannot be picked', () => {
    const rows = [
      row('h1', 'sent'),
      row('h2', 'resolved'),
      row('h3', 'accepted'),
      row('h4', 'sent'),
      row('h5', 'sent'),
    ];
    const down = pickRange(grace, new Set(['h1']), rows, 'h1', 'h4');
    expect([...down].sort()).toEqual(['h1', 'h3', 'h4']);
    // Upwards too, added to what is picked already.
    const up = pickRange(grace, new Set(['h5']), rows, 'h5', 'h3');
    expect([...up].sort()).toEqual(['h3', 'h4', 'h5']);
    // No last pick still in the list: the row alone.
    expect([...pickRange(grace, new Set(), rows, 'gone', 'h4')]).toEqual(['h4']);
    expect([...pickRange(grace, new Set(), rows, null, 'h4')]).toEqual(['h4']);
    // A row not in the list changes nothing.
    expect(pickRange(grace, new Set(['h1']), rows, 'h1', 'h9')).toEqual(new Set(['h1']));
  });

  it('names the receiving team the picks share, if they share one', () => {
    expect(sharedTeam([row('h1', 'sent'), row('h2', 'accepted')])).toBe('finance');
    expect(sharedTeam([row('h1', 'sent'), row('h2', 'sent', 'tier2')])).toBeNull();
    expect(sharedTeam([])).toBeNull();
  });

  it('says how a bulk reassignment went', () => {
    const ok = (id: string) => ({ id, error: null });
    const bad = (id: string) => ({ id, error: 'handoff is resolved' });
    expect(outcomeWords([ok('a')])).toBe('1 handoff reassigned');
    expect(outcomeWords([ok('a'), ok('b'), ok('c')])).toBe('3 handoffs reassigned');
    expect(outcomeWords([ok('a'), ok('b'), bad('c')])).toBe('2 handoffs reassigned; 1 was not');
    expect(outcomeWords([ok('a'), bad('b'), bad('c')])).toBe('1 handoff reassigned; 2 were not');
    expect(outcomeWords([bad('a')])).toBe('The handoff was not reassigned');
    expect(outcomeWords([bad('a'), bad('b')])).toBe('None of the 2 was reassigned');
  });
  it('says why a run ended before its end', () => {
    const ok = (id: string) => ({ id, error: null });
    const bad = (id: string) => ({ id, error: 'handoff is resolved' });
    const gone = 'Tom Becker is deactivated and cannot own a handoff';
    // Run to the end: the outcomes alone, whatever ended it (a Stop pressed during the last request).
    expect(runWords([ok('a'), bad('b')], 2, null)).toBe('1 handoff reassigned; 1 was not.');
    expect(runWords([ok('a'), ok('b')], 2, 'stopped')).toBe('2 handoffs reassigned.');
    expect(runWords([ok('a'), ok('b')], 5, 'stopped')).toBe(
      '2 handoffs reassigned; 3 left as they were (stopped).',
    );
    expect(runWords([ok('a'), bad('b')], 5, gone)).toBe(
      `1 handoff reassigned; 1 was not; 3 left as they were (${gone}).`,
    );
    // The first request refused whole: nothing was done.
    expect(runWords([], 30, gone)).toBe(`None of the 30 was reassigned (${gone}).`);
    expect(runWords([], 1, gone)).toBe(`The handoff was not reassigned (${gone}).`);
  });
  it('says which requests are in flight while a run goes on', () => {
    expect(progressWords(0, 1, 25)).toBe('Reassigning 1 of 1…');
    expect(progressWords(0, 3, 25)).toBe('Reassigning 1–3 of 3…');
    expect(progressWords(25, 60, 25)).toBe('Reassigning 26–50 of 60…');
    expect(progressWords(50, 60, 25)).toBe('Reassigning 51–60 of 60…');
    expect(progressWords(50, 51, 25)).toBe('Reassigning 51 of 51…');
  });
});
