import fc from 'fast-check';
import { expect, it } from 'vitest';
import { errorCatalogue } from '../../src/http/errors.ts';
import { createProvisioningToken } from '../../src/provisioning/provisioning.commands.ts';
import { errorSchema } from '../../src/provisioning/scim-problem.ts';
import { describeOnDatabases, fullPacket, type Harness, newCase } from './harness.ts';
import { hostileBody, type JsonSchema, nastyString, skeleton } from './hostile.ts';
import { snapshotAll } from './snapshot.ts';

/**
 * Every route of the OpenAPI document, fed hostile path parameters, query strings and bodies:
 * never a 5xx, every error in the documented shape with a catalogued code, and a rejected request
 * changes nothing. Runs per route are bounded (FUZZ_RUNS, default 6); the routes are shared out
 * among `shards` test files so that they run side by side.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 6);

type Operation = {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: JsonSchema }[];
  body?: JsonSchema;
};

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked as untyped JSON
type OpenApiNode = any;

export async function operationsOf(h: Harness): Promise<Operation[]> {
  const doc = (await h.request('GET', '/openapi.json')).body;
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries<Record<string, OpenApiNode>>(doc.paths))
    for (const [method, op] of Object.entries<OpenApiNode>(ops))
      out.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p: OpenApiNode) => p.in === 'path' || p.in === 'query'),
        // SCIM's routes take their JSON as application/scim+json.
        body: (
          op.requestBody?.content?.['application/json'] ?? op.requestBody?.content?.['application/scim+json']
        )?.schema,
      });
  return out;
}

/** Raw path segments that test the decoder itself. */
const rawSegments = ['%', '%00', '%ZZ', '..%2F..%2F', '%C0%AF', '%E0%A4%A', '%2500', '.', '..'];

// Lone surrogates cannot be percent-encoded: they travel as U+FFFD, as a browser would send them.
const encode = (s: string) => encodeURIComponent(s.replace(/\p{Surrogate}/gu, '\uFFFD'));

/** Tagger training started by a 202 runs on a worker and writes when done: wait for it. */
export async function trainingSettled(h: Harness, token?: string) {
  for (let i = 0; i < 600; i++) {
    const res = await h.request('GET', '/api/v1/vocabulary/model', undefined, { token });
    if (res.status !== 200 || !res.body.training) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('tagger training did not finish within a minute');
}

/**
 * The catalogue's code of an error answer: in Baton's `{error}` body, or, under `/scim/v2`, in the
 * `X-Baton-Error-Code` header beside SCIM's own error body (`status` as a string, `detail`).
 */
export function errorCodeOf(res: { status: number; body: unknown; headers?: Headers }, what = ''): string {
  const body = res.body as { schemas?: unknown; error?: { code: string } } | null;
  if (!body?.schemas) {
    expect(body, what).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
    return body!.error!.code;
  }
  expect(body, what).toMatchObject({
    schemas: [errorSchema],
    status: String(res.status),
    detail: expect.any(String),
  });
  return res.headers?.get('x-baton-error-code') ?? '';
}

/** A fresh provisioning token of the organisation: a route fuzzed or checked before may have replaced or revoked it. */
export const scimTokenOf = (h: Harness, orgId: string) =>
  createProvisioningToken(h.database.db, { orgId, now: h.now(), actorId: null });

// biome-ignore lint/suspicious/noExplicitAny: any documented answer body, checked field by field below
export function expectDocumentedAnswer(res: { status: number; body: any; headers?: Headers }, what: string) {
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  const code = errorCodeOf(res, what) as keyof typeof errorCatalogue;
  expect(Object.keys(errorCatalogue), what).toContain(code);
  expect(errorCatalogue[code].status, `${what}: status of ${code}`).toBe(res.status);
}

export function fuzzRoutes(shard: number, shards: number) {
  describeOnDatabases(`fuzzing the routes of the OpenAPI document (${shard + 1}/${shards})`, (h) => {
    const real = new Map<string, string>();
    let operations: Operation[] = [];

    it('reads the OpenAPI document and makes real resources to aim at', async () => {
      const all = await operationsOf(h());
      expect(all.length).toBeGreaterThan(80);
      operations = all.filter((_, i) => i % shards === shard);
      const kase = (await h().request('POST', '/api/v1/cases', newCase())).body;
      const handoff = (
        await h().request('POST', `/api/v1/cases/${kase.id}/handoffs`, {
          scenario: 'billing-to-finance',
          packet: fullPacket,
        })
      ).body;
      const types = (await h().request('GET', '/api/v1/vocabulary/types')).body;
      const leaf = JSON.stringify(types).match(/"path":"([a-z0-9_-]+)\/([a-z0-9_-]+)"/);
      real.set('case', kase.id);
      real.set('handoff', handoff.id);
      real.set('customer', kase.customer.id);
      real.set('person', h().org.personIds.get('lucas') ?? h().org.personIds.get('noah')!);
      // A team of its own for /scim/v2/Groups/{id}: a provider's PUT may empty it, rename it, unlink it.
      const group = await h().request('POST', '/api/v1/teams', {
        key: 'provisioned',
        name: 'Provisioned',
        leadId: h().org.personIds.get('grace'),
      });
      real.set('group', group.body.id);
      real.set('parent', leaf?.[1] ?? 'billing');
      real.set('child', leaf?.[2] ?? 'refund');
      expect(handoff.id).toMatch(/^ho_/);
      expect(real.get('group')).toMatch(/^tm_/);
    });

    /** A real value for a path parameter, so that bodies get past the 404 into the handler. */
    function realParam(path: string, name: string): string {
      if (name === 'key') return 'finance';
      if (name === 'scenario') return 'billing-to-finance';
      if (name === 'week') return '2026-W47';
      if (name === 'seq') return '1';
      if (name === 'source') return 'zendesk';
      if (name === 'group') return 'billing';
      if (name === 'path' || name === 'parent') return real.get('parent')!;
      if (name === 'child') return real.get('child')!;
      if (path.startsWith('/api/v1/cases/')) return real.get('case')!;
      if (path.startsWith('/api/v1/handoffs/') || path.startsWith('/api/v1/qa/handoffs/'))
        return real.get('handoff')!;
      if (path.startsWith('/api/v1/customers/')) return real.get('customer')!;
      if (path.startsWith('/scim/v2/Groups/')) return real.get('group')!;
      if (
        path.startsWith('/api/v1/people/') ||
        path.includes('/members/') ||
        path.startsWith('/scim/v2/Users/')
      )
        return real.get('person')!;
      return 'x';
    }

    const requestOf = (op: Operation) =>
      fc.record({
        path: fc.tuple(
          ...op.params
            .filter((p) => p.in === 'path')
            .map((p) =>
              fc.oneof(
                { weight: 3, arbitrary: fc.constant(realParam(op.path, p.name)) },
                { weight: 3, arbitrary: nastyString().map(encode) },
                { weight: 1, arbitrary: fc.constantFrom(...rawSegments) },
              ),
            ),
        ),
        query: fc.tuple(
          ...op.params
            .filter((p) => p.in === 'query')
            .map((p) =>
              fc.oneof(
                fc.constant(undefined),
                fc.constant(encode(String(skeleton(p.schema)))),
                nastyString().map(encode),
                fc.constantFrom('%00', '%', 'a&b=c', '1e400', '-0', '[]', encode('x'.repeat(5000))),
              ),
            ),
        ),
        body: op.body || op.method !== 'GET' ? hostileBody(op.body) : fc.constant(undefined),
      });

    it('answers every hostile request without a 5xx, in the documented shape, changing nothing when it refuses', async () => {
      const failures: string[] = [];
      let requests = 0;
      let accepted = 0;
      for (const op of operations) {
        const scim = op.path.startsWith('/scim/') ? await scimTokenOf(h(), h().org.orgId) : undefined;
        let baseline = await snapshotAll(h().database);
        await fc.assert(
          fc.asyncProperty(requestOf(op), async ({ path, query, body }) => {
            let url = op.path;
            const pathParams = op.params.filter((p) => p.in === 'path');
            pathParams.forEach((p, i) => {
              url = url.replace(`{${p.name}}`, path[i]!);
            });
            const q = op.params
              .filter((p) => p.in === 'query')
              .map((p, i) => (query[i] === undefined ? undefined : `${p.name}=${query[i]}`))
              .filter(Boolean);
            if (q.length) url += `?${q.join('&')}`;
            const headers =
              body?.contentType !== undefined ? { 'content-type': body.contentType } : undefined;
            const res = await h().request(op.method, url, body?.raw, { headers, token: scim });
            requests++;
            const what = `${op.method} ${url.slice(0, 200)} [${body?.kind ?? 'no body'}] -> ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
            try {
              expectDocumentedAnswer(res, what);
            } catch {
              failures.push(what);
            }
            if (res.status >= 400) {
              const now = await snapshotAll(h().database);
              if (JSON.stringify(now) !== JSON.stringify(baseline)) {
                const changed = Object.keys(now).filter((t) => now[t] !== baseline[t]);
                failures.push(`refused but changed ${changed.join(', ')}: ${what}`);
                baseline = now;
              }
            } else {
              accepted++;
              if (res.status === 202) await trainingSettled(h());
              baseline = await snapshotAll(h().database);
            }
          }),
          {
            numRuns: runs,
            seed: Number(process.env.FUZZ_SEED ?? 20261123) + operations.indexOf(op),
            endOnFailure: true,
          },
        );
      }
      console.info(
        `[fuzz ${shard + 1}/${shards} ${h().kind}] ${operations.length} routes, ${requests} requests, ${accepted} accepted`,
      );
      expect(failures).toEqual([]);
    }, 600_000);
  });
}
