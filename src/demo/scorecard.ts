import type { Scorecard } from '../qa/qa.types.ts';

/**
 * The demo's QA rubric, so a reviewer can score a handoff on first start. Its criteria follow the
 * seed's failures: context handed over, the right team, the customer kept informed.
 */
export const demoScorecard: Scorecard = {
  name: 'Handoff review',
  description: 'Scores the transition itself: what the receiving team got, and what the customer heard.',
  criteria: [
    {
      id: 'context_complete',
      label: 'The packet lets the receiver act without asking again',
      weight: 3,
      scale: { min: 1, max: 5 },
    },
    {
      id: 'right_team',
      label: 'Sent to the team that owns this kind of issue',
      weight: 2,
      scale: 'pass_fail',
      critical: true,
    },
    {
      id: 'customer_informed',
      label: 'The customer was told who has the case and when they will hear back',
      weight: 2,
      scale: { min: 1, max: 5 },
    },
    {
      id: 'documents_reused',
      label: 'Documents on file were used, not asked for again',
      weight: 1,
      scale: 'pass_fail',
      onlyForScenarios: ['billing-to-finance'],
    },
  ],
};
