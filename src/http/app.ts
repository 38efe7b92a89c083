import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { registerAdminChangeRoutes } from '../admin/admin-changes.routes.ts';
import { registerAnalyticsRoutes } from '../analytics/analytics.routes.ts';
import { registerAuthRoutes, registerOwnPasswordRoute } from '../auth/auth.routes.ts';
import { registerPasswordResetRoutes, registerPersonLinkRoute } from '../auth/password-reset.routes.ts';
import { samlAcsPath } from '../auth/saml.ts';
import { registerOwnSessionRoutes } from '../auth/sessions.routes.ts';
import { registerSignInSettingsRoutes } from '../auth/sign-in-settings.routes.ts';
import { registerSsoSettingsRoutes } from '../auth/single-sign-on.routes.ts';
import { registerSsoFlowRoutes } from '../auth/sso-flow.routes.ts';
import { registerTokenRoutes } from '../auth/tokens.routes.ts';
import { registerTwoStepRoutes } from '../auth/two-step.routes.ts';
import { registerCaseRoutes } from '../cases/cases.routes.ts';
import { registerRoomRoutes } from '../cases/room.routes.ts';
import { registerContinuityRoutes } from '../continuity/continuity.routes.ts';
import { registerConversationRoutes } from '../conversation/conversation.routes.ts';
import { registerCustomerRoutes } from '../customers/customers.routes.ts';
import { registerPrivacyRoutes } from '../customers/privacy.routes.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { uniqueViolation } from '../db/unique.ts';
import { registerExportRoutes } from '../exports/exports.routes.ts';
import { registerHandoffRoutes } from '../handoffs/handoffs.routes.ts';
import { registerAdapterRoutes } from '../integrations/adapters.routes.ts';
import { registerIntegrationRoutes } from '../integrations/integrations.routes.ts';
import { registerEmailRoutes } from '../notifications/email.routes.ts';
import { registerNotificationRoutes } from '../notifications/notifications.routes.ts';
import { registerGettingStartedRoutes } from '../orgs/getting-started.routes.ts';
import { registerSetupRoutes } from '../orgs/setup.routes.ts';
import { registerOwnershipRoutes } from '../ownership/ownership.routes.ts';
import { registerPeopleRoutes } from '../people/people.routes.ts';
import { registerProvisioningRoutes } from '../provisioning/provisioning.routes.ts';
import { authenticateScim, registerScimDiscoveryRoutes, scimBodies } from '../provisioning/scim.routes.ts';
import { scimMediaType } from '../provisioning/scim-endpoint.ts';
import { registerScimGroupRoutes } from '../provisioning/scim-groups.routes.ts';
import { ScimProblem, scimErrorBody } from '../provisioning/scim-problem.ts';
import { registerScimUserRoutes } from '../provisioning/scim-users.routes.ts';
import { registerQaRoutes } from '../qa/qa.routes.ts';
import { registerSatisfactionRoutes } from '../satisfaction/satisfaction.routes.ts';
import { registerScenarioRoutes } from '../scenarios/scenarios.routes.ts';
import { registerSlaRoutes } from '../sla/sla.routes.ts';
import { registerTeamRoutes } from '../teams/teams.routes.ts';
import { registerVocabularyRoutes } from '../vocabulary/vocabulary.routes.ts';
import { authenticate } from './auth.ts';
import { limitBody } from './body-limit.ts';
import type { AppEnv, Services } from './context.ts';
import { ApiError } from './errors.ts';
import { idempotency } from './idempotency.ts';
import { rateLimits } from './rate-limit-guard.ts';
import { securityHeaders } from './security-headers.ts';
import { registerStreamRoutes } from './stream.routes.ts';
import { rejectUnstorableText, validationHook } from './validation.ts';

export type App = OpenAPIHono<AppEnv>;

export function createApp(services: Services): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const limits = rateLimits(services);

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id') ?? randomUUID();
    const log = services.logger.child({ requestId });
    c.set('services', services);
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    // On the answer's own headers: c.header() on a finished answer copies it, body stream and all.
    c.res.headers.set('X-Request-Id', requestId);
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use('*', securityHeaders(services.config.trustProxy));

  /** An error as the caller expects it: Baton's `{error}` body, or SCIM's under `/scim/`. */
  const answer = (c: Context<AppEnv>, e: ApiError) => {
    if (!c.req.path.startsWith('/scim/')) return c.json(e.body(), e.status as 400);
    // The catalogue's code rides in a header: SCIM's body has no place for it.
    return c.body(JSON.stringify(scimErrorBody(e.status, e.code, e.message)), e.status as 400, {
      'content-type': `${scimMediaType}; charset=utf-8`,
      'x-baton-error-code': e.code,
    });
  };

  app.onError((error, c) => {
    if (error instanceof ScimProblem)
      return answer(c, new ApiError(error.code, error.message, error.details));
    if (error instanceof ApiError) {
      if (error.code === 'rate_limited') c.header('Retry-After', String(error.details.retryAfterS ?? 1));
      return answer(c, error);
    }
    if (error instanceof HTTPException) {
      // zod-openapi's own gate answers a required body sent with an empty Content-Type with 415.
      const code =
        error.status === 413
          ? 'payload_too_large'
          : error.status === 400
            ? 'invalid_json'
            : error.status === 415
              ? 'unsupported_media_type'
              : undefined;
      if (code) {
        const e = new ApiError(
          code,
          code === 'unsupported_media_type'
            ? 'send Content-Type: application/json'
            : error.message || 'malformed request body',
          code === 'payload_too_large' ? { limit: services.config.bodyLimit } : {},
        );
        return answer(c, e);
      }
    }
    const unique = uniqueViolation(error);
    if (unique) {
      // A write that raced another to the same key (the routes check first where they can).
      const e = new ApiError('conflict', 'this conflicts with something that exists already', {
        constraint: unique,
      });
      return answer(c, e);
    }
    if (isDatabaseUnavailable(error)) {
      // PostgreSQL restarting or failing over: the client should retry (with its Idempotency-Key), not report a bug.
      c.var.log?.warn({ err: error }, 'database unavailable');
      c.header('Retry-After', '1');
      return answer(c, new ApiError('unavailable', 'the database is not reachable right now; retry'));
    }
    c.var.log?.error({ err: error }, 'unhandled error');
    return answer(c, new ApiError('internal', 'unexpected error', { requestId: c.var.requestId }));
  });

  app.notFound((c) =>
    answer(c, new ApiError('not_found', `no route ${c.req.method} ${c.req.path}`, { resource: 'route' })),
  );

  app.get('/healthz', (c) => c.json({ ok: true, database: services.database.kind }));

  app.use('/api/*', limitBody(services.config.bodyLimit));
  app.use('/api/v1/*', async (c, next) => {
    const type = c.req.header('content-type');
    // SAML's identity provider posts its response as a form, through the browser (HTTP-POST binding).
    const form = c.req.path === samlAcsPath;
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type && !type.includes('json') && !form) {
      throw new ApiError('unsupported_media_type', 'send Content-Type: application/json');
    }
    await next();
  });
  app.use('/api/v1/*', rejectUnstorableText);
  app.use('/api/v1/auth/login', limits.login);
  app.use('/api/v1/auth/password-reset', limits.passwordReset);
  app.use('/api/v1/auth/password-reset/confirm', limits.passwordResetDone);
  app.use('/api/v1/auth/sso/start', limits.ssoStart);
  registerAuthRoutes(app);
  registerPasswordResetRoutes(app);
  registerSsoFlowRoutes(app);
  registerSetupRoutes(app);
  app.use('/api/v1/*', limits.tokens);
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/api/v1/auth/login') || c.req.path.startsWith('/api/v1/webhooks/inbound/'))
      return next();
    return authenticate(c, next);
  });
  // Before the Idempotency-Key's transaction: the limiter writes on the process's database, which
  // on PGlite is the one connection that transaction holds.
  app.use('/api/v1/me/password', limits.ownPassword);
  app.use('/api/v1/me/two-step/disable', limits.ownPassword);
  app.use('/api/v1/*', async (c, next) => {
    // A test e-mail writes nothing to replay, and inside the key's transaction it would hold PGlite's
    // one connection for as long as the SMTP server takes (up to its 10-second timeout).
    if (!c.var.principal || c.req.path === '/api/v1/notifications/email/test') return next();
    // Two-step sign-in's answers hold a secret and recovery codes shown once, as a new provisioning
    // token's does: never stored to replay.
    if (c.req.path.startsWith('/api/v1/me/two-step/') || c.req.path === '/api/v1/settings/provisioning')
      return next();
    return idempotency(c, next);
  });

  registerOwnPasswordRoute(app);
  registerOwnSessionRoutes(app);
  registerTwoStepRoutes(app);
  registerSignInSettingsRoutes(app);
  registerSsoSettingsRoutes(app);
  registerGettingStartedRoutes(app);
  registerProvisioningRoutes(app);
  registerPersonLinkRoute(app);
  registerEmailRoutes(app);
  registerTeamRoutes(app);
  registerOwnershipRoutes(app);
  registerAdminChangeRoutes(app);
  registerTokenRoutes(app);
  registerExportRoutes(app);
  registerPeopleRoutes(app);
  registerCaseRoutes(app);
  registerRoomRoutes(app);
  registerCustomerRoutes(app);
  registerPrivacyRoutes(app);
  registerConversationRoutes(app);
  registerContinuityRoutes(app);
  registerScenarioRoutes(app);
  registerHandoffRoutes(app);
  registerSlaRoutes(app);
  registerAnalyticsRoutes(app);
  registerStreamRoutes(app);
  registerIntegrationRoutes(app);
  registerQaRoutes(app);
  registerSatisfactionRoutes(app);
  registerAdapterRoutes(app);
  registerNotificationRoutes(app);
  registerVocabularyRoutes(app);

  // SCIM 2.0 for the organisation's identity provider: its own token only (scim.routes.ts), SCIM's
  // media type and error bodies, and refused tokens counted by the same limiter as the API's.
  app.use('/scim/v2/*', limitBody(services.config.bodyLimit));
  app.use('/scim/v2/*', scimBodies);
  app.use('/scim/v2/*', rejectUnstorableText);
  app.use('/scim/v2/*', limits.tokens);
  app.use('/scim/v2/*', authenticateScim);
  registerScimDiscoveryRoutes(app);
  registerScimUserRoutes(app);
  registerScimGroupRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Baton API', version: '1', description: 'Handoffs with context, one owner, SLAs and QA.' },
    security: [{ bearer: [] }],
  });
  return app;
}
