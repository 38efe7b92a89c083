/** Why a receiving team sends a handoff back: the known reasons (any other snake_case code is allowed). */
export const bounceReasons = [
  'wrong_team',
  'missing_context',
  'duplicate',
  'not_ours',
  'needs_customer',
  'other',
] as const;

/** The known reasons as people read them, in the app and in notifications alike. */
export const bounceReasonLabels: Readonly<Record<string, string>> = {
  wrong_team: 'Wrong team',
  missing_context: 'Missing context',
  duplicate: 'Duplicate',
  not_ours: 'Not ours to handle',
  needs_customer: 'Needs the customer first',
  other: 'Other',
};
