import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { proposeScenario, proposeScenarioForCase } from '../../src/vocabulary/tagging.commands.ts';
import { loadDefaultVocabulary } from '../../src/vocabulary/vocabulary.commands.ts';
import { retrainIfDue } from '../../src/vocabulary/vocabulary.jobs.ts';
import { vocabularyRoutingErrors, vocabularyTypes } from '../../src/vocabulary/vocabulary.table.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';

const type = (name: string, examples: string[], extra: Record<string, unknown> = {}) => ({
  name,
  definition: '',
  examples,
  scenario: null,
  aliases: {},
  ...extra,
});

/** A small synthetic taxonomy: three parents, six types, five examples each (fast to train). */
const synthetic = [
  {
    path: 'billing',
    spec: type('Billing', [], { scenario: 'billing-to-finance', aliases: { support: ['billing'] } }),
  },
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
      { aliases: { support: ['charged twice'], finance: ['dup capture', 'adjustment'] } },
    ),
  },
  {
    path: 'billing/refund-delayed',
    spec: type(
      'Refund not received',
      [
        'my refund has not arrived yet',
        'still waiting for the refund you promised',
        'where is my money back after cancelling',
        'the refund is two weeks late',
        'refund not in my bank account',
      ],
      { aliases: { finance: ['refund chase'], support: ['adjustment'] } },
    ),
  },
  { path: 'app', spec: type('App & portal', [], { scenario: 'tech-to-engineering' }) },
  {
    path: 'app/login',
    spec: type('Cannot sign in', [
      'I cannot log in to the app',
      'the password reset email never arrives',
      'the portal says my password is wrong',
      'locked out of my account on the website',
      'login keeps failing on my phone',
    ]),
  },
  {
    path: 'app/page-broken',
    spec: type('Page broken', [
      'the invoices page is blank',
      'the app crashes when I open my bookings',
      'the website shows an error page',
      'the page will not load in my browser',
      'buttons on the portal do nothing',
    ]),
  },
  { path: 'heating', spec: type('Heating', [], { scenario: 'tier1-to-tier2' }) },
  {
    path: 'heating/boiler-breakdown',
    spec: type(
      'Boiler breakdown',
      [
        'my boiler has stopped working',
        'no heating and no hot water since this morning',
        'the boiler will not fire up',
        'radiators are cold and the boiler is dead',
        'boiler broke down last night',
      ],
      { aliases: { support: ['no heat'], tier2: ['bd'] } },
    ),
  },
  {
    path: 'heating/leak',
    spec: type('Heating leak', [
      'water leaking from the radiator valve',
      'the boiler is dripping water on the floor',
      'a pipe near the boiler is leaking',
      'puddle under the radiator every morning',
      'leak from the heating pipes',
    ]),
  },
];

describeOnDatabases('one vocabulary', (h) => {
  const lead = () => h().tokenFor('grace');
  const agent = () => h().tokenFor('amara');
  const get = async (path: string, token?: string) =>
    h().request('GET', path, undefined, { token: token ?? (await lead()) });
  const post = async (path: string, body?: unknown, token?: string) =>
    h().request('POST', path, body, { token: token ?? (await lead()) });
  const revision = async () => (await get('/api/v1/vocabulary/types')).body.revision as number;

  beforeAll(async () => {
    const { database, org, other, now } = h();
    // The synthetic taxonomy replaces the default one (when organisations are created with it).
    await database.db.delete(vocabularyTypes).where(eq(vocabularyTypes.orgId, org.orgId));
    await database.db.transaction((tx) => loadDefaultVocabulary(tx, org.orgId, now(), synthetic));
    await database.db.transaction((tx) => loadDefaultVocabulary(tx, other.orgId, now()));
  });

  it('loads a taxonomy per organisation, once', async () => {
    const { database, org, other, now } = h();
    const list = await get('/api/v1/vocabulary/types');
    expect(list.status).toBe(200);
    expect(list.body.revision).toBe(1);
    expect(list.body.items.map((t: { path: string }) => t.path)).toContain('billing/duplicate-charge');
    expect(list.body.items).toHaveLength(synthetic.length);
    const child = list.body.items.find((t: { path: string }) => t.path === 'app/login');
    expect(child).toMatchObject({
      scenario: 'tech-to-engineering',
      scenarioInherited: true,
      status: 'active',
    });
    // The default policy went into the other organisation, and loading again changes nothing.
    const again = await database.db.transaction((tx) => loadDefaultVocabulary(tx, other.orgId, now()));
    expect(again.loaded).toBe(0);
    const mine = await database.db.transaction((tx) => loadDefaultVocabulary(tx, org.orgId, now()));
    expect(mine.loaded).toBe(0);
  });

  it('lets leads edit the taxonomy, as new revisions', async () => {
    const created = await post('/api/v1/vocabulary/types', {
      path: 'billing/double-charge',
      name: 'Double charge',
      examples: ['charged two times for one visit'],
      aliases: { support: ['two charges'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      path: 'billing/double-charge',
      scenario: 'billing-to-finance',
      revision: 2,
    });
    const alias = await post('/api/v1/vocabulary/types/billing%2Fdouble-charge/aliases', {
      team: 'finance',
      alias: 'double debit',
    });
    expect(alias.status).toBe(201);
    expect(alias.body.aliases.finance).toEqual(['double debit']);
    const same = await post('/api/v1/vocabulary/types/billing/double-charge/aliases', {
      team: 'finance',
      alias: 'Double-Debit',
    });
    expect(same.status).toBe(200);
    const patched = await h().request(
      'PATCH',
      '/api/v1/vocabulary/types/billing/double-charge',
      { definition: 'Two charges for one thing', note: 'clearer' },
      { token: await lead() },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ definition: 'Two charges for one thing', revision: 4 });
    const detail = await get('/api/v1/vocabulary/types/billing/double-charge');
    expect(detail.body.history.map((x: { change: string }) => x.change)).toEqual([
      'created',
      'alias_added',
      'updated',
    ]);
  });

  it('refuses bad edits with a clear error and changes nothing', async () => {
    const before = await revision();
    const attempts: [string, string, unknown, number, string, string?][] = [
      [
        'POST',
        '/api/v1/vocabulary/types',
        { path: 'Bad Path!', name: 'x' },
        400,
        'validation_failed',
        'path',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types',
        { path: 'nope/child', name: 'x' },
        422,
        'unknown_issue_type',
        'path',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types',
        { path: 'app/login', name: 'x' },
        409,
        'issue_type_exists',
        'path',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types',
        { path: 'app/x', name: 'x', scenario: 'nope' },
        422,
        'unknown_scenario',
        'scenario',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types',
        { path: 'app/x', name: 'x', aliases: { nobody: ['y'] } },
        422,
        'unknown_team',
        'aliases',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types/app%2Flogin/aliases',
        { team: 'support', alias: 'Charged twice' },
        409,
        'alias_conflict',
        'alias',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types/app/nope/aliases',
        { team: 'support', alias: 'y' },
        404,
        'not_found',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types/app/login/merge',
        { into: 'app/nope' },
        422,
        'unknown_issue_type',
        'into',
      ],
      [
        'POST',
        '/api/v1/vocabulary/types/app/login/merge',
        { into: 'app/login' },
        422,
        'invalid_merge',
        'into',
      ],
      ['POST', '/api/v1/vocabulary/types/app/retire', {}, 409, 'issue_type_has_children'],
      ['PATCH', '/api/v1/vocabulary/types/app/login', {}, 400, 'validation_failed'],
    ];
    for (const [method, path, body, status, code, field] of attempts) {
      const res = await h().request(method, path, body, { token: await lead() });
      expect([path, res.status, res.body.error?.code]).toEqual([path, status, code]);
      if (field) expect(res.body.error.field).toBe(field);
    }
    const forbidden = await post('/api/v1/vocabulary/types', { path: 'app/x', name: 'x' }, await agent());
    expect(forbidden.status).toBe(403);
    expect(await revision()).toBe(before);
  });

  it('normalises a team’s term: alias, fuzzy, model, none', async () => {
    const alias = await post(
      '/api/v1/vocabulary/normalise',
      { term: ' Charged-TWICE ', team: 'support' },
      await agent(),
    );
    expect(alias.status).toBe(200);
    expect(alias.body).toMatchObject({
      type: 'billing/duplicate-charge',
      via: 'alias',
      score: 1,
      scenario: 'billing-to-finance',
    });
    const own = await post('/api/v1/vocabulary/normalise', { term: 'adjustment', team: 'support' });
    expect(own.body.type).toBe('billing/refund-delayed');
    const fuzzy = await post('/api/v1/vocabulary/normalise', { term: 'refund chasing', team: 'finance' });
    expect(fuzzy.body).toMatchObject({ type: 'billing/refund-delayed', via: 'fuzzy' });
    const model = await post('/api/v1/vocabulary/normalise', {
      term: 'heating thing',
      text: 'my boiler has stopped working and there is no hot water',
    });
    expect(model.body).toMatchObject({
      type: 'heating/boiler-breakdown',
      via: 'model',
      scenario: 'tier1-to-tier2',
    });
    const none = await post('/api/v1/vocabulary/normalise', { term: 'qwxz', text: 'qwxz vbnm' });
    expect(none.body).toMatchObject({ type: null, via: 'none' });
    const badTeam = await post('/api/v1/vocabulary/normalise', { term: 'x', team: 'nobody' });
    expect([badTeam.status, badTeam.body.error.code, badTeam.body.error.field]).toEqual([
      422,
      'unknown_team',
      'team',
    ]);
    const empty = await post('/api/v1/vocabulary/normalise', { term: '  ' });
    expect([empty.status, empty.body.error.field]).toEqual([400, 'term']);
  });

  it('suggests a type with its scenario and the top three, and abstains when unsure', async () => {
    const res = await post(
      '/api/v1/vocabulary/suggest',
      { text: 'Hi, I was charged twice for my October invoice' },
      await agent(),
    );
    expect(res.status).toBe(200);
    expect(res.body.suggestion).toMatchObject({
      type: 'billing/duplicate-charge',
      scenario: 'billing-to-finance',
    });
    expect(res.body.suggestion.confidence).toBeGreaterThan(0.5);
    expect(res.body.top).toHaveLength(3);
    expect(res.body.abstained).toBe(false);
    const unsure = await post('/api/v1/vocabulary/suggest', { text: 'zzkq wpfx' });
    expect(unsure.body).toMatchObject({ abstained: true, suggestion: null });
    expect(unsure.body.top.length).toBeGreaterThan(0);
    const model = await get('/api/v1/vocabulary/model');
    expect(model.body.model).toMatchObject({ version: 1 });
    expect(model.body.model.report.trainedOn).toMatchObject({ taxonomy: 31, history: 0, corrections: 0 });
  });

  it('proposes the scenario for a case from its conversation', async () => {
    const kase = await post('/api/v1/cases', newCase());
    const res = await get(`/api/v1/cases/${kase.body.id}/suggestion`, await agent());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caseId: kase.body.id,
      proposedScenario: 'billing-to-finance',
      suggestion: { type: 'billing/duplicate-charge' },
    });
    expect((await get('/api/v1/cases/cs_nope/suggestion')).status).toBe(404);
    // The hook the handoff form and the pre-fill use.
    const proposal = await proposeScenarioForCase(h().database.db, h().org.orgId, kase.body.id, h().now());
    expect(proposal).toMatchObject({
      scenario: 'billing-to-finance',
      type: 'billing/duplicate-charge',
      abstained: false,
    });
    const unsure = await proposeScenario(h().database.db, h().org.orgId, 'zzkq wpfx', h().now());
    expect(unsure).toMatchObject({ scenario: null, abstained: true });
  });

  it('learns from a correction at the next training', async () => {
    const text = 'the smart meter readings in my account look odd';
    const kase = await post(
      '/api/v1/cases',
      newCase({ subject: 'Meter readings', messages: [{ role: 'customer', text }] }),
    );
    const bad = await post('/api/v1/vocabulary/corrections', { caseId: kase.body.id, to: 'app/nope' });
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([
      422,
      'unknown_issue_type',
      'to',
    ]);
    const noCase = await post('/api/v1/vocabulary/corrections', { caseId: 'cs_nope', to: 'app/page-broken' });
    expect(noCase.status).toBe(404);
    const saved = await post(
      '/api/v1/vocabulary/corrections',
      { caseId: kase.body.id, from: 'billing', to: 'app/page-broken' },
      await agent(),
    );
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ to: 'app/page-broken', fromType: 'billing' });
    expect(saved.body.suggested.type).not.toBe('app/page-broken');
    const forbidden = await post('/api/v1/vocabulary/train', { wait: true }, await agent());
    expect(forbidden.status).toBe(403);
    const trained = await post('/api/v1/vocabulary/train', { wait: true });
    expect(trained.status).toBe(201);
    expect(trained.body.model).toMatchObject({ version: 2 });
    expect(trained.body.model.report.trainedOn.corrections).toBe(1);
    const after = await post('/api/v1/vocabulary/suggest', { text: `Meter readings\n${text}` });
    expect(after.body.top[0].type).toBe('app/page-broken');
    expect(after.body.modelVersion).toBe(2);
  });

  it('retrains as a job once enough has been learnt, off the request path', async () => {
    const { database, org, now } = h();
    const kase = await post(
      '/api/v1/cases',
      newCase({ messages: [{ role: 'customer', text: 'boiler leaking water' }] }),
    );
    expect((await retrainIfDue(database.db, org.orgId, now(), 2)).trained).toBe(false);
    h().advance(1000);
    await post('/api/v1/vocabulary/corrections', { caseId: kase.body.id, to: 'heating/leak' });
    const due = await retrainIfDue(database.db, org.orgId, h().now(), 1);
    expect(due).toMatchObject({ trained: true, version: 3, newCorrections: 1 });
    const started = await post('/api/v1/vocabulary/train', {});
    expect(started.status).toBe(202);
    for (let i = 0; i < 100 && (await get('/api/v1/vocabulary/model')).body.training; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await get('/api/v1/vocabulary/model')).body.model.version).toBe(4);
    // As the web app sends it, with an Idempotency-Key: the route then runs in the key's
    // transaction, which ends with the answer; the training it started must not run in it.
    const keyed = await h().request(
      'POST',
      '/api/v1/vocabulary/train',
      {},
      { token: await lead(), headers: { 'idempotency-key': 'train-from-the-web-app' } },
    );
    expect(keyed.body).toEqual({ status: 'started' });
    for (let i = 0; i < 100 && (await get('/api/v1/vocabulary/model')).body.training; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await get('/api/v1/vocabulary/model')).body).toMatchObject({
      training: false,
      model: { version: 5 },
    });
  });

  it('merges A into B keeping history readable; retires a type', async () => {
    const kase = await post('/api/v1/cases', newCase({ issueType: 'billing/double-charge' }));
    const merged = await post('/api/v1/vocabulary/types/billing/double-charge/merge', {
      into: 'billing/duplicate-charge',
      note: 'one type for one thing',
    });
    expect(merged.status).toBe(200);
    expect(merged.body.merged).toMatchObject({
      status: 'merged',
      mergedInto: 'billing/duplicate-charge',
      label: 'billing/double-charge (merged into billing/duplicate-charge)',
    });
    expect(merged.body.into.aliases).toMatchObject({ support: ['charged twice', 'two charges'] });
    const view = await get(`/api/v1/cases/${kase.body.id}/suggestion`);
    expect(view.body.current).toMatchObject({
      type: 'billing/duplicate-charge',
      label: 'billing/double-charge (merged into billing/duplicate-charge)',
    });
    const term = await post('/api/v1/vocabulary/normalise', { term: 'double debit' });
    expect(term.body).toMatchObject({ type: 'billing/duplicate-charge', via: 'alias' });
    const history = await get('/api/v1/vocabulary/types/billing%2Fduplicate-charge');
    expect(
      history.body.history.map((x: { change: string; path: string }) => `${x.path}:${x.change}`),
    ).toEqual([
      'billing/duplicate-charge:loaded',
      'billing/double-charge:merged',
      'billing/duplicate-charge:absorbed',
    ]);
    const again = await post('/api/v1/vocabulary/types/billing/double-charge/merge', { into: 'app/login' });
    expect([again.status, again.body.error.code]).toEqual([409, 'issue_type_inactive']);

    const retired = await post('/api/v1/vocabulary/types/heating/leak/retire', { note: 'split by location' });
    expect(retired.body).toMatchObject({ status: 'retired', label: 'heating/leak (retired)' });
    const active = await get('/api/v1/vocabulary/types');
    expect(active.body.items.map((t: { path: string }) => t.path)).not.toContain('heating/leak');
    const all = await get('/api/v1/vocabulary/types?status=all');
    expect(all.body.items.map((t: { path: string }) => t.path)).toContain('heating/leak');
    const log = await get('/api/v1/vocabulary/revisions?limit=2');
    expect(log.body.items[0]).toMatchObject({ path: 'heating/leak', change: 'retired' });
  });

  it('records a wrong-team bounce as a tagging error, and reports drift', async () => {
    const kase = await post('/api/v1/cases', newCase({ issueType: 'charged twice' }));
    await get(`/api/v1/cases/${kase.body.id}/suggestion`);
    const sent = await post(`/api/v1/cases/${kase.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const bounced = await post(`/api/v1/handoffs/${sent.body.id}/bounce`, {
      reason: 'wrong_team',
      note: 'this is a tech issue',
    });
    expect(bounced.status).toBe(200);
    const [error] = await h()
      .database.db.select()
      .from(vocabularyRoutingErrors)
      .where(eq(vocabularyRoutingErrors.handoffId, sent.body.id));
    expect(error).toMatchObject({
      tag: 'charged twice',
      issueType: 'billing/duplicate-charge',
      suggestedType: 'billing/duplicate-charge',
      scenario: 'billing-to-finance',
      toTeam: 'finance',
      expectedScenario: 'billing-to-finance',
    });

    await post('/api/v1/cases', newCase({ issueType: 'kaput boiler' }));
    const drift = await get('/api/v1/vocabulary/drift?week=2026-W48');
    expect(drift.status).toBe(200);
    expect(drift.body).toMatchObject({
      week: '2026-W48',
      from: '2026-11-23T00:00:00.000Z',
      timezone: 'Europe/London',
    });
    expect(drift.body.misroutes).toEqual([
      expect.objectContaining({ type: 'billing/duplicate-charge', count: 1 }),
    ]);
    expect(drift.body.volume.map((v: { type: string }) => v.type)).toContain('billing/duplicate-charge');
    expect(drift.body.model.suggestions).toBeGreaterThan(3);
    const unmapped = drift.body.teams.flatMap((t: { unmappedTerms: { term: string }[] }) => t.unmappedTerms);
    expect(unmapped.map((t: { term: string }) => t.term)).toContain('kaput boiler');
    expect(drift.body.corrections.length).toBeGreaterThan(0);
    const current = await get('/api/v1/vocabulary/drift');
    expect(current.body.week).toBe('2026-W48');
    for (const week of ['2026-48', '2025-W53']) {
      const bad = await get(`/api/v1/vocabulary/drift?week=${week}`);
      expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([
        400,
        'validation_failed',
        'week',
      ]);
    }
  });

  it('keeps organisations apart', async () => {
    const { database, other } = h();
    const otherTypes = await database.db.transaction((tx) =>
      loadDefaultVocabulary(tx, other.orgId, new Date()),
    );
    expect(otherTypes.loaded).toBe(0);
    const mine = await get('/api/v1/vocabulary/types/app/login');
    expect(mine.status).toBe(200);
    const theirs = await get('/api/v1/vocabulary/types/smart-thermostat/offline');
    expect(theirs.status).toBe(404);
  });
});
