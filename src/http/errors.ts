/**
 * The one catalogue of error codes. Every error answer is `{error: {code, message, ...}}`;
 * docs/errors.md documents each code and a test keeps the two in sync.
 */
export const errorCatalogue = {
  invalid_json: { status: 400, description: 'The body is not valid JSON.' },
  validation_failed: {
    status: 400,
    description:
      'The body, query or path does not match the schema; `field` names the first field at fault and `issues` lists all.',
  },
  unauthenticated: { status: 401, description: 'No valid API token or session was presented.' },
  invalid_signature: { status: 401, description: 'A webhook signature is missing or does not match.' },
  invalid_credentials: { status: 401, description: 'Sign-in failed: unknown email or wrong password.' },
  two_step_required: {
    status: 401,
    description:
      'The e-mail and password are right, and this person has two-step sign-in on: send the same sign-in again with `code` (`field`: `code`), the 6-digit code from their authenticator app or one of their recovery codes. No session was started.',
  },
  invalid_code: {
    status: 401,
    description:
      "Sign-in's second step failed: the code is wrong, too old, was used already (a code works once), or is a used recovery code (`field`: `code`); counted as a failed sign-in.",
  },
  sso_required: {
    status: 401,
    description:
      "This person's organisation signs its people in with single sign-on and keeps passwords for admins only (Settings > Security), and this person's address is of a domain it signs in: sign in with single sign-on (`GET /auth/sso/start?email=`). No session was started; not counted as a failed sign-in.",
  },
  sso_not_configured: {
    status: 422,
    description:
      'Single sign-on was asked for an address whose domain no organisation signs in with single sign-on (or whose organisation has it off). `GET /auth/sso/start` answers it as a redirect to `/sign-in?sso_error=sso_not_configured`.',
  },
  sso_state_invalid: {
    status: 401,
    description:
      'Single sign-on came back with a sign-in Baton did not start in this browser, one used already, or one older than 10 minutes: start again. `GET /auth/sso/callback` answers it as a redirect to `/sign-in?sso_error=sso_state_invalid`.',
  },
  sso_email_unverified: {
    status: 401,
    description:
      'The identity provider signed the person in but does not vouch for their e-mail address (`email_verified` is not true). Answered as a redirect to `/sign-in?sso_error=sso_email_unverified`.',
  },
  sso_no_account: {
    status: 401,
    description:
      'The identity provider signed in an address that is no active person of the organisation: unknown while the organisation adds nobody on a first sign-in (`addPeopleAs`), or deactivated. Answered as a redirect to `/sign-in?sso_error=sso_no_account`.',
  },
  sso_failed: {
    status: 401,
    description:
      "The identity provider refused or failed the sign-in, or its answer did not pass the checks (code exchange, the ID token's issuer, audience, signature, nonce or expiry); the details are in the server's log. Answered as a redirect to `/sign-in?sso_error=sso_failed`.",
  },
  sso_rate_limited: {
    status: 429,
    description:
      'Too many single sign-ons were started from this client address within the window (`BATON_SSO_LIMIT_ADDRESS`, default 60 a minute): each writes a sign-in attempt and asks the identity provider. `GET /auth/sso/start` answers it as a redirect to `/sign-in?sso_error=sso_rate_limited` with `Retry-After`.',
  },
  sso_unsolicited: {
    status: 400,
    description:
      "A SAML identity provider posted a response Baton never asked for (no `RelayState`: a sign-in started at the provider, from its dashboard's app tile). Such responses are refused, as they cannot be bound to the browser; point the tile at `/api/v1/auth/sso/start?org=<short name>` (`GET /settings/single-sign-on` gives it as `signInLink`). Answered as a redirect to `/sign-in?sso_error=sso_unsolicited`.",
  },
  saml_metadata_unreadable: {
    status: 422,
    description:
      "The identity provider's SAML metadata could not be read from `samlMetadataUrl` (no answer, not 200, a redirect, too large), or does not describe an identity provider Baton can use (no sign-in URL for the HTTP-Redirect binding, no usable signing certificate); `field`: `samlMetadataUrl`, the message says which. Nothing was saved.",
  },
  sso_discovery_failed: {
    status: 422,
    description:
      "Turning single sign-on on needs the identity provider's discovery document (`<issuer>/.well-known/openid-configuration`): it could not be fetched or does not describe that issuer (`field`: `issuer`; the message says what failed). Nothing was saved.",
  },
  wrong_code: {
    status: 422,
    description:
      'Turning two-step sign-in on: the code is not the one the authenticator app shows now for the secret being set up (`field`: `code`); nothing changed.',
  },
  two_step_on: {
    status: 409,
    description: 'Two-step sign-in is on already: turn it off before setting it up again.',
  },
  two_step_enforced: {
    status: 409,
    description:
      'The organisation requires two-step sign-in of this person (Settings > Security): it cannot be turned off by its owner. An admin can turn it off for someone who lost their phone; they then set it up again at their next request.',
  },
  own_two_step_off: {
    status: 409,
    description:
      "Requiring two-step sign-in of a group the caller belongs to needs the caller's own two-step sign-in on first: set it up (`POST /me/two-step/setup`), then require it.",
  },
  two_step_not_set_up: {
    status: 409,
    description: 'Turning two-step sign-in on needs a secret set up first (`POST /me/two-step/setup`).',
  },
  wrong_password: {
    status: 422,
    description:
      "The current password given to change one's own password (`field`: `currentPassword`) or to turn two-step sign-in off (`field`: `password`) is not the caller's; counted as a failed sign-in.",
  },
  invalid_reset_link: {
    status: 422,
    description:
      'A password reset link that has expired (after 30 minutes), was used already, was replaced by a newer one, or belongs to a person without access (`field`: `token`).',
  },
  domain_unproved: {
    status: 422,
    description:
      "Single sign-on's e-mail domain is not proved yet: DNS has no TXT record at `record.name` holding `record.value` (`found` lists the TXT records DNS answers there, `domain` names the domain), or DNS could not be asked. Publish the record and check again; nothing was changed.",
  },
  setup_token_invalid: {
    status: 403,
    description:
      "Setting up the first organisation (`POST /setup`) needs the setup token: the one the server's log gives with the setup link while no organisation exists, or `BATON_SETUP_TOKEN` (`field`: `setupToken`). Nothing was created.",
  },
  already_set_up: {
    status: 409,
    description:
      'This Baton has an organisation already: `POST /setup` makes only the first (more are made with `baton org create`). Nothing was created.',
  },
  password_reset_off: {
    status: 409,
    description:
      'This Baton sends no e-mail (`BATON_SMTP_URL` and `BATON_PUBLIC_URL` unset), so it cannot send a reset link: an admin sets a new password.',
  },
  email_failed: {
    status: 503,
    description:
      'The SMTP server did not take an e-mail Baton had to send now (a sign-in link an admin sends, a test e-mail); the message says what it answered; nothing was changed: try again later.',
  },
  erasure_unconfirmed: {
    status: 422,
    description:
      "An erasure of a customer's personal data whose `confirm` is not the customer's external id or name, exactly (`field`: `confirm`): nothing was erased.",
  },
  customer_erased: {
    status: 409,
    description:
      "The customer's personal data was erased already (when and by whom are in `GET /customers/{id}`).",
  },
  email_off: {
    status: 409,
    description: 'This Baton has no SMTP server (`BATON_SMTP_URL`), so it sends no e-mail.',
  },
  no_address: {
    status: 409,
    description:
      'A test was asked of a channel with no saved address (a Slack incoming webhook or an e-mail address): save one first (`field` names it).',
  },
  scim_invalid_filter: {
    status: 400,
    description:
      'SCIM (`/scim/v2`): the `filter` is not one Baton answers: a syntax error, an attribute it does not filter on, or an operator it does not support (the `detail` says which). Answered with `scimType` `invalidFilter`.',
  },
  scim_invalid_path: {
    status: 400,
    description:
      'SCIM: a PATCH operation names a path that is not an attribute of a User (or of a Group: `displayName`, `externalId`, `members`, `members[value eq "<id>"]`). Answered with `scimType` `invalidPath`; nothing was changed.',
  },
  scim_no_target: {
    status: 400,
    description:
      'SCIM: a PATCH `remove` without a path. Answered with `scimType` `noTarget`; nothing was changed.',
  },
  scim_mutability: {
    status: 400,
    description:
      "SCIM: the request changes what Baton sets (`id`, `meta`) or removes a required attribute (`userName`, `emails`, `active`; a Group's `displayName`). Answered with `scimType` `mutability`; nothing was changed.",
  },
  scim_uniqueness: {
    status: 409,
    description:
      "SCIM: the `userName`, e-mail address or `externalId` is already another person of the organisation, or a Group's `displayName` or `externalId` is already another team the identity provider manages. Answered with `scimType` `uniqueness`; nothing was changed.",
  },
  forbidden: {
    status: 403,
    description: 'The caller is authenticated but its roles do not allow this action.',
  },
  two_step_setup_required: {
    status: 403,
    description:
      'The organisation requires two-step sign-in of the signed-in person, who has not set it up: until they do (`POST /me/two-step/setup`, then `/enable`), only `GET /me`, their own two-step sign-in, password and sessions, and signing out answer. API tokens are not concerned.',
  },
  not_found: {
    status: 404,
    description: "No such resource in the caller's organisation (`resource` names its kind).",
  },
  invalid_transition: {
    status: 409,
    description:
      'The handoff state machine does not allow this move from the current state (`state`, `action`).',
  },
  document_on_file: {
    status: 409,
    description:
      'The requested document kind is already on file for the case (`document` names it); give a `reason` to request it again.',
  },
  conflict: {
    status: 409,
    description: 'The write conflicts with the current state (for example a duplicate key).',
  },
  idempotency_in_progress: {
    status: 409,
    description: 'A request with the same Idempotency-Key is still being processed; retry later.',
  },
  idempotency_key_reused: {
    status: 422,
    description: 'The Idempotency-Key was already used with a different request body or path.',
  },
  payload_too_large: { status: 413, description: 'The body exceeds the size limit (`limit` in bytes).' },
  unsupported_media_type: {
    status: 415,
    description: 'The body must be `application/json` (or `application/scim+json` under `/scim/v2`).',
  },
  packet_incomplete: {
    status: 422,
    description: "The packet misses fields the scenario requires; `missing` lists each field's name.",
  },
  invalid_review: {
    status: 422,
    description:
      'A QA review does not fit its scorecard (unknown, unscored, inapplicable or out-of-scale criterion); `criterion` names the first criterion at fault, `field` its place in the body and `issues` lists all.',
  },
  report_too_large: {
    status: 422,
    description:
      'The report period holds more handoffs than one report computes (`limit`); narrow `from` and `to`.',
  },
  rating_in_future: {
    status: 422,
    description:
      "A satisfaction rating's `at` is more than five minutes ahead of the server's clock (`field`: `at`); nothing was recorded.",
  },
  unknown_scenario: { status: 422, description: 'The scenario id does not exist in this organisation.' },
  unknown_team: { status: 422, description: 'The team key does not exist in this organisation.' },
  invalid_calendar: { status: 422, description: 'A calendar or SLA target is not valid (`field` names it).' },
  invalid_import: {
    status: 422,
    description:
      'A customer import file has problems; `issues` lists each as `{line, column?, message}` and nothing was imported.',
  },
  no_owner_available: {
    status: 422,
    description: 'The receiving team has no member and no lead who can own the handoff.',
  },
  webhook_target_refused: {
    status: 422,
    description:
      'The webhook URL resolves to a private or loopback address (set BATON_WEBHOOK_ALLOW_PRIVATE=1 to allow) or cannot be resolved.',
  },
  unknown_issue_type: {
    status: 422,
    description: 'No issue type with that path in this organisation (`field` and `type` name it).',
  },
  issue_type_exists: {
    status: 409,
    description: 'An issue type with that path exists already, perhaps retired or merged (`status`).',
  },
  issue_type_inactive: {
    status: 409,
    description: 'The issue type is retired or merged (`status`, `mergedInto`): it can no longer change.',
  },
  issue_type_has_children: {
    status: 409,
    description: 'A parent issue type with active types under it (`children`) cannot be retired or merged.',
  },
  alias_conflict: {
    status: 409,
    description: 'The team already uses this alias for another issue type (`team`, `alias`, `type`).',
  },
  unknown_alias: {
    status: 422,
    description:
      "The team has no such alias for the issue type (`field`, `team`, `alias`, `type`); `aliases` lists the team's words for it.",
  },
  invalid_merge: { status: 422, description: 'An issue type cannot be merged into itself.' },
  tagger_unavailable: {
    status: 409,
    description: 'No tagger can be trained yet: the taxonomy needs examples for at least two issue types.',
  },
  training_in_progress: {
    status: 409,
    description: "The organisation's tagger is being trained by another process; retry shortly.",
  },
  rate_limited: { status: 429, description: 'Too many requests; retry after the `Retry-After` header.' },
  internal: {
    status: 500,
    description: 'An unexpected error; the request id is in the `requestId` field and the logs.',
  },
  unavailable: { status: 503, description: 'Baton is starting or its database is not reachable; retry.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = errorCatalogue[code].status;
  }

  body() {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export const notFound = (resource: string, id: string) =>
  new ApiError('not_found', `no ${resource} with id ${id}`, { resource, id });
