import { describe, expect, it } from 'vitest';
import { problems, toDraft } from '../../web/src/settings/calendar-form.ts';

const draft = (mon: [string, string][]) =>
  toDraft({ timezone: 'Europe/London', hours: { mon, tue: [['09:00', '17:00']] } });

describe('the calendar editor’s hours', () => {
  it('finds nothing in hours that follow each other', () => {
    expect(
      problems(
        draft([
          ['09:00', '12:30'],
          ['13:15', '17:30'],
        ]),
      ),
    ).toEqual(new Map());
    expect(
      problems(
        draft([
          ['09:00', '12:30'],
          ['12:30', '17:30'],
        ]),
      ),
    ).toEqual(new Map());
  });

  it('marks the hours that overlap others of the day, naming those, in whatever order they were typed', () => {
    expect(
      problems(
        draft([
          ['09:00', '14:00'],
          ['13:15', '17:30'],
        ]),
      ),
    ).toEqual(new Map([['mon.1.open', 'Overlaps 09:00–14:00']]));
    expect(
      problems(
        draft([
          ['13:15', '17:30'],
          ['09:00', '14:00'],
        ]),
      ),
    ).toEqual(new Map([['mon.0.open', 'Overlaps 09:00–14:00']]));
  });

  it('says a range that closes before it opens is the fault, with its opening', () => {
    expect(problems(draft([['09:00', '08:00']])).get('mon.0.close')).toBe(
      'Closes at or before it opens (09:00)',
    );
  });
});
