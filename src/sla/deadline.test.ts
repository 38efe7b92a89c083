import { describe, expect, it } from 'vitest';
import { compileCalendar } from './calendar.ts';
import { addBusinessMs, deadline, elapsedMs, parseTarget, SlaError } from './deadline.ts';

type Hours = [string, string][];
const weekdays = (h: Hours, days = ['mon', 'tue', 'wed', 'thu', 'fri']) =>
  Object.fromEntries(days.map((d) => [d, h]));
const cal = (timezone: string, hours: unknown, holidays?: string[]) =>
  compileCalendar({ timezone, hours, holidays });
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const H = 3_600_000;

const berlin = cal('Europe/Berlin', weekdays([['09:00', '17:00']]), [
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-12-24',
  '2026-12-25',
  '2026-12-26',
]);
const berlinLongXmas = cal('Europe/Berlin', weekdays([['09:00', '17:00']]), [
  '2026-12-24',
  '2026-12-25',
  '2026-12-28',
  '2026-12-29',
  '2026-12-30',
  '2026-12-31',
  '2027-01-01',
]);
const shortFriday = cal('Europe/Berlin', {
  ...weekdays([['09:00', '17:00']], ['mon', 'tue', 'wed', 'thu']),
  fri: [['09:00', '13:00']],
});
const newYorkLunch = cal(
  'America/New_York',
  weekdays([
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ]),
  ['2026-11-26'],
);
const sydney = cal('Australia/Sydney', weekdays([['08:30', '17:30']]), ['2026-01-26']);
const kolkata = cal(
  'Asia/Kolkata',
  weekdays([['10:00', '18:30']], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
);
const adelaide = cal('Australia/Adelaide', weekdays([['09:00', '17:00']]));
const kathmandu = cal(
  'Asia/Kathmandu',
  weekdays([['10:00', '17:00']], ['sun', 'mon', 'tue', 'wed', 'thu', 'fri']),
);
// Night coverage 22:00-06:00 from Monday night to Saturday morning, split at midnight.
const nightShift = cal('America/New_York', {
  ...weekdays(
    [
      ['00:00', '06:00'],
      ['22:00', '24:00'],
    ],
    ['tue', 'wed', 'thu', 'fri'],
  ),
  mon: [['22:00', '24:00']],
  sat: [['00:00', '06:00']],
});
const saoPaulo = cal('America/Sao_Paulo', { sat: [['18:00', '24:00']], sun: [['00:00', '12:00']] });
const allHours = cal('Europe/Berlin', '24/7');
const allHoursButXmas = cal('Europe/Berlin', '24/7', ['2026-12-25']);
const gapHours = cal('Europe/Berlin', { sun: [['02:30', '04:00']] });

type Case = [string, ReturnType<typeof cal>, string, string, string];

// [why, calendar, start, target, expected deadline]; every expectation worked out by hand.
const cases: Case[] = [
  ['PT: start exactly at an opening', berlin, '2026-03-23T08:00:00Z', 'PT4H', '2026-03-23T12:00:00Z'],
  [
    'PT: start exactly at a closing waits for the next opening',
    berlin,
    '2026-03-23T16:00:00Z',
    'PT1H',
    '2026-03-24T09:00:00Z',
  ],
  [
    'PT: a count ending exactly at a close ends there',
    berlin,
    '2026-03-23T12:00:00Z',
    'PT4H',
    '2026-03-23T16:00:00Z',
  ],
  [
    'PT0M is the start itself, even when closed',
    berlin,
    '2026-03-28T10:17:00Z',
    'PT0M',
    '2026-03-28T10:17:00Z',
  ],
  [
    'PT: Saturday start, over the spring-forward weekend',
    berlin,
    '2026-03-28T10:00:00Z',
    'PT1H',
    '2026-03-30T08:00:00Z',
  ],
  [
    'PT: Friday afternoon over spring-forward',
    berlin,
    '2026-03-27T15:00:00Z',
    'PT4H',
    '2026-03-30T10:00:00Z',
  ],
  ['PT: Friday over fall-back', berlin, '2026-10-23T12:00:00Z', 'PT8H', '2026-10-26T13:00:00Z'],
  ['PT: Easter holidays Friday and Monday', berlin, '2026-04-02T13:00:00Z', 'PT4H', '2026-04-07T09:00:00Z'],
  ['PT: Christmas', berlin, '2026-12-23T15:00:00Z', 'PT2H', '2026-12-28T09:00:00Z'],
  [
    'PT: a long holiday into the new year',
    berlinLongXmas,
    '2026-12-23T15:00:00Z',
    'PT2H',
    '2027-01-04T09:00:00Z',
  ],
  ['PT: minutes only', berlin, '2026-03-23T15:45:00Z', 'PT30M', '2026-03-24T08:15:00Z'],
  ['PT: hours and minutes', berlin, '2026-03-23T08:00:00Z', 'PT9H30M', '2026-03-24T09:30:00Z'],
  ['PT: lunch break skipped', newYorkLunch, '2026-03-09T15:00:00Z', 'PT2H', '2026-03-09T18:00:00Z'],
  [
    'PT: a count ending at lunch ends at lunch',
    newYorkLunch,
    '2026-03-09T14:00:00Z',
    'PT2H',
    '2026-03-09T16:00:00Z',
  ],
  ['PT: start during lunch', newYorkLunch, '2026-03-09T16:30:00Z', 'PT30M', '2026-03-09T17:30:00Z'],
  [
    'PT: New York spring-forward weekend',
    newYorkLunch,
    '2026-03-06T21:00:00Z',
    'PT3H',
    '2026-03-09T15:00:00Z',
  ],
  ['PT: New York fall-back weekend', newYorkLunch, '2026-10-30T20:00:00Z', 'PT2H', '2026-11-02T15:00:00Z'],
  ['PT: Thanksgiving', newYorkLunch, '2026-11-25T21:30:00Z', 'PT1H', '2026-11-27T14:30:00Z'],
  ['PT: Sydney DST ends (southern autumn)', sydney, '2026-04-03T05:30:00Z', 'PT2H', '2026-04-05T23:30:00Z'],
  ['PT: Sydney DST starts (southern spring)', sydney, '2026-10-02T05:30:00Z', 'PT3H', '2026-10-04T22:30:00Z'],
  ['PT: Australia Day', sydney, '2026-01-23T06:00:00Z', 'PT1H', '2026-01-26T22:00:00Z'],
  ['PT: Kolkata +05:30, Saturday open', kolkata, '2026-06-06T12:00:00Z', 'PT2H', '2026-06-08T05:30:00Z'],
  ['PT: Adelaide +10:30 -> +09:30', adelaide, '2026-04-03T05:30:00Z', 'PT2H', '2026-04-06T00:30:00Z'],
  ['PT: Kathmandu +05:45, Sunday open', kathmandu, '2026-05-01T11:00:00Z', 'PT30M', '2026-05-03T04:30:00Z'],
  ['PT: night shift across 24:00/00:00', nightShift, '2026-03-02T23:00:00Z', 'PT4H', '2026-03-03T07:00:00Z'],
  [
    'PT: shift ending 24:00 on a midnight DST gap',
    saoPaulo,
    '2018-11-03T21:00:00Z',
    'PT6H',
    '2018-11-04T03:00:00Z',
  ],
  ['PT: ...and on into Sunday', saoPaulo, '2018-11-03T21:00:00Z', 'PT7H', '2018-11-04T04:00:00Z'],
  ['PT: 24:00 after a midnight fall-back', saoPaulo, '2019-02-16T20:00:00Z', 'PT7H', '2019-02-17T03:00:00Z'],
  [
    'PT: 24/7 counts real time through a gap',
    allHours,
    '2026-03-29T00:30:00Z',
    'PT4H',
    '2026-03-29T04:30:00Z',
  ],
  ['PT: 24/7 with a holiday', allHoursButXmas, '2026-12-24T22:00:00Z', 'PT2H', '2026-12-26T00:00:00Z'],
  ['PT: interval starting inside the gap', gapHours, '2026-03-29T00:00:00Z', 'PT30M', '2026-03-29T01:30:00Z'],
  ['PT: interval ending after the overlap', gapHours, '2026-10-25T00:00:00Z', 'PT2H', '2026-10-25T02:30:00Z'],
  ['PT: milliseconds kept', berlin, '2026-03-23T10:00:00.123Z', 'PT1M', '2026-03-23T10:01:00.123Z'],

  // P{n}D: s' first open instant >= start, D0 its day, k = business time from D0's first opening to s'.
  ['P1D: k = 0 at the opening -> close of D0', berlin, '2026-03-23T08:00:00Z', 'P1D', '2026-03-23T16:00:00Z'],
  [
    'P2D: k = 0 -> close of the next working day',
    berlin,
    '2026-03-23T08:00:00Z',
    'P2D',
    '2026-03-24T16:00:00Z',
  ],
  ["P1D: before opening, s' = opening, k = 0", berlin, '2026-03-23T06:00:00Z', 'P1D', '2026-03-23T16:00:00Z'],
  ['P1D: k = 3h30 -> 3h30 into the next day', berlin, '2026-03-23T11:30:00Z', 'P1D', '2026-03-24T11:30:00Z'],
  ['P2D: k = 3h30 -> two working days on', berlin, '2026-03-23T11:30:00Z', 'P2D', '2026-03-25T11:30:00Z'],
  [
    'P1D: start at a closing -> D0 is the next day, k = 0',
    berlin,
    '2026-03-23T16:00:00Z',
    'P1D',
    '2026-03-24T16:00:00Z',
  ],
  [
    'P1D: Friday 16:00 CET -> Monday 16:00 CEST',
    berlin,
    '2026-03-27T15:00:00Z',
    'P1D',
    '2026-03-30T14:00:00Z',
  ],
  ['P1D: Saturday -> close of Monday', berlin, '2026-03-28T10:00:00Z', 'P1D', '2026-03-30T15:00:00Z'],
  ['P1D: holidays skipped (Easter)', berlin, '2026-04-02T13:00:00Z', 'P1D', '2026-04-07T13:00:00Z'],
  ['P1D: start on a holiday', berlin, '2026-12-24T10:00:00Z', 'P1D', '2026-12-28T16:00:00Z'],
  [
    'P1D: day shorter than k -> its last close',
    shortFriday,
    '2026-03-26T14:00:00Z',
    'P1D',
    '2026-03-27T12:00:00Z',
  ],
  [
    'P2D: ...the following day is long enough',
    shortFriday,
    '2026-03-26T14:00:00Z',
    'P2D',
    '2026-03-30T13:00:00Z',
  ],
  ['P1D: lunch counted in neither day', newYorkLunch, '2026-03-09T18:00:00Z', 'P1D', '2026-03-10T18:00:00Z'],
  [
    'P1D: k ending exactly at lunch ends at lunch',
    newYorkLunch,
    '2026-03-09T16:00:00Z',
    'P1D',
    '2026-03-10T16:00:00Z',
  ],
  ['P1D: Sydney spring-forward', sydney, '2026-10-02T00:30:00Z', 'P1D', '2026-10-04T23:30:00Z'],
  ['P1D: Kolkata at the opening', kolkata, '2026-06-08T04:30:00Z', 'P1D', '2026-06-08T13:00:00Z'],
  ['P1D: Adelaide k = 2h', adelaide, '2026-04-06T01:30:00Z', 'P1D', '2026-04-07T01:30:00Z'],
  ['P1D: Kathmandu Sunday opening', kathmandu, '2026-05-03T04:15:00Z', 'P1D', '2026-05-03T11:15:00Z'],
  [
    "P1D: night shift, D0 is the local date of s'",
    nightShift,
    '2026-03-03T07:00:00Z',
    'P1D',
    '2026-03-04T07:00:00Z',
  ],
  [
    'P1D: night shift, k = 0 -> close of D0 is its 24:00',
    nightShift,
    '2026-03-02T23:00:00Z',
    'P1D',
    '2026-03-03T05:00:00Z',
  ],
  ['P1D: k = 0 on a midnight-gap day', saoPaulo, '2018-11-03T21:00:00Z', 'P1D', '2018-11-04T03:00:00Z'],
  [
    'P1D: k = 2h -> 2h into the gap-shortened Sunday',
    saoPaulo,
    '2018-11-03T23:00:00Z',
    'P1D',
    '2018-11-04T05:00:00Z',
  ],
  [
    'P1D: 24/7 days are local dates; k = 13h into a 23h day',
    allHours,
    '2026-03-28T12:00:00Z',
    'P1D',
    '2026-03-29T12:00:00Z',
  ],
  [
    "P1D: 24/7 from local midnight -> that day's 24:00",
    allHours,
    '2026-03-28T23:00:00Z',
    'P1D',
    '2026-03-29T22:00:00Z',
  ],
  ['P2D: 24/7 over fall-back', allHours, '2026-10-24T10:00:00Z', 'P2D', '2026-10-26T11:00:00Z'],
  ["P0D: s' itself", berlin, '2026-03-28T10:00:00Z', 'P0D', '2026-03-30T07:00:00Z'],
];

describe('deadline', () => {
  it.each(cases)('%s', (_why, calendar, start, target, expected) => {
    expect(iso(deadline(calendar, Date.parse(start), target))).toBe(expected);
  });

  it('takes parsed targets and any offset in the start', () => {
    const start = Date.parse('2026-03-23T13:30:00+05:30');
    expect(iso(deadline(berlin, start, parseTarget('PT1H')))).toBe('2026-03-23T09:00:00Z');
  });

  it('never-open calendars fail clearly, except PT0M', () => {
    const never = cal('UTC', {});
    const start = Date.parse('2026-03-23T10:00:00Z');
    expect(deadline(never, start, 'PT0M')).toBe(start);
    expect(() => deadline(never, start, 'PT1H')).toThrow(SlaError);
    expect(() => deadline(never, start, 'P1D')).toThrow(/never open/);
    // Holidays on every date for 11 years: closed for longer than the engine will search.
    const allHolidays = Array.from({ length: 11 * 366 }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    );
    const shut = cal('UTC', '24/7', allHolidays);
    expect(() => deadline(shut, start, 'PT1M')).toThrow(/within 10 years/);
    expect(() => deadline(shut, start, 'P1D')).toThrow(/within 10 years/);
    const gapOnly = cal('Europe/Berlin', { sun: [['02:10', '02:50']] }, ['2026-03-29']);
    expect(iso(deadline(gapOnly, Date.parse('2026-03-28T00:00:00Z'), 'PT10M'))).toBe('2026-04-05T00:20:00Z');
  });

  it('refuses absurd targets instead of looping', () => {
    expect(() => deadline(berlin, 0, 'PT99999999H')).toThrow(/100 years/);
  });
});

describe('parseTarget', () => {
  it.each([
    ['PT4H', { kind: 'time', ms: 4 * H }],
    ['PT30M', { kind: 'time', ms: 30 * 60_000 }],
    ['PT1H30M', { kind: 'time', ms: 1.5 * H }],
    ['PT0M', { kind: 'time', ms: 0 }],
    ['PT90S', { kind: 'time', ms: 90_000 }],
    ['P1D', { kind: 'days', days: 1 }],
    ['P10D', { kind: 'days', days: 10 }],
  ])('%s', (text, expected) => expect(parseTarget(text)).toEqual(expected));

  it.each(['PT', 'P', 'P1H', '4H', 'P1DT2H', 'PT-1H', '', 'PT1.5H', 'P1W'])('rejects %j', (text) => {
    expect(() => parseTarget(text)).toThrow(SlaError);
  });
});

describe('elapsedMs and addBusinessMs', () => {
  it('counts business time in [from, to)', () => {
    expect(elapsedMs(berlin, Date.parse('2026-03-27T15:00:00Z'), Date.parse('2026-03-30T10:00:00Z'))).toBe(
      4 * H,
    );
    expect(
      elapsedMs(newYorkLunch, Date.parse('2026-03-09T13:00:00Z'), Date.parse('2026-03-09T22:00:00Z')),
    ).toBe(7 * H);
    expect(elapsedMs(berlin, Date.parse('2026-03-30T10:00:00Z'), Date.parse('2026-03-27T15:00:00Z'))).toBe(0);
    expect(elapsedMs(allHours, Date.parse('2026-03-28T23:00:00Z'), Date.parse('2026-03-29T22:00:00Z'))).toBe(
      23 * H,
    );
  });

  it('recomputes a paused clock from its remaining business time', () => {
    const start = Date.parse('2026-03-23T14:00:00Z'); // Mon 15:00, PT4H -> Tue 11:00
    const due = deadline(berlin, start, 'PT4H');
    const pausedAt = Date.parse('2026-03-23T15:00:00Z'); // one hour used
    const remaining = 4 * H - elapsedMs(berlin, start, pausedAt);
    const resumedAt = Date.parse('2026-03-25T08:00:00Z'); // Wed 09:00
    expect(iso(due)).toBe('2026-03-24T10:00:00Z');
    expect(iso(addBusinessMs(berlin, resumedAt, remaining))).toBe('2026-03-25T11:00:00Z');
    expect(addBusinessMs(berlin, resumedAt, -5)).toBe(resumedAt);
  });
});
