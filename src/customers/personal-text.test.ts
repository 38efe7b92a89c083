import { describe, expect, it } from 'vitest';
import { EventType } from '../events/names.ts';
import { ERASED, erasedValue, personalKeys, splitPersonal } from './personal-text.ts';

describe('personal text beside the case log', () => {
  it('names only event types the log writes', () => {
    const known: string[] = Object.values(EventType);
    expect(Object.keys(personalKeys).filter((t) => !known.includes(t))).toEqual([]);
  });

  it('splits the personal keys of a type from what the log keeps', () => {
    expect(
      splitPersonal('handoff.bounced', { handoffId: 'ho_1', reason: 'wrong_team', note: 'Ada called' }),
    ).toEqual({
      kept: { handoffId: 'ho_1', reason: 'wrong_team' },
      personal: { note: 'Ada called' },
    });
    // A key left out stays out; a null is still the event's, kept beside it.
    expect(splitPersonal('handoff.bounced', { handoffId: 'ho_1', note: null })).toEqual({
      kept: { handoffId: 'ho_1' },
      personal: { note: null },
    });
  });

  it('keeps everything in the log for types that carry no personal text, or an event without those keys', () => {
    const data = { handoffId: 'ho_1', text: 'not a personal key of this type' };
    expect(splitPersonal('handoff.sent', data)).toEqual({ kept: data, personal: null });
    expect(splitPersonal('case.created', { channel: 'chat' })).toEqual({
      kept: { channel: 'chat' },
      personal: null,
    });
  });

  it('erases text to the marker, keeping shape, numbers, booleans and nulls', () => {
    expect(erasedValue({ a: 'x', b: ['y', 2], c: { d: true, e: null } })).toEqual({
      a: ERASED,
      b: [ERASED, 2],
      c: { d: true, e: null },
    });
  });
});
