// Every table, for Drizzle's typed queries and drizzle-kit. Tables live with their module.
export * from '../analytics/analytics.table.ts';
export * from '../auth/auth.table.ts';
export * from '../cases/cases.table.ts';
export * from '../customers/customers.table.ts';
export * from '../documents/documents.table.ts';
export * from '../events/events.table.ts';
export * from '../handoffs/handoffs.table.ts';
export * from '../integrations/adapters.table.ts';
export * from '../integrations/integrations.table.ts';
export * from '../jobs/timers.table.ts';
export * from '../notifications/notifications.table.ts';
export * from '../orgs/orgs.table.ts';
export * from '../people/people.table.ts';
export * from '../qa/qa.table.ts';
export * from '../scenarios/scenarios.table.ts';
export * from '../sla/sla.table.ts';
export * from '../teams/teams.table.ts';
