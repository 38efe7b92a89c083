import { errorCatalogue } from './errors.ts';

/** docs/errors.md, generated from the catalogue (the test keeps the file in sync). */
export function renderErrorsDoc(): string {
  const rows = Object.entries(errorCatalogue).map(
    ([code, e]) => `| \`${code}\` | ${e.status} | ${e.description} |`,
  );
  return [
    '# Error codes',
    '',
    'Every error answer of the API has the shape `{"error": {"code", "message", ...}}`; the extra fields',
    'named below (`field`, `missing`, `document`, ...) sit beside `code` and `message`. Codes are stable:',
    'match on `code`, not on `message`. This page is generated from `src/http/errors.ts`',
    '(`node bin/run-ts.js src/http/errors-doc.main.ts > docs/errors.md`) and a test fails when they drift apart.',
    '',
    "Under `/scim/v2` (provisioning by an identity provider) errors have SCIM's own shape (RFC 7644 3.12),",
    '`{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType"?, "detail"}`,',
    'and the code below is in the `X-Baton-Error-Code` header.',
    '',
    '| code | status | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
