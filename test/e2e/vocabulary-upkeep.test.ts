import { eq } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { loadDefaultVocabulary } from '../../src/vocabulary/vocabulary.commands.ts';
import { runVocabularyJob } from '../../src/vocabulary/vocabulary.jobs.ts';
import { vocabularyState, vocabularyTypes } from '../../src/vocabulary/vocabulary.table.ts';
import { describeOnDatabases } from '../support/harness.ts';
import { snapshotAll } from '../support/snapshot.ts';

/**
 * Keeping the vocabulary up: a failed training is kept and shown until one succeeds (also when the
 * job or a background training failed, which have no caller to tell), one team's word for an issue
 * type is removed on its own, and `unknown_team` names the field the team was given in.
 */

const type = (name: string, examples: string[], extra: Record<string, unknown> = {}) => ({
  name,
  definition: '',
  examples,
  scenario: null,
  aliases: {},
  ...extra,
});

/** Examples for one issue type only: the tagger needs two, so every training fails at first. */
const oneLabel = [
  { path: 'billing', spec: type('Billing', [], { scenario: 'billing-to-finance' }) },
  {
    path: 'billing/duplicate-charge',
    spec: type(
      'Duplicate charge',
      [
        'I was charged twice for my invoice',
        'two payments were taken from my account',
        'double charged for the same bill',
        'you took the direct debit twice this month',
        'duplicate payment on my bank statement',
      ],
      { aliases: { support: ['charged twice', 'double charge'], finance: ['dup capture', 'Dup Payment'] } },
    ),
  },
  {
    path: 'billing/refund-delayed',
    spec: type('Refund not received', [], { aliases: { finance: ['refund chase'] } }),
  },
  { path: 'app', spec: type('App & portal', [], { scenario: 'tech-to-engineering' }) },
  { path: 'app/login', spec: type('Cannot sign in', []) },
];

describeOnDatabases('vocabulary upkeep', (h) => {
  const lead = () => h().tokenFor('grace');
  const agent = () => h().tokenFor('amara');
  const call = async (method: string, path: string, body?: unknown, token?: string) =>
    h().request(method, path, body, { token: token ?? (await lead()) });
  const model = async () => (await call('GET', '/api/v1/vocabulary/model')).body;
  const revision = async () => (await call('GET', '/api/v1/vocabulary/types')).body.revision as number;
  const settled = async () => {
    for (let i = 0; i < 200 && (await model()).training; i++) await new Promise((r) => setTimeout(r, 50));
  };
  const job = (now: Date) =>
    runVocabularyJob({ database: h().database, logger: pino({ level: 'silent' }) }, now);

  beforeAll(async () => {
    const { database, org, now } = h();
    await database.db.delete(vocabularyTypes).where(eq(vocabularyTypes.orgId, org.orgId));
    await database.db.transaction((tx) => loadDefaultVocabulary(tx, org.orgId, now(), oneLabel));
  });

  it('keeps the last failed training until one succeeds; another process training is no failure', async () => {
    const { database, org } = h();
    expect(await model()).toEqual({ model: null, training: false, lastFailure: null });

    // Another process holds the training lease: the answer says so, and nothing failed.
    const until = new Date(h().now().getTime() + 60_000);
    await database.db
      .insert(vocabularyState)
      .values({ orgId: org.orgId, trainingUntil: until, trainingBy: 'elsewhere', updatedAt: h().now() })
      .onConflictDoUpdate({
        target: vocabularyState.orgId,
        set: { trainingUntil: until, trainingBy: 'elsewhere' },
      });
    const busy = await call('POST', '/api/v1/vocabulary/train', { wait: true });
    expect([busy.status, busy.body.error.code]).toEqual([409, 'training_in_progress']);
    expect((await model()).lastFailure).toBeNull();
    await database.db
      .update(vocabularyState)
      .set({ trainingUntil: null, trainingBy: null })
      .where(eq(vocabularyState.orgId, org.orgId));

    // Waited for: the caller hears it, and so does everyone after.
    const waited = await call('POST', '/api/v1/vocabulary/train', { wait: true });
    expect([waited.status, waited.body.error.code]).toEqual([409, 'tagger_unavailable']);
    expect(await model()).toEqual({
      model: null,
      training: false,
      lastFailure: {
        at: h().now().toISOString(),
        code: 'tagger_unavailable',
        message: 'examples cover 1 issue type(s); two are needed',
      },
    });

    // Started in the background, as the web app does: the failure is kept with its own time.
    h().advance(60_000);
    const started = await call('POST', '/api/v1/vocabulary/train', {});
    expect([started.status, started.body.status]).toEqual([202, 'started']);
    await settled();
    expect((await model()).lastFailure).toMatchObject({
      at: h().now().toISOString(),
      code: 'tagger_unavailable',
    });

    // The scheduled job (the organisation has no model, so it trains) records its failure the same way.
    h().advance(60_000);
    await job(h().now());
    expect((await model()).lastFailure).toMatchObject({
      at: h().now().toISOString(),
      code: 'tagger_unavailable',
    });
    const agentView = await call('GET', '/api/v1/vocabulary/model', undefined, await agent());
    expect(agentView.body.lastFailure.code).toBe('tagger_unavailable');
  });

  it('records any other error as internal, without its details', async () => {
    const { database, org } = h();
    // A stored type that no longer reads: the training throws while loading the taxonomy.
    await database.db.insert(vocabularyTypes).values({
      orgId: org.orgId,
      path: 'broken',
      revision: 999,
      status: 'active',
      spec: { definition: 'no name' },
      change: 'created',
    });
    h().advance(60_000);
    try {
      const res = await call('POST', '/api/v1/vocabulary/train', { wait: true });
      expect([res.status, res.body.error.code]).toEqual([500, 'internal']);
      expect((await model()).lastFailure).toEqual({
        at: h().now().toISOString(),
        code: 'internal',
        message: 'the training stopped on an unexpected error (see the server log)',
      });
    } finally {
      await database.db.delete(vocabularyTypes).where(eq(vocabularyTypes.path, 'broken'));
    }
  });

  it('clears the failure when a training succeeds', async () => {
    const examples = [
      'my refund has not arrived yet',
      'still waiting for the refund you promised',
      'where is my money back after cancelling',
      'the refund is two weeks late',
    ];
    const patched = await call('PATCH', '/api/v1/vocabulary/types/billing/refund-delayed', { examples });
    expect(patched.status).toBe(200);
    const trained = await call('POST', '/api/v1/vocabulary/train', { wait: true });
    expect(trained.status).toBe(201);
    expect(await model()).toMatchObject({ model: { version: 1 }, training: false, lastFailure: null });
    // A job run with nothing new to learn leaves it clear.
    await job(h().now());
    expect((await model()).lastFailure).toBeNull();
  });

  it("removes one team's alias as a new revision, at either address of the type", async () => {
    const before = await revision();
    const one = await call(
      'DELETE',
      '/api/v1/vocabulary/types/billing/duplicate-charge/aliases/finance/dup%20capture',
    );
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      revision: before + 1,
      aliases: { support: ['charged twice', 'double charge'], finance: ['Dup Payment'] },
    });
    // The `{path}` spelling, and the word matched as normalisation matches it.
    const two = await call(
      'DELETE',
      '/api/v1/vocabulary/types/billing%2Fduplicate-charge/aliases/finance/dup-payment',
    );
    expect(two.status).toBe(200);
    // The team's last word: the team's entry goes.
    expect(two.body.aliases).toEqual({ support: ['charged twice', 'double charge'] });
    const history = (await call('GET', '/api/v1/vocabulary/types/billing/duplicate-charge')).body.history;
    expect(history.slice(-2).map((x: { change: string; note: string }) => [x.change, x.note])).toEqual([
      ['alias_removed', 'finance: dup capture'],
      ['alias_removed', 'finance: Dup Payment'],
    ]);
    const log = (await call('GET', '/api/v1/vocabulary/revisions?limit=1')).body.items;
    expect(log[0]).toMatchObject({ revision: before + 2, change: 'alias_removed' });
    // Finance's word no longer means the type for Finance.
    const term = await call('POST', '/api/v1/vocabulary/normalise', { term: 'dup capture', team: 'finance' });
    expect(term.body.via === 'alias' && term.body.type === 'billing/duplicate-charge').toBe(false);
  });

  it('refuses a bad removal with a clear error, the field at fault, and changes nothing', async () => {
    const base = '/api/v1/vocabulary/types';
    const before = await snapshotAll(h().database, h().org.orgId);
    const attempts: [string, number, string, string?][] = [
      [`${base}/billing/nope/aliases/finance/x`, 404, 'not_found'],
      [`${base}/nope/aliases/finance/x`, 404, 'not_found'],
      [`${base}/billing/duplicate-charge/aliases/nobody/charged%20twice`, 422, 'unknown_team', 'team'],
      // A team key that is also a property every object inherits (found by the route fuzzer: a 500).
      [`${base}/billing/duplicate-charge/aliases/constructor/x`, 422, 'unknown_team', 'team'],
      [`${base}/billing/duplicate-charge/aliases/support/charged%20thrice`, 422, 'unknown_alias', 'alias'],
      [`${base}/billing/duplicate-charge/aliases/finance/dup%20capture`, 422, 'unknown_alias', 'alias'],
      [`${base}/billing/duplicate-charge/aliases/Not%20A%20Key/x`, 400, 'validation_failed', 'team'],
      [
        `${base}/billing/duplicate-charge/aliases/support/${'x'.repeat(101)}`,
        400,
        'validation_failed',
        'alias',
      ],
    ];
    for (const [path, status, code, field] of attempts) {
      const res = await call('DELETE', path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, status, code]);
      if (field) expect([path, res.body.error.field]).toEqual([path, field]);
    }
    const missing = await call('DELETE', `${base}/billing/duplicate-charge/aliases/support/charged%20thrice`);
    expect(missing.body.error).toMatchObject({
      team: 'support',
      alias: 'charged thrice',
      aliases: ['charged twice', 'double charge'],
    });
    const forbidden = await call(
      'DELETE',
      `${base}/billing/duplicate-charge/aliases/support/charged%20twice`,
      undefined,
      await agent(),
    );
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'forbidden']);
    expect(await snapshotAll(h().database, h().org.orgId)).toEqual(before);
  });

  it('names the field that held the unknown team: `team` on the alias route, `aliases` in a type', async () => {
    const before = await revision();
    const onAlias = await call('POST', '/api/v1/vocabulary/types/app/login/aliases', {
      team: 'nobody',
      alias: 'cannot log in',
    });
    expect([onAlias.status, onAlias.body.error.code, onAlias.body.error.field]).toEqual([
      422,
      'unknown_team',
      'team',
    ]);
    expect(onAlias.body.error.team).toBe('nobody');
    const inherited = await call('POST', '/api/v1/vocabulary/types/app/login/aliases', {
      team: 'constructor',
      alias: 'cannot log in',
    });
    expect([inherited.status, inherited.body.error.code]).toEqual([422, 'unknown_team']);
    const onPatch = await call('PATCH', '/api/v1/vocabulary/types/app/login', { aliases: { nobody: ['x'] } });
    expect([onPatch.status, onPatch.body.error.code, onPatch.body.error.field]).toEqual([
      422,
      'unknown_team',
      'aliases',
    ]);
    const onCreate = await call('POST', '/api/v1/vocabulary/types', {
      path: 'app/crash',
      name: 'Crash',
      aliases: { nobody: ['x'] },
    });
    expect([onCreate.body.error.code, onCreate.body.error.field]).toEqual(['unknown_team', 'aliases']);
    expect(await revision()).toBe(before);
  });

  it('documents the removal at both addresses of a type', async () => {
    const paths = (await call('GET', '/openapi.json')).body.paths;
    for (const at of ['{path}', '{parent}/{child}']) {
      const op = paths[`/api/v1/vocabulary/types/${at}/aliases/{team}/{alias}`]?.delete;
      expect(op?.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
        (at === '{path}' ? ['alias', 'path', 'team'] : ['alias', 'child', 'parent', 'team']).sort(),
      );
    }
  });
});
