import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';
import {
  intercomHeaders,
  postInbound,
  useVendorSecrets,
  zendeskHeaders,
} from '../support/vendor-webhooks.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
type Rating = { rating: string; comment: string | null; source: string; externalId: string | null };

describeOnDatabases('helpdesk adapters: satisfaction ratings', (h) => {
  useVendorSecrets(h);

  const zendesk = (body: object, invocation: string) => {
    const raw = JSON.stringify(body);
    return postInbound(h, 'zendesk', raw, {
      ...zendeskHeaders(raw, h().now().toISOString()),
      'x-zendesk-webhook-invocation-id': invocation,
    });
  };
  const intercom = (body: object) => {
    const raw = JSON.stringify(body);
    return postInbound(h, 'intercom', raw, intercomHeaders(raw));
  };
  const ratingsOf = async (caseId: string) =>
    (await h().request('GET', `/api/v1/cases/${caseId}/satisfaction`)).body.items as Rating[];
  const ratedLog = async (caseId: string) =>
    (await h().request('GET', `/api/v1/cases/${caseId}/events`)).body.items
      .filter((e: { type: string }) => e.type === 'satisfaction.rated')
      .map((e: { data: { rating: string; source: string; changedFrom?: string } }) => e.data);

  it('Zendesk triggers: a rating is recorded once, a changed one replaces it, offered and unreadable ones change nothing', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const opened = await zendesk(fixture('zendesk-trigger-ticket-created-profile'), 'inv-csat-1');
    expect(opened).toMatchObject({ status: 202, body: { duplicate: false } });
    const caseId = opened.body.caseId as string;
    const satisfaction = (rating: string, comment = '') => {
      const body = fixture('zendesk-trigger-ticket-created-profile');
      body.event = 'satisfaction_changed';
      body.ticket.satisfaction = { rating, comment };
      return body;
    };

    // The survey went out: nothing to record yet.
    h().advance(86_400_000);
    let before = await snapshotAll(h().database);
    const offered = await zendesk(satisfaction('Offered'), 'inv-csat-2');
    expect(offered).toEqual({ status: 202, body: { ignored: 'the ticket has no satisfaction rating yet' } });
    expect(await snapshotAll(h().database)).toEqual(before);

    const good = await zendesk(satisfaction("Good, I'm satisfied", 'Sorted in a day'), 'inv-csat-3');
    expect(good).toMatchObject({
      status: 202,
      body: { caseId, satisfaction: 'created', duplicate: false },
    });
    expect(await ratingsOf(caseId)).toMatchObject([
      { rating: 'good', comment: 'Sorted in a day', source: 'zendesk', externalId: '6088' },
    ]);

    // Zendesk delivering the same invocation again: the adapter's exactly-once, nothing written.
    before = await snapshotAll(h().database);
    const again = await zendesk(satisfaction("Good, I'm satisfied", 'Sorted in a day'), 'inv-csat-3');
    expect(again).toMatchObject({ status: 202, body: { caseId, duplicate: true } });
    expect(await snapshotAll(h().database)).toEqual(before);

    // The customer changes their mind: a new invocation, the same ticket's rating.
    h().advance(3_600_000);
    const bad = await zendesk(satisfaction('Bad', 'The second invoice came back'), 'inv-csat-4');
    expect(bad.body).toMatchObject({ caseId, satisfaction: 'changed', duplicate: false });
    expect(await ratingsOf(caseId)).toMatchObject([
      { rating: 'bad', comment: 'The second invoice came back', source: 'zendesk', externalId: '6088' },
    ]);
    expect(await ratedLog(caseId)).toMatchObject([
      { rating: 'good', source: 'zendesk' },
      { rating: 'bad', source: 'zendesk', changedFrom: 'good' },
    ]);

    // Another trigger whose body carries the same rating: its event applies, the rating stands.
    const commented = fixture('zendesk-trigger-ticket-created-profile');
    commented.event = 'comment_added';
    commented.ticket.comment = 'Any news on the refund?';
    commented.ticket.satisfaction = { rating: 'Bad', comment: 'The second invoice came back' };
    expect((await zendesk(commented, 'inv-csat-5')).body).toMatchObject({ satisfaction: 'unchanged' });
    expect(await ratingsOf(caseId)).toHaveLength(1);

    // A rating Baton cannot read is refused with the field, and nothing is written.
    before = await snapshotAll(h().database);
    const unreadable = await zendesk(satisfaction('Gut, ich bin zufrieden'), 'inv-csat-6');
    expect(unreadable).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', field: 'ticket.satisfaction.rating' } },
    });
    expect(await snapshotAll(h().database)).toEqual(before);

    // With {{ticket.updated_at_with_timestamp}} in the body, the rating keeps its own time, not the arrival's.
    const timed = satisfaction('Good', 'Fixed after all');
    timed.ticket.satisfaction.at = '2026-11-24T08:00:00Z';
    expect((await zendesk(timed, 'inv-csat-7')).body).toMatchObject({ satisfaction: 'changed' });
    expect(await ratingsOf(caseId)).toMatchObject([
      { rating: 'good', comment: 'Fixed after all', ratedAt: '2026-11-24T08:00:00.000Z' },
    ]);
  });

  it('Intercom: conversation.rating.added recorded once, replaced when changed; unrated and malformed ones change nothing', async () => {
    h().setNow('2026-11-23T12:00:00Z');
    const created = await intercom(fixture('intercom-conversation-created'));
    expect(created).toMatchObject({ status: 202, body: { duplicate: false } });
    const caseId = created.body.caseId as string;
    const rated = (id: string, conversation_rating: unknown) => {
      const body = fixture('intercom-conversation-created');
      body.id = id;
      body.topic = 'conversation.rating.added';
      body.data.item.conversation_rating = conversation_rating;
      return body;
    };
    const stars = {
      rating: 5,
      remark: 'Fixed remotely, thank you',
      created_at: 1795431600,
      contact: { type: 'contact', id: '6650a1b2c3d4e5f601234567' },
      teammate: { type: 'admin', id: '814860' },
    };

    let before = await snapshotAll(h().database);
    const unrated = await intercom(rated('notif_csat_0', null));
    expect(unrated).toEqual({ status: 202, body: { ignored: 'the conversation has no rating' } });
    expect(await snapshotAll(h().database)).toEqual(before);

    const first = await intercom(rated('notif_csat_1', stars));
    expect(first).toMatchObject({ status: 202, body: { caseId, satisfaction: 'created' } });
    const [rating] = await ratingsOf(caseId);
    expect(rating).toMatchObject({
      rating: '5',
      satisfied: true,
      comment: 'Fixed remotely, thank you',
      ratedAt: '2026-11-23T11:00:00.000Z',
      source: 'intercom',
      externalId: '215471998812',
    });

    before = await snapshotAll(h().database);
    expect((await intercom(rated('notif_csat_1', stars))).body).toMatchObject({ caseId, duplicate: true });
    expect(await snapshotAll(h().database)).toEqual(before);

    const changed = await intercom(
      rated('notif_csat_2', { ...stars, rating: 2, remark: 'It failed again', updated_at: 1795435200 }),
    );
    expect(changed.body).toMatchObject({ caseId, satisfaction: 'changed' });
    expect(await ratingsOf(caseId)).toMatchObject([
      { rating: '2', satisfied: false, comment: 'It failed again', ratedAt: '2026-11-23T12:00:00.000Z' },
    ]);

    // Stars that are not 1 to 5: refused with the field, nothing written.
    before = await snapshotAll(h().database);
    for (const [n, bad] of [6, 0, 4.5, 'great'].entries()) {
      const res = await intercom(rated(`notif_csat_bad_${n}`, { ...stars, rating: bad }));
      expect(res, String(bad)).toMatchObject({
        status: 400,
        body: { error: { code: 'validation_failed', field: 'data.item.conversation_rating.rating' } },
      });
    }
    expect(await snapshotAll(h().database)).toEqual(before);

    // A rating dated ahead of the clock undoes its whole event, so Intercom's retry is no duplicate.
    const ahead = rated('notif_csat_3', { ...stars, rating: 4, updated_at: 1795438800 });
    const early = await intercom(ahead);
    expect(early).toMatchObject({ status: 422, body: { error: { code: 'rating_in_future', field: 'at' } } });
    expect(await snapshotAll(h().database)).toEqual(before);
    h().setNow('2026-11-23T13:00:00Z');
    expect((await intercom(ahead)).body).toMatchObject({ satisfaction: 'changed', duplicate: false });
    expect((await ratingsOf(caseId)).map((r) => r.rating)).toEqual(['4']);
  });
});
