import type { Availability } from '../api/types.ts';

/** A person's availability in their words, and what it does to their handoffs. */
export const availabilityWords: Record<Availability, { label: string; effect: string }> = {
  available: { label: 'Available', effect: 'New handoffs can come to you.' },
  away: {
    label: 'Away',
    effect:
      'New handoffs go to others; those waiting for you to pick up are handed on. Accepted ones stay yours.',
  },
  offline: {
    label: 'Offline',
    effect:
      'New handoffs go to others; those waiting for you to pick up are handed on. Accepted ones stay yours.',
  },
};

export const availabilities: Availability[] = ['available', 'away', 'offline'];
