import { describe, expect, it } from 'vitest';
import { mayActOn } from '../../web/src/handoffs/may-act.ts';

const person = (id: string, roles: string[], teams: string[]) => ({
  can: (...wanted: string[]) => roles.includes('admin') || wanted.some((r) => roles.includes(r)),
  me: { person: { id } },
  myTeams: teams.map((key) => ({ key })),
});
const toFinance = (state: string, ownerId: string | null = 'priya') => ({
  ownerId,
  senderId: 'amara',
  toTeam: 'finance',
  state,
});

describe('the buttons a person is offered on a handoff', () => {
  it('follows the server: owner, receiving team, leads and supervisors act; the sender recalls or finishes a draft', () => {
    const amara = person('amara', ['agent'], ['support']);
    const priya = person('priya', ['agent'], ['finance']);
    const grace = person('grace', ['lead'], ['finance']);
    const hannah = person('hannah', ['qa'], []);
    for (const a of ['accept', 'bounce', 'resolve', 'reassign']) {
      expect(mayActOn(priya, toFinance('sent'), a), a).toBe(true);
      expect(mayActOn(grace, toFinance('sent'), a), a).toBe(true);
      expect(mayActOn(amara, toFinance('sent'), a), a).toBe(false);
      expect(mayActOn(hannah, toFinance('sent'), a), a).toBe(false);
    }
    expect(mayActOn(amara, toFinance('sent'), 'cancel')).toBe(true);
    expect(mayActOn(amara, toFinance('accepted'), 'cancel')).toBe(false);
    // The receiving side bounces, with a reason; only a lead or supervisor may cancel there.
    expect(mayActOn(priya, toFinance('sent'), 'cancel')).toBe(false);
    expect(mayActOn(person('tom', ['agent'], ['finance']), toFinance('accepted'), 'cancel')).toBe(false);
    expect(mayActOn(grace, toFinance('accepted'), 'cancel')).toBe(true);
    expect(mayActOn(amara, toFinance('draft', null), 'send')).toBe(true);
    expect(mayActOn(person('tom', ['agent'], ['support']), toFinance('draft', null), 'send')).toBe(false);
  });
});
