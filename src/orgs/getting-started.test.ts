import { describe, expect, it } from 'vitest';
import { type GettingStartedFacts, gettingStarted } from './getting-started.ts';
import { organisationSpecSchema } from './orgs.types.ts';
import { starterOrganisation } from './setup.ts';

const fresh: GettingStartedFacts = {
  activePeople: 1,
  teamsWithoutMembers: ['Finance', 'Support'],
  peopleWithoutWayIn: [],
  emailConfigured: false,
  helpdeskConnected: false,
  handoffSent: false,
};

describe('the getting-started guide', () => {
  it('has every step to do in a new organisation, pointing at the first', () => {
    expect(gettingStarted(fresh)).toMatchObject({ done: 0, total: 6, next: 'people' });
  });

  it('counts signing in as done only once there are colleagues, all with a way in', () => {
    const sign = (f: Partial<GettingStartedFacts>) =>
      gettingStarted({ ...fresh, ...f }).steps.find((s) => s.step === 'sign_in')!.done;
    expect(sign({})).toBe(false);
    expect(sign({ activePeople: 3 })).toBe(true);
    expect(sign({ activePeople: 3, peopleWithoutWayIn: [{ id: 'p1', name: 'Bea Kim' }] })).toBe(false);
  });

  it('is done when every step is, with nothing next', () => {
    const all = gettingStarted({
      activePeople: 4,
      teamsWithoutMembers: [],
      peopleWithoutWayIn: [],
      emailConfigured: true,
      helpdeskConnected: true,
      handoffSent: true,
    });
    expect(all).toMatchObject({ done: 6, next: null });
    expect(gettingStarted({ ...fresh, activePeople: 2 }).next).toBe('teams');
  });

  it('is shown to organisations set up new, not to others (the demo, or those made before)', () => {
    const starter = starterOrganisation(
      {
        organisation: { name: 'Acme', timezone: 'UTC' },
        admin: { name: 'Ann', email: 'ann@acme.example', password: 'a long password' },
        starterTeams: true,
      },
      ['support'],
      (timezone) => ({ timezone, hours: '24/7' }),
    );
    expect(starter.gettingStarted).toBe(true);
    expect(
      organisationSpecSchema.parse({ slug: 'demo', name: 'Demo', people: [], teams: [] }).gettingStarted,
    ).toBe(false);
  });
});
