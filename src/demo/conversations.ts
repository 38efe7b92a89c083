import { billingCases } from './conversations/billing.ts';
import type { DemoCase } from './script.ts';

/** Every demo case, in the order they are played. */
export const demoConversations: readonly DemoCase[] = [...billingCases];
