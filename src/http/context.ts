import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Hub } from '../events/hub.ts';

export type Role = 'agent' | 'lead' | 'supervisor' | 'qa' | 'admin';
export const roles: readonly Role[] = ['agent', 'lead', 'supervisor', 'qa', 'admin'];

/** Who is calling: always inside exactly one organisation. */
export type Principal = {
  orgId: string;
  personId: string | null;
  roles: ReadonlySet<Role>;
  /** `scim`: the organisation's provisioning token, which no role check passes (only `/scim/v2` takes it). */
  via: 'admin-token' | 'api-token' | 'session' | 'webhook' | 'scim';
  /** An API token's name: what a change made by a token without a person is said to be by. */
  tokenName?: string;
  /**
   * A signed-in person whom the organisation requires to sign in in two steps and who has not set
   * it up: until they do, only their own account's routes answer (`two_step_setup_required`).
   */
  twoStepSetupDue?: boolean;
};

/** What every route and command may use; "now" comes from `clock` so tests can move time. */
export type Services = {
  database: Database;
  config: Config;
  logger: Logger;
  clock: () => Date;
  hub: Hub;
  /**
   * For work a request starts and does not wait for: the process's database even when `database`
   * is the request's transaction (an Idempotency-Key runs the route inside one, which ends with
   * the answer). Unset means `database` is already that.
   */
  background?: Database;
};

export type AppEnv = {
  Variables: {
    services: Services;
    principal: Principal;
    requestId: string;
    log: Logger;
  };
};
