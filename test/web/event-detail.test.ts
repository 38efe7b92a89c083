import { describe, expect, it } from 'vitest';
import { eventDetail, type Names } from '../../web/src/cases/event-detail.ts';

const names: Names = {
  person: (id) => ({ p_priya: 'Priya Raman', p_tom: 'Tom Becker', p_amara: 'Amara Okafor' })[id] ?? id,
  team: (key) => ({ finance: 'Finance', tier2: 'Tier 2' })[key] ?? key,
};

describe('the case timeline: one line of detail per event', () => {
  it('names teams and people as the organisation does, not by key or id', () => {
    expect(
      eventDetail('handoff.sent', { toTeam: 'tier2', ownerId: 'p_priya', completeness: 100 }, names),
    ).toBe('to Tier 2 · owner Priya Raman · completeness 100%');
    expect(eventDetail('owner.assigned', { ownerId: 'p_tom', rule: 'round-robin' }, names)).toBe(
      'owner Tom Becker · by round robin',
    );
  });

  it('says a leg was passed on to the team that accepted it, and a plain resolution by its owner', () => {
    expect(
      eventDetail('handoff.resolved', { ownerId: 'p_priya', passedOnTo: 'h_2', toTeam: 'tier2' }, names),
    ).toBe('passed on to Tier 2, who accepted it · owner Priya Raman');
    expect(eventDetail('handoff.resolved', { ownerId: 'p_tom' }, names)).toBe('owner Tom Becker');
  });

  it('shows who a change of owner went from and to, with the reason as written', () => {
    expect(
      eventDetail(
        'owner.changed',
        { from: 'p_priya', to: 'p_tom', reason: 'Priya is off sick; ACME knows Tom' },
        names,
      ),
    ).toBe('Priya Raman → Tom Becker · “Priya is off sick; ACME knows Tom”');
    // Made by an API token without a person: the token's name says who.
    expect(
      eventDetail(
        'owner.changed',
        { from: 'p_priya', to: 'p_tom', reason: 'sync', via: 'Zendesk sync' },
        names,
      ),
    ).toBe('Priya Raman → Tom Becker · “sync” · by Zendesk sync (API token)');
  });

  it('says a bounce in the words of the bounce dialog, with the note and who it went back to', () => {
    expect(
      eventDetail('handoff.bounced', { reason: 'not_ours', note: 'Billing owns VAT', to: 'p_amara' }, names),
    ).toBe('Not ours to handle · “Billing owns VAT” · back to Amara Okafor');
  });

  it('explains a sentiment dip, an issue type change and a document asked for again', () => {
    expect(eventDetail('sentiment.dip', { reason: 'floor' }, names)).toBe('Very negative message');
    expect(eventDetail('sentiment.dip', { reason: 'drop' }, names)).toBe('Sharp fall from earlier messages');
    expect(eventDetail('case.issue_type_set', { from: 'billing', to: 'technical' }, names)).toBe(
      'Billing → Technical',
    );
    expect(
      eventDetail(
        'document.requested',
        { kind: 'bank_statement', reason: 'The one on file is from 2024', onFile: 'stmt.pdf' },
        names,
      ),
    ).toBe('Bank statement · “The one on file is from 2024” · on file: stmt.pdf');
  });

  it('names the failed critical criteria of a review, and says nothing of them when none failed', () => {
    expect(eventDetail('qa.reviewed', { total: 100, criticalFail: [] }, names)).toBe('score 100');
    expect(
      eventDetail('qa.reviewed', { total: 0, criticalFail: ['accurate_info', 'no_repeat'] }, names),
    ).toBe('score 0 · critical fail: Accurate info, No repeat');
  });

  it('says why a case was resolved or opened again: where it was, its journey, the customer, a send', () => {
    expect(eventDetail('case.resolved', { from: 'open' }, names)).toBe('where it was, no handoff open');
    expect(eventDetail('case.resolved', { from: 'open', handoffId: 'ho_1' }, names)).toBe(
      'its last open handoff was resolved',
    );
    expect(eventDetail('case.reopened', { from: 'resolved', messageId: 'msg_1' }, names)).toBe(
      'was resolved; the customer wrote again',
    );
    expect(eventDetail('case.reopened', { from: 'closed', handoffId: 'ho_2' }, names)).toBe(
      'was closed; a handoff was sent',
    );
    expect(eventDetail('message.added', { role: 'customer', closingThanks: true }, names)).toBe(
      'from the customer · only thanks: the case was not reopened',
    );
    expect(eventDetail('message.added', { role: 'customer' }, names)).toBe('from the customer');
    expect(eventDetail('message.added', { role: 'internal' }, names)).toBe('internal note');
  });

  it('falls back to the fields it knows for other events, and to nothing without data', () => {
    expect(eventDetail('sla.breached', { clock: 'acknowledge', ownerId: 'p_priya' }, names)).toBe(
      'owner Priya Raman · Acknowledge clock',
    );
    expect(eventDetail('something.new', null, names)).toBe('');
  });
});
