import { describe, expect, it } from 'vitest';
import { batchesOf, ratingValue, readRatingsFile, spanOf } from '../../web/src/analytics/ratings-file.ts';

describe("reading a helpdesk's ratings file in the browser", () => {
  it('reads a CSV export by its column names, in the helpdesks’ words', () => {
    const f = readRatingsFile(
      'Ticket ID,Satisfaction,Created at,Comment,Rating ID\r\n' +
        '5101,"Good, I\'m satisfied",2026-11-03T10:00:00Z,Quick,zr-1\r\n' +
        '5102,bad,2026-11-04T10:00:00+01:00,"Slow, and rude",zr-2\r\n' +
        ',,,,\r\n' +
        '5103,4,,,\r\n',
    );
    expect(f.problems).toEqual([]);
    expect(f.format).toBe('csv');
    expect(f.ratings).toEqual([
      {
        caseExternalId: '5101',
        rating: 'good',
        at: '2026-11-03T10:00:00.000Z',
        comment: 'Quick',
        externalId: 'zr-1',
      },
      {
        caseExternalId: '5102',
        rating: 'bad',
        at: '2026-11-04T09:00:00.000Z',
        comment: 'Slow, and rude',
        externalId: 'zr-2',
      },
      { caseExternalId: '5103', rating: 4 },
    ]);
    expect(f.places).toEqual(['line 2', 'line 3', 'line 5']);
    expect(spanOf(f.ratings)).toEqual({
      first: '2026-11-03T10:00:00.000Z',
      last: '2026-11-04T09:00:00.000Z',
    });
  });

  it('names every line it cannot read, and a file without the columns it needs', () => {
    const f = readRatingsFile('ticket,rating,date\n5101,great,2026-11-03\n,5,\n5103,3,someday\n');
    expect(f.problems).toEqual([
      { where: 'line 2', message: '"great" is no rating (1 to 5, good or bad)' },
      { where: 'line 3', message: 'no ticket' },
      { where: 'line 4', message: '"someday" is no date and time' },
    ]);
    expect(readRatingsFile('name,score\nAnn,5\n').problems).toEqual([
      { where: 'line 1', message: expect.stringMatching(/^no ticket column \(one of: ticket, ticket_id/) },
    ]);
    expect(readRatingsFile('ticket,rating\n"5101,4\n').problems[0]!.where).toBe('line 2');
  });

  it("reads a page of Freshdesk's ratings API as stars, and the import's own JSON as it is", () => {
    const page = [
      {
        id: 9001,
        ticket_id: 7001,
        created_at: '2026-11-16T12:00:00Z',
        feedback: ' Lovely ',
        ratings: { default_question: 103 },
      },
      {
        id: 9002,
        ticket_id: 7002,
        created_at: '2026-11-16T13:00:00Z',
        feedback: null,
        ratings: { default_question: -101 },
      },
      { id: 9003, ticket_id: 7003, created_at: '2026-11-16T13:00:00Z', ratings: { default_question: 7 } },
    ];
    const f = readRatingsFile(JSON.stringify(page));
    expect(f.source).toBe('freshdesk');
    expect(f.ratings).toEqual([
      {
        caseExternalId: '7001',
        rating: 5,
        at: '2026-11-16T12:00:00.000Z',
        comment: 'Lovely',
        externalId: '9001',
      },
      { caseExternalId: '7002', rating: 2, at: '2026-11-16T13:00:00.000Z', externalId: '9002' },
    ]);
    expect(f.problems).toEqual([
      { where: 'rating 3', message: 'its default question holds no Freshdesk survey value' },
    ]);
    const own = readRatingsFile(
      JSON.stringify({ source: 'intercom', ratings: [{ caseId: 'cs_1', rating: 5 }] }),
    );
    expect([own.format, own.source, own.ratings, own.places]).toEqual([
      'baton',
      'intercom',
      [{ caseId: 'cs_1', rating: 5 }],
      ['rating 1'],
    ]);
    expect(readRatingsFile('{"ratings": 3}').problems).toEqual([
      { where: 'the file', message: 'no "ratings" list' },
    ]);
    expect(readRatingsFile('[1,').problems[0]!.message).toMatch(/^not JSON/);
  });

  it('reads rating values and batches the way the import takes them', () => {
    expect(['5', ' 1 ', 'GOOD', "Bad, I'm unsatisfied", '0', '6', 'goodish', ''].map(ratingValue)).toEqual([
      5,
      1,
      'good',
      'bad',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(batchesOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batchesOf(Array.from({ length: 600 }, (_, i) => i)).map((b) => b.length)).toEqual([250, 250, 100]);
  });
});
