import { expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import type { Role } from '../../src/http/context.ts';
import { errorCodeOf, operationsOf, scimTokenOf, trainingSettled } from '../support/fuzz-suite.ts';
import { adminToken, describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { skeleton } from '../support/hostile.ts';
import { snapshotAll } from '../support/snapshot.ts';

/**
 * Every route of the OpenAPI document x every kind of caller x own/other organisation.
 * The table below says who may call each route; the test derives the expected answer from it:
 * no credentials -> 401; a role the table refuses -> 403 `forbidden`; a role it allows -> neither;
 * organisation B's most powerful credentials -> 404 for organisation A's resources, none of A's
 * identifiers in any answer, and nothing of A changed.
 */

/**
 * Who may call a route. `public`: anyone; `any`: any authenticated caller; a role list: those
 * roles (admins pass every guard); `actor`: leads, supervisors, and agents who own the handoff
 * or belong to its receiving team; `recall`: leads and supervisors (and the handoff's sender, none of these callers); `person`: any caller that is a person (not a bare token);
 * `self-or-lead`: the person themself, or a lead or supervisor; `scim`: the organisation's provisioning
 * token and nothing else (every caller below is refused with 401, and that token is refused on
 * every other route, in test/e2e/scim.test.ts).
 */
type Rule = 'public' | 'any' | 'actor' | 'recall' | 'person' | 'self-or-lead' | 'scim' | Role[];

const writers: Role[] = ['agent', 'lead', 'supervisor'];
const analysts: Role[] = ['lead', 'supervisor', 'qa'];
const leads: Role[] = ['lead'];

const table: Record<string, Rule> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/session': 'public',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/password-reset/confirm': 'public',
  'POST /api/v1/people/{id}/password-link': ['admin'],
  'GET /api/v1/notifications/email': ['admin'],
  'POST /api/v1/customers/{id}/erasure': ['admin'],
  'GET /api/v1/customers/{id}/export': ['admin'],
  'GET /api/v1/settings/customer-retention': leads,
  'PUT /api/v1/settings/customer-retention': ['admin'],
  'GET /api/v1/settings/sign-in': ['admin'],
  'PUT /api/v1/settings/sign-in': ['admin'],
  'GET /api/v1/settings/single-sign-on': ['admin'],
  'PUT /api/v1/settings/single-sign-on': ['admin'],
  'GET /api/v1/getting-started': ['admin'],
  'PUT /api/v1/getting-started': ['admin'],
  'POST /api/v1/settings/single-sign-on/domains/{domain}/prove': ['admin'],
  'GET /api/v1/settings/provisioning': ['admin'],
  'POST /api/v1/settings/provisioning': ['admin'],
  'PUT /api/v1/settings/provisioning': ['admin'],
  'DELETE /api/v1/settings/provisioning': ['admin'],
  'GET /scim/v2/ServiceProviderConfig': 'scim',
  'GET /scim/v2/ResourceTypes': 'scim',
  'GET /scim/v2/Schemas': 'scim',
  'GET /scim/v2/Users': 'scim',
  'POST /scim/v2/Users': 'scim',
  'GET /scim/v2/Users/{id}': 'scim',
  'PUT /scim/v2/Users/{id}': 'scim',
  'PATCH /scim/v2/Users/{id}': 'scim',
  'DELETE /scim/v2/Users/{id}': 'scim',
  'GET /scim/v2/Groups': 'scim',
  'POST /scim/v2/Groups': 'scim',
  'GET /scim/v2/Groups/{id}': 'scim',
  'PUT /scim/v2/Groups/{id}': 'scim',
  'PATCH /scim/v2/Groups/{id}': 'scim',
  'DELETE /scim/v2/Groups/{id}': 'scim',
  'GET /api/v1/auth/sso/start': 'public',
  'GET /api/v1/auth/sso/callback': 'public',
  'POST /api/v1/auth/sso/saml': 'public',
  'GET /api/v1/auth/sso/saml/metadata': 'public',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/notifications/email/test': ['admin'],
  'GET /api/v1/teams': 'any',
  'GET /api/v1/teams/{key}': 'any',
  'GET /api/v1/people': 'any',
  'GET /api/v1/me': 'any',
  'POST /api/v1/me/password': 'person',
  'GET /api/v1/me/sessions': 'person',
  'DELETE /api/v1/me/sessions/{id}': 'person',
  'POST /api/v1/me/sessions/sign-out-others': 'person',
  'GET /api/v1/me/two-step': 'person',
  'POST /api/v1/me/two-step/setup': 'person',
  'POST /api/v1/me/two-step/enable': 'person',
  'POST /api/v1/me/two-step/disable': 'person',
  'POST /api/v1/people/{id}/two-step/disable': ['admin'],
  'GET /api/v1/repeat-contacts': 'any',
  'PUT /api/v1/repeat-contacts/settings': leads,
  'POST /api/v1/people/{id}/availability': 'self-or-lead',
  'POST /api/v1/people/{id}/hand-on': 'self-or-lead',
  'POST /api/v1/teams/{key}/members/{id}/leave': leads,
  'POST /api/v1/people/{id}/deactivate': leads,
  'POST /api/v1/people': ['admin'],
  'PATCH /api/v1/people/{id}': ['admin'],
  'POST /api/v1/people/{id}/reactivate': ['admin'],
  'POST /api/v1/teams': ['admin'],
  'GET /api/v1/admin/changes': ['lead', 'supervisor'],
  'GET /api/v1/api-tokens': ['admin'],
  'GET /api/v1/exports/handoffs': analysts,
  'GET /api/v1/exports/admin-changes': ['lead', 'supervisor'],
  'POST /api/v1/api-tokens': ['admin'],
  'POST /api/v1/api-tokens/{id}/revoke': ['admin'],
  'PATCH /api/v1/webhooks/subscriptions/{id}': leads,
  'DELETE /api/v1/webhooks/subscriptions/{id}': leads,
  'PATCH /api/v1/teams/{key}': leads,
  'POST /api/v1/teams/{key}/members': leads,
  'PATCH /api/v1/teams/{key}/members/{id}': leads,
  'POST /api/v1/cases': writers,
  'GET /api/v1/cases': 'any',
  'GET /api/v1/cases/{id}': 'any',
  'GET /api/v1/cases/{id}/events': 'any',
  'POST /api/v1/cases/{id}/messages': writers,
  'POST /api/v1/cases/{id}/documents': writers,
  'POST /api/v1/cases/{id}/document-requests': writers,
  'PUT /api/v1/cases/{id}/issue-type': writers,
  'POST /api/v1/cases/{id}/satisfaction': writers,
  'POST /api/v1/satisfaction/import': ['lead', 'admin'],
  'POST /api/v1/satisfaction/import/freshdesk': ['lead', 'admin'],
  'GET /api/v1/cases/{id}/satisfaction': 'any',
  'POST /api/v1/cases/{id}/resolve': writers,
  'GET /api/v1/cases/{id}/notes': 'any',
  'POST /api/v1/cases/{id}/presence': 'any',
  'GET /api/v1/cases/{id}/presence': 'any',
  'GET /api/v1/supervisor/dips': ['supervisor', 'lead'],
  'GET /api/v1/customers/{id}': 'any',
  'GET /api/v1/customers/{id}/risk': 'any',
  'GET /api/v1/customers/{id}/overview': 'any',
  'POST /api/v1/customers/import': leads,
  'GET /api/v1/settings/customer-risk': 'any',
  'PUT /api/v1/settings/customer-risk': leads,
  'GET /api/v1/cases/{id}/prefill': 'any',
  'GET /api/v1/cases/{id}/sentiment': 'any',
  'POST /api/v1/conversation/summarize': 'any',
  'POST /api/v1/conversation/sentiment': 'any',
  'PUT /api/v1/scenarios/{id}/customer-update': leads,
  'POST /api/v1/handoffs/{id}/promises': writers,
  'POST /api/v1/handoffs/{id}/customer-update/sent': writers,
  'POST /api/v1/scenarios': leads,
  'GET /api/v1/scenarios': 'any',
  'GET /api/v1/scenarios/{id}': 'any',
  'POST /api/v1/cases/{id}/handoffs': writers,
  'GET /api/v1/handoffs': 'any',
  'GET /api/v1/handoffs/{id}': 'any',
  'POST /api/v1/handoffs/{id}/accept': 'actor',
  'POST /api/v1/handoffs/{id}/bounce': 'actor',
  'POST /api/v1/handoffs/{id}/resolve': 'actor',
  'POST /api/v1/handoffs/{id}/cancel': 'recall',
  'POST /api/v1/handoffs/{id}/reassign': 'actor',
  'POST /api/v1/handoffs/reassign': writers,
  'POST /api/v1/handoffs/{id}/pause': 'actor',
  'POST /api/v1/handoffs/{id}/resume': 'actor',
  'POST /api/v1/handoffs/{id}/send': 'actor',
  'POST /api/v1/handoffs/{id}/packet': 'actor',
  'GET /api/v1/sla/at-risk': 'any',
  'GET /api/v1/sla/health': ['lead', 'supervisor'],
  'POST /api/v1/sla/deadline': 'any',
  'GET /api/v1/sla/holidays': 'any',
  'PUT /api/v1/teams/{key}/calendar': leads,
  'POST /api/v1/teams/{key}/even-out': ['lead', 'supervisor'],
  'GET /api/v1/analytics/metrics': analysts,
  'GET /api/v1/satisfaction': analysts,
  'GET /api/v1/analytics/compare': analysts,
  'GET /api/v1/analytics/review': analysts,
  'GET /api/v1/analytics/reviews': analysts,
  'GET /api/v1/analytics/reviews/{week}': analysts,
  'GET /api/v1/analytics/review-delivery': leads,
  'PUT /api/v1/analytics/review-delivery': leads,
  'POST /api/v1/webhooks/subscriptions': leads,
  'GET /api/v1/webhooks/subscriptions': leads,
  'GET /api/v1/webhooks/deliveries': leads,
  'POST /api/v1/webhooks/deliveries/{seq}/redeliver': leads,
  'POST /api/v1/webhooks/subscriptions/{id}/test': leads,
  'PUT /api/v1/qa/weights/{scenario}': leads,
  'GET /api/v1/qa/weights/{scenario}': ['qa', 'lead', 'supervisor'],
  'GET /api/v1/qa/sampling': ['qa', 'lead', 'supervisor'],
  'PUT /api/v1/qa/sampling': leads,
  'POST /api/v1/qa/scorecards': leads,
  'GET /api/v1/qa/scorecards': ['qa', 'lead', 'supervisor'],
  'PUT /api/v1/qa/scorecards/{id}': leads,
  'GET /api/v1/qa/scorecards/{id}': ['qa', 'lead', 'supervisor'],
  'POST /api/v1/qa/reviews': ['qa'],
  'GET /api/v1/qa/handoffs/{id}/reviews': ['qa', 'lead', 'supervisor'],
  'GET /api/v1/qa/queue': ['qa', 'lead'],
  'GET /api/v1/qa/calibration': leads,
  'GET /api/v1/qa/report': ['qa', 'lead', 'supervisor'],
  'GET /api/v1/qa/satisfaction': ['qa', 'lead', 'supervisor'],
  'GET /api/v1/integrations/group-mappings': leads,
  'PUT /api/v1/integrations/group-mappings': leads,
  'DELETE /api/v1/integrations/group-mappings/{source}/{group}': leads,
  'GET /api/v1/notifications': 'person',
  'POST /api/v1/notifications/{id}/read': 'person',
  'POST /api/v1/notifications/read-all': 'person',
  'GET /api/v1/notifications/preferences': 'person',
  'PUT /api/v1/notifications/preferences': 'person',
  'GET /api/v1/notifications/teams': leads,
  'PUT /api/v1/notifications/teams/{key}': leads,
  'GET /api/v1/notifications/sends': leads,
  'POST /api/v1/notifications/sends/{seq}/resend': leads,
  'POST /api/v1/notifications/preferences/test': 'person',
  'POST /api/v1/notifications/teams/{key}/test': leads,
  'GET /api/v1/vocabulary/types': 'any',
  'POST /api/v1/vocabulary/types': leads,
  'GET /api/v1/vocabulary/revisions': 'any',
  'GET /api/v1/vocabulary/types/{path}': 'any',
  'PATCH /api/v1/vocabulary/types/{path}': leads,
  'GET /api/v1/vocabulary/types/{parent}/{child}': 'any',
  'PATCH /api/v1/vocabulary/types/{parent}/{child}': leads,
  'POST /api/v1/vocabulary/types/{path}/aliases': leads,
  'POST /api/v1/vocabulary/types/{parent}/{child}/aliases': leads,
  'DELETE /api/v1/vocabulary/types/{path}/aliases/{team}/{alias}': leads,
  'DELETE /api/v1/vocabulary/types/{parent}/{child}/aliases/{team}/{alias}': leads,
  'POST /api/v1/vocabulary/types/{path}/retire': leads,
  'POST /api/v1/vocabulary/types/{parent}/{child}/retire': leads,
  'POST /api/v1/vocabulary/types/{path}/merge': leads,
  'POST /api/v1/vocabulary/types/{parent}/{child}/merge': leads,
  'POST /api/v1/vocabulary/normalise': 'any',
  'POST /api/v1/vocabulary/suggest': 'any',
  'GET /api/v1/cases/{id}/suggestion': 'any',
  'POST /api/v1/vocabulary/corrections': writers,
  'POST /api/v1/vocabulary/train': leads,
  'GET /api/v1/vocabulary/model': 'any',
  'GET /api/v1/vocabulary/drift': 'any',
};

/** The callers: demo people by their roles, the admin token, and a token that is no person. */
type Caller = { name: string; roles: Role[]; person?: string };
const callers: Caller[] = [
  { name: 'sending agent (Support)', roles: ['agent'], person: 'amara' },
  { name: 'receiving team member (Finance)', roles: ['agent'], person: 'priya' },
  { name: 'lead (Finance)', roles: ['lead'], person: 'grace' },
  { name: 'supervisor', roles: ['supervisor'], person: 'diana' },
  { name: 'QA reviewer', roles: ['qa'], person: 'hannah' },
  { name: 'admin token', roles: ['admin'] },
  { name: 'integration token', roles: ['agent'] },
];

/** An error answer's code, in Baton's body or SCIM's header; undefined for anything else. */
const codeOf = (res: { body: unknown; headers: Headers }) =>
  (res.body as { error?: { code?: string } } | null)?.error?.code ??
  res.headers.get('x-baton-error-code') ??
  undefined;

function mayCall(rule: Rule, caller: Caller): boolean {
  const has = (...r: Role[]) => caller.roles.includes('admin') || r.some((x) => caller.roles.includes(x));
  if (rule === 'scim') return false;
  if (rule === 'public' || rule === 'any') return true;
  if (rule === 'person') return Boolean(caller.person);
  if (rule === 'self-or-lead') return caller.person === 'priya' || has('lead', 'supervisor');
  if (rule === 'actor') return has('lead', 'supervisor') || caller.person === 'priya';
  // Cancelling is the sender's recall (nobody here sent the handoff) or a lead's: the receiving team bounces.
  if (rule === 'recall') return has('lead', 'supervisor');
  return has(...rule);
}

describeOnDatabases('authorization matrix: every route x every caller x own/other organisation', (h) => {
  let operations: Awaited<ReturnType<typeof operationsOf>> = [];
  const tokens = new Map<string, string>();
  const ids = new Map<string, string>();
  let otherToken = '';

  async function sentHandoff(caseId: string) {
    const res = await h().request('POST', `/api/v1/cases/${caseId}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('has a rule for every route of the OpenAPI document', async () => {
    operations = await operationsOf(h());
    const missing = operations.map((o) => `${o.method} ${o.path}`).filter((k) => !(k in table));
    expect(missing, 'routes without a rule: add them to the table in test/e2e/authz-matrix.test.ts').toEqual(
      [],
    );
  });

  it('sets up callers and organisation A resources', async () => {
    for (const c of callers) {
      if (c.name === 'admin token') tokens.set(c.name, adminToken);
      else if (c.person) tokens.set(c.name, await h().tokenFor(c.person, c.roles));
      else
        tokens.set(
          c.name,
          (
            await createApiToken(h().database.db, {
              orgId: h().org.orgId,
              name: 'integration',
              roles: c.roles,
            })
          ).token,
        );
    }
    // Organisation B's strongest caller: every role, and a person.
    otherToken = (
      await createApiToken(h().database.db, {
        orgId: h().other.orgId,
        name: 'other-org',
        roles: ['agent', 'lead', 'supervisor', 'qa', 'admin'],
        personId: h().other.personIds.get('ines'),
      })
    ).token;
    // The team /scim/v2/Groups/{id} aims at: what the provider's token does to it (its members
    // replaced, renamed, unlinked) must not change the demo teams the other routes rely on.
    const group = await h().request('POST', '/api/v1/teams', {
      key: 'provisioned',
      name: 'Provisioned',
      leadId: h().org.personIds.get('grace'),
      members: [h().org.personIds.get('tom')],
    });
    expect(group.status).toBe(201);
    ids.set('group', group.body.id);
    const kase = (await h().request('POST', '/api/v1/cases', newCase())).body;
    ids.set('case', kase.id);
    ids.set('customer', kase.customer.id);
    ids.set('handoff', await sentHandoff(kase.id));
    const types = JSON.stringify((await h().request('GET', '/api/v1/vocabulary/types')).body);
    const leaf = types.match(/"path":"([a-z0-9_-]+)\/([a-z0-9_-]+)"/);
    ids.set('parent', leaf?.[1] ?? 'billing');
    ids.set('child', leaf?.[2] ?? 'refund');
  });

  function urlFor(op: { path: string }, handoffId: string): string {
    const param = (name: string): string => {
      if (name === 'key') return 'finance';
      if (name === 'scenario') return 'billing-to-finance';
      if (name === 'week') return '2026-W47';
      if (name === 'seq') return '1';
      if (name === 'source') return 'zendesk';
      if (name === 'group') return 'billing';
      if (name === 'path' || name === 'parent') return ids.get('parent')!;
      if (name === 'child') return ids.get('child')!;
      if (op.path.startsWith('/api/v1/scenarios/')) return 'billing-to-finance';
      if (op.path.startsWith('/api/v1/cases/')) return ids.get('case')!;
      if (op.path.includes('handoffs/')) return handoffId;
      if (op.path.startsWith('/api/v1/customers/')) return ids.get('customer')!;
      if (op.path.endsWith('/availability') || op.path.endsWith('/hand-on'))
        return h().org.personIds.get('priya')!;
      if (op.path.endsWith('/deactivate')) return h().org.personIds.get('fatima')!;
      if (op.path.includes('/members/')) return h().org.personIds.get('tom')!;
      if (op.path.startsWith('/scim/v2/Users/')) return h().org.personIds.get('noah')!;
      if (op.path.startsWith('/scim/v2/Groups/')) return ids.get('group')!;
      return 'x';
    };
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => param(name));
  }

  it('refuses every route without credentials, except the public ones', async () => {
    for (const op of operations) {
      const rule = table[`${op.method} ${op.path}`];
      if (!rule) continue; // reported by the first test
      const res = await h().runtime.app.request(urlFor(op, ids.get('handoff')!), {
        method: op.method,
        headers: { 'content-type': 'application/json' },
        body: op.method === 'GET' ? undefined : JSON.stringify(skeleton(op.body)),
      });
      const what = `${op.method} ${op.path} -> ${res.status}`;
      // Single sign-on's routes answer the browser with redirects, SAML's metadata with XML.
      const json = res.headers.get('content-type')?.includes('json');
      if (rule === 'public')
        expect(json ? (await res.json()).error?.code : null, what).not.toBe('unauthenticated');
      else {
        expect(res.status, what).toBe(401);
        const answer = { status: res.status, body: await res.json(), headers: res.headers };
        expect(errorCodeOf(answer, what), what).toBe('unauthenticated');
      }
    }
  });

  it('answers each caller as the table says: 403 for a refused role, never 401/403 for an allowed one', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const op of operations) {
      const rule = table[`${op.method} ${op.path}`];
      if (!rule || rule === 'public') continue;
      // A fresh handoff per handoff route: what one caller does to it (reassign, cancel) must not
      // change whether the next one may act on it.
      const handoffId = op.path.includes('handoffs/{id}')
        ? await sentHandoff(ids.get('case')!)
        : ids.get('handoff')!;
      // Refused callers first: an allowed write may change the resource the others aim at.
      const ordered = [...callers].sort((a, b) => Number(mayCall(rule, a)) - Number(mayCall(rule, b)));
      for (const caller of ordered) {
        const allowed = mayCall(rule, caller);
        // Every caller is a refused bearer token on /scim/v2: the clock moves on by what refills one
        // of the per-address budget (30 a minute), so the limiter answers 401, not 429.
        if (rule === 'scim') h().advance(2_000);
        const res = await h().request(
          op.method,
          urlFor(op, handoffId),
          op.method === 'GET' ? undefined : skeleton(op.body),
          {
            token: tokens.get(caller.name),
          },
        );
        checked++;
        const refusal = rule === 'scim' ? '401' : '403';
        const what = `${op.method} ${op.path} as ${caller.name}: expected ${allowed ? 'allowed' : refusal}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        if (res.status >= 500) wrong.push(what);
        else if (allowed && (res.status === 401 || res.status === 403)) wrong.push(what);
        else if (rule === 'scim' && (res.status !== 401 || errorCodeOf(res, what) !== 'unauthenticated'))
          wrong.push(what);
        else if (!allowed && rule !== 'scim' && (res.status !== 403 || res.body.error.code !== 'forbidden'))
          wrong.push(what);
      }
      if (rule === 'scim') {
        // The one caller /scim/v2 answers: the organisation's provisioning token.
        const res = await h().request(
          op.method,
          urlFor(op, handoffId),
          op.method === 'GET' ? undefined : skeleton(op.body),
          { token: await scimTokenOf(h(), h().org.orgId) },
        );
        checked++;
        if (res.status >= 500 || res.status === 401 || res.status === 403)
          wrong.push(
            `${op.method} ${op.path} as the provisioning token: got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
          );
      }
    }
    console.info(
      `[authz ${h().kind}] ${operations.length} routes x ${callers.length} callers: ${checked} answers checked`,
    );
    expect(wrong).toEqual([]);
  }, 300_000);

  it("keeps organisation A's resources out of organisation B's reach: 404, none of A's ids, nothing of A changed", async () => {
    await trainingSettled(h());
    const handoffId = await sentHandoff(ids.get('case')!);
    const secrets = [
      h().org.orgId,
      ids.get('case')!,
      ids.get('customer')!,
      handoffId,
      ids.get('handoff')!,
      ids.get('group')!,
      ...h().org.personIds.values(),
    ];
    const before = await snapshotAll(h().database, h().org.orgId);
    const wrong: string[] = [];
    for (const op of operations) {
      const url = urlFor(op, handoffId);
      const aimsAtA = secrets.some((s) => url.includes(s));
      const body = op.method === 'GET' ? undefined : skeleton(op.body);
      // On /scim/v2, organisation B's strongest caller is its own provisioning token.
      const token = op.path.startsWith('/scim/') ? await scimTokenOf(h(), h().other.orgId) : otherToken;
      const res = await h().request(op.method, url, body, { token });
      const text = JSON.stringify(res.body);
      const what = `${op.method} ${url} as organisation B -> ${res.status} ${text.slice(0, 200)}`;
      if (res.status >= 500) wrong.push(what);
      if (aimsAtA) {
        // Indistinguishable from an id that exists nowhere: B cannot even learn that A's resource exists.
        const nowhere = secrets.reduce((u, s) => u.replaceAll(s, `${s.slice(0, 3)}nowhere0000000000`), url);
        const twin = await h().request(op.method, nowhere, body, { token });
        if (res.status < 400 || res.status !== twin.status || codeOf(res) !== codeOf(twin))
          wrong.push(
            `expected the answer to a missing id (${twin.status} ${twin.body.error?.code}): ${what}`,
          );
      }
      // Ids B sent itself may be echoed back ("no case with id ..."); any other id of A is a leak.
      const leaked = secrets.filter((s) => !url.includes(s) && text.includes(s));
      if (leaked.length) wrong.push(`leaks ${leaked.join(', ')}: ${what}`);
    }
    expect(wrong).toEqual([]);
    const after = await snapshotAll(h().database, h().org.orgId);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(changed, "tables of organisation A changed by organisation B's requests").toEqual([]);
  }, 300_000);
});
