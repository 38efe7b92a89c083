// SCIM's errors (RFC 7644 3.12) as the pure rules raise them: a code of Baton's error catalogue
// (src/http/errors.ts), which the HTTP layer answers in SCIM's own error body with its `scimType`.

/** The catalogue's codes a pure SCIM rule may raise. */
export type ScimProblemCode =
  | 'validation_failed'
  | 'scim_invalid_filter'
  | 'scim_invalid_path'
  | 'scim_no_target'
  | 'scim_mutability'
  | 'scim_uniqueness';

export class ScimProblem extends Error {
  constructor(
    readonly code: ScimProblemCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ScimProblem';
  }
}

/** RFC 7644 table 9: the `scimType` that tells a provider what kind of 400 (or 409) it got. */
const scimTypes: Record<string, string> = {
  invalid_json: 'invalidSyntax',
  validation_failed: 'invalidValue',
  scim_invalid_filter: 'invalidFilter',
  scim_invalid_path: 'invalidPath',
  scim_no_target: 'noTarget',
  scim_mutability: 'mutability',
  scim_uniqueness: 'uniqueness',
};

export const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

/**
 * SCIM's error body: `status` is a string there, `scimType` only for the kinds the RFC names, and
 * `detail` is what a person reads in the provider's log.
 */
export function scimErrorBody(status: number, code: string, detail: string) {
  const scimType = scimTypes[code];
  return { schemas: [errorSchema], status: String(status), ...(scimType ? { scimType } : {}), detail };
}
