import { describe, expect, it } from 'vitest';
import { evenOut, type Holder, staying } from './even-out.ts';

const member = (id: string, load: number, waiting: number, over: Partial<Holder> = {}): Holder => ({
  id,
  available: true,
  onShift: true,
  load,
  capacity: 10,
  skills: [],
  waiting: Array.from({ length: waiting }, (_, i) => `${id}-${i}`),
  ...over,
});

/** Each member's load after the moves. */
const loadsAfter = (team: Holder[], moves: { from: string; to: string }[]) =>
  Object.fromEntries(
    team.map((m) => [
      m.id,
      m.load - moves.filter((x) => x.from === m.id).length + moves.filter((x) => x.to === m.id).length,
    ]),
  );

describe('evening out a team’s waiting handoffs', () => {
  it('moves the oldest waiting handoffs from the most loaded to the least, until within one', () => {
    const team = [member('a', 8, 6), member('b', 2, 0), member('c', 3, 1)];
    const moves = evenOut(team);
    expect(loadsAfter(team, moves)).toEqual({ a: 5, b: 4, c: 4 });
    expect(moves.filter((m) => m.from === 'a').map((m) => m.handoffId)).toEqual(['a-0', 'a-1', 'a-2']);
    expect(new Set(moves.map((m) => m.handoffId)).size).toBe(moves.length);
  });

  it('moves nothing on a team already within one, and never back and forth', () => {
    expect(evenOut([member('a', 4, 4), member('b', 3, 3), member('c', 4, 2)])).toEqual([]);
    const moves = evenOut([member('a', 9, 9), member('b', 0, 0)]);
    for (const m of moves) expect([m.from, m.to]).toEqual(['a', 'b']);
  });

  it('moves only waiting handoffs: someone working on many keeps what they accepted', () => {
    // a owns 9, only 1 of them still waiting.
    const moves = evenOut([member('a', 9, 1), member('b', 0, 0)]);
    expect(moves).toEqual([{ handoffId: 'a-0', from: 'a', to: 'b' }]);
  });

  it('empties the waiting handoffs of someone away or off shift onto those who can take them', () => {
    const team = [
      member('away', 2, 2, { available: false }),
      member('night', 1, 1, { onShift: false }),
      member('b', 5, 0),
      member('c', 5, 0),
    ];
    const moves = evenOut(team);
    expect(moves.map((m) => m.from).sort()).toEqual(['away', 'away', 'night']);
    expect(moves.every((m) => m.to === 'b' || m.to === 'c')).toBe(true);
    // Nobody able to take them: they stay where they are.
    expect(
      evenOut([member('away', 2, 2, { available: false }), member('b', 1, 0, { onShift: false })]),
    ).toEqual([]);
  });

  it('gives nobody more than their capacity, and weighs loads against capacities', () => {
    const team = [
      member('a', 10, 10),
      member('small', 1, 0, { capacity: 2 }),
      member('big', 10, 0, { capacity: 20 }),
    ];
    const moves = evenOut(team);
    const loads = loadsAfter(team, moves);
    expect(loads.small).toBeLessThanOrEqual(2);
    expect(loads.big).toBeLessThanOrEqual(20);
    // a (capacity 10) and big (capacity 20) end at about the same share of their capacity.
    expect(Math.abs(loads.a! / 10 - loads.big! / 20)).toBeLessThanOrEqual(0.1);
  });

  it('stops at the limit', () => {
    expect(evenOut([member('a', 60, 60), member('b', 0, 0, { capacity: 100 })], { limit: 5 })).toHaveLength(
      5,
    );
  });

  it('moves a handoff routed by skills only to someone who matches them at least as well', () => {
    const team = [
      member('a', 8, 3, { skills: ['german', 'billing'] }),
      member('b', 0, 0, { skills: ['billing'] }),
      member('c', 2, 0, { skills: ['german', 'billing', 'api'] }),
    ];
    // a-0 asks for German and billing (b matches one of two); a-1 asks for billing alone; a-2 for nothing.
    const wanted = new Map([
      ['a-0', ['german', 'billing']],
      ['a-1', ['billing']],
    ]);
    const moves = evenOut(team, { wanted });
    expect(moves.find((m) => m.handoffId === 'a-0')?.to ?? 'a').not.toBe('b');
    expect(moves.map((m) => m.handoffId).sort()).toEqual(['a-0', 'a-1', 'a-2']);
    // Without the skills asked, the least loaded takes the oldest first.
    expect(evenOut(team)[0]).toEqual({ handoffId: 'a-0', from: 'a', to: 'b' });
    // Nobody else speaks German: a keeps it, and what nobody's skills decide still moves.
    const alone = [member('a', 8, 2, { skills: ['german'] }), member('b', 0, 0)];
    expect(evenOut(alone, { wanted: new Map([['a-0', ['german']]]) })).toEqual([
      { handoffId: 'a-1', from: 'a', to: 'b' },
    ]);
  });

  it('gives what someone away held to the best match who can take it, even if more loaded', () => {
    const team = [
      member('away', 1, 1, { available: false, skills: ['api'] }),
      member('b', 0, 0),
      member('c', 6, 0, { skills: ['api'] }),
    ];
    expect(evenOut(team, { wanted: new Map([['away-0', ['api']]]) })).toEqual([
      { handoffId: 'away-0', from: 'away', to: 'c' },
    ]);
    // Nobody matching can take it (at capacity): whoever can, as a send falls back to load.
    const full = team.map((m) => (m.id === 'c' ? { ...m, load: 10 } : m));
    expect(evenOut(full, { wanted: new Map([['away-0', ['api']]]) })).toEqual([
      { handoffId: 'away-0', from: 'away', to: 'b' },
    ]);
  });
});

describe('what an even-out leaves where it is, and why', () => {
  it('says nothing of a team that is already even', () => {
    const team = [member('a', 4, 4), member('b', 3, 3)];
    expect(staying(team, evenOut(team))).toEqual([]);
  });

  it('names the handoffs of someone away that nobody with room can take', () => {
    const team = [member('away', 2, 2, { available: false }), member('b', 10, 0)];
    const moves = evenOut(team);
    expect(moves).toEqual([]);
    expect(staying(team, moves)).toEqual([
      { handoffId: 'away-0', holder: 'away', reason: 'nobody_free' },
      { handoffId: 'away-1', holder: 'away', reason: 'nobody_free' },
    ]);
  });

  it('names the handoffs that stay for want of skills, and only those', () => {
    const team = [member('k', 6, 4, { skills: ['mobile'] }), member('o', 0, 0, { skills: ['web'] })];
    const wanted = new Map([
      ['k-0', ['mobile']],
      ['k-1', ['mobile']],
    ]);
    const moves = evenOut(team, { wanted });
    // The two asking for nothing move; the two asking for mobile stay with the only one who knows it.
    expect(moves.map((m) => m.handoffId).sort()).toEqual(['k-2', 'k-3']);
    expect(staying(team, moves, { wanted })).toEqual([
      { handoffId: 'k-0', holder: 'k', reason: 'skills' },
      { handoffId: 'k-1', holder: 'k', reason: 'skills' },
    ]);
  });

  it('names what the limit left behind', () => {
    const team = [member('a', 9, 9), member('b', 0, 0)];
    const moves = evenOut(team, { limit: 2 });
    const stays = staying(team, moves, { limit: 2 });
    expect(stays.length).toBeGreaterThan(0);
    expect(stays.every((s) => s.reason === 'limit' && s.holder === 'a')).toBe(true);
    expect(staying(team, evenOut(team))).toEqual([]);
  });
});
