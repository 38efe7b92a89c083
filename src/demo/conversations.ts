import { accountCases } from './conversations/accounts.ts';
import { appointmentCases } from './conversations/appointments.ts';
import { billingCases } from './conversations/billing.ts';
import { deviceCases } from './conversations/devices.ts';
import { financeCases } from './conversations/finance.ts';
import { liveCases } from './conversations/live.ts';
import { recentCases } from './conversations/recent.ts';
import { repairCases } from './conversations/repairs.ts';
import { techCases } from './conversations/tech.ts';
import type { DemoCase } from './script.ts';

/** Every demo case, in the order they are played. */
export const demoConversations: readonly DemoCase[] = [
  ...billingCases,
  ...financeCases,
  ...techCases,
  ...deviceCases,
  ...repairCases,
  ...appointmentCases,
  ...accountCases,
  ...recentCases,
  ...liveCases,
];
