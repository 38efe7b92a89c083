import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadDefaultVocabulary } from '../../src/vocabulary/vocabulary.commands.ts';
import { vocabularyTypes } from '../../src/vocabulary/vocabulary.table.ts';
import { axeViolations } from '../support/axe.ts';
import { basicA11y, screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * The Vocabulary screen in a real Chromium, on the demo organisation's taxonomy: a lead filters by a
 * team's word, adds a type with its scenario, adds an alias (a conflicting one is explained and
 * changes nothing) and removes one, retires and merges types, and trains the tagger; the API shows
 * each change. An agent reads the same tree with no way to change it. The Drift tab shows a week's
 * drift; a failed training is told in words until one succeeds.
 */
const app = withWebApp({ people: ['grace', 'amara'], shots: 'vocabulary' });
const { call } = app;

type TypeView = {
  path: string;
  status: string;
  mergedInto: string | null;
  aliases: Record<string, string[]>;
};
const typeOf = (path: string): Promise<TypeView & Record<string, unknown>> =>
  call('GET', `/api/v1/vocabulary/types/${path}`);

describe('vocabulary screen [pglite]', () => {
  it('lets a lead read, filter, add, alias, retire, merge and train', async () => {
    const active = (await call('GET', '/api/v1/vocabulary/types')).items as TypeView[];
    expect(active.length).toBeGreaterThan(30);

    const { page, errors } = await app.signedIn('vocabulary-lead', 'grace@northwind.example');
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') writes.push(`${r.method()} ${decodeURIComponent(new URL(r.url()).pathname)}`);
    });
    await page.goto(`${app.url}/settings`);
    await page.getByRole('link', { name: 'Vocabulary' }).click();
    await page.getByRole('heading', { name: 'Vocabulary', level: 1 }).waitFor();
    const tree = page.getByTestId('vocab-tree');
    const row = (path: string) => page.locator(`[data-testid="vocab-type"][data-path="${path}"]`);
    // The demo taxonomy: every active type, parents with their children, each team's words.
    await expect.poll(() => tree.getByTestId('vocab-type').count()).toBe(active.length);
    const duplicate = await row('billing/duplicate-charge').textContent();
    expect(duplicate).toContain('Duplicate charge');
    expect(duplicate).toContain('Routes to Billing to Finance (from its parent)');
    expect(duplicate).toMatch(/Finance.*dup payment/);
    expect(duplicate).toMatch(/Support.*charged twice/);
    expect(await page.locator('.vocab-children [data-path="billing/duplicate-charge"]').count()).toBe(1);
    await page.getByTestId('model-panel').waitFor();
    await page.getByTestId('revision-log').getByText('Loaded the default vocabulary').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'vocabulary');

    // "/" focuses the filter; Finance's word finds the type (with its parent as context), marked.
    await page.locator('body').press('/');
    const filter = page.getByLabel('Filter issue types');
    await expect.poll(() => filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('dup payment');
    await expect.poll(() => tree.getByTestId('vocab-type').count()).toBe(2);
    expect(await row('billing').count()).toBe(1);
    expect(await row('billing/duplicate-charge').locator('mark').textContent()).toBe('dup payment');
    await screenshot(page, 'vocabulary-filtered');
    await page.keyboard.press('Escape');
    await expect.poll(() => tree.getByTestId('vocab-type').count()).toBe(active.length);

    // A child type with its own scenario, from the keyboard-first dialog (the name has the focus).
    await page.getByRole('button', { name: 'Add type under Billing & direct debits' }).click();
    const form = page.getByTestId('type-form');
    const name = form.getByLabel('Name');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Chargeback');
    expect(await form.getByLabel('Path key').inputValue()).toBe('chargeback');
    await form.getByLabel(/Definition/).fill('The customer disputed a payment with their bank.');
    await form
      .getByLabel(/Examples/)
      .fill('My bank is reversing the payment\nI raised a chargeback with my card');
    await form.getByLabel('Routes to scenario').selectOption('agent-to-supervisor');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'vocabulary-add-type');
    await form.getByRole('button', { name: 'Add type' }).click();
    await page.getByTestId('vocab-notice').getByText('Chargeback is added.').waitFor();
    await row('billing/chargeback').waitFor();
    expect(await row('billing/chargeback').textContent()).toContain('Routes to Agent to Supervisor');
    const made = await typeOf('billing/chargeback');
    expect(made).toMatchObject({
      status: 'active',
      scenario: 'agent-to-supervisor',
      scenarioInherited: false,
      examples: ['My bank is reversing the payment', 'I raised a chargeback with my card'],
    });

    // A path that exists: the API's error at the key field; Escape closes the dialog, nothing changed.
    const revision = (await call('GET', '/api/v1/vocabulary/types')).revision;
    await page.getByRole('button', { name: 'Add type under Billing & direct debits' }).click();
    await name.fill('Duplicate charge again');
    await form.getByLabel('Path key').fill('duplicate-charge');
    await form.getByRole('button', { name: 'Add type' }).click();
    const keyError = form.locator('.field-error');
    await keyError.waitFor();
    expect(await keyError.textContent()).toContain('already exists');
    expect(await form.getByLabel('Path key').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect((await call('GET', '/api/v1/vocabulary/types')).revision).toBe(revision);

    // A team's word for the new type.
    await page.getByRole('button', { name: 'Add alias to Chargeback' }).click();
    const aliasForm = page.getByTestId('alias-form');
    const team = aliasForm.getByLabel('Team');
    await expect.poll(() => team.evaluate((el) => el === document.activeElement)).toBe(true);
    await team.selectOption('finance');
    await aliasForm.getByLabel('Their word for Chargeback').fill('bank dispute');
    await aliasForm.getByRole('button', { name: 'Add alias' }).click();
    await page
      .getByTestId('vocab-notice')
      .getByText("Finance's word “bank dispute” now means Chargeback.")
      .waitFor();
    await expect.poll(() => row('billing/chargeback').textContent()).toMatch(/Finance.*bank dispute/);
    expect((await typeOf('billing/chargeback')).aliases).toEqual({ finance: ['bank dispute'] });

    // Finance's word for another type: explained in words, and nothing changes.
    const before = await call('GET', '/api/v1/vocabulary/types');
    await page.getByRole('button', { name: 'Add alias to Chargeback' }).click();
    await team.selectOption('finance');
    await aliasForm.getByLabel('Their word for Chargeback').fill('Dup payment');
    await aliasForm.getByRole('button', { name: 'Add alias' }).click();
    const conflict = page.getByTestId('alias-error');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(
      'Finance already uses “dup payment” for Duplicate charge (billing/duplicate-charge).',
    );
    expect(await aliasForm.getByLabel('Their word for Chargeback').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'vocabulary-alias-conflict');
    expect(await call('GET', '/api/v1/vocabulary/types')).toEqual(before);
    // The team's words are listed in the dialog, each removable: that one word goes, as its own
    // revision, not a rewrite of the type's whole list of words.
    await aliasForm.getByRole('button', { name: 'Remove “bank dispute” for Finance' }).click();
    await page.getByTestId('vocab-notice').getByText('“bank dispute” no longer means Chargeback').waitFor();
    expect((await typeOf('billing/chargeback')).aliases).toEqual({});
    expect(writes.filter((w) => w.includes('/aliases/'))).toEqual([
      'DELETE /api/v1/vocabulary/types/billing/chargeback/aliases/finance/bank dispute',
    ]);
    expect(writes.filter((w) => w.startsWith('PATCH'))).toEqual([]);
    await expect
      .poll(() => page.getByTestId('revision-log').textContent())
      .toContain("Removed Finance's word “bank dispute” for Chargeback");

    // Edit: a new definition, and the parent's scenario instead of its own.
    await page.getByRole('button', { name: 'Edit Chargeback' }).click();
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.inputValue()).toBe('Chargeback');
    await form.getByLabel(/Definition/).fill('The customer asked their bank to reverse a payment.');
    await form.getByLabel('Routes to scenario').selectOption('');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('vocab-notice').getByText('Chargeback is saved.').waitFor();
    expect(await typeOf('billing/chargeback')).toMatchObject({
      definition: 'The customer asked their bank to reverse a payment.',
      scenario: 'billing-to-finance',
      scenarioInherited: true,
      examples: made.examples,
    });
    await expect.poll(() => row('billing/chargeback').textContent()).toContain('(from its parent)');

    // A parent with active types is not retired: the API's reason is shown.
    await page.getByRole('button', { name: 'Retire Billing & direct debits' }).click();
    await page.getByRole('button', { name: 'Retire Billing & direct debits' }).last().click();
    const refused = page.getByRole('alert').filter({ hasText: 'was not retired' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('retire or merge its types first');
    expect((await typeOf('billing')).status).toBe('active');
    await page.keyboard.press('Escape');

    // Retire the new type; merge one type into another.
    await page.getByRole('button', { name: 'Retire Chargeback' }).click();
    const retire = page.getByTestId('retire-form');
    await retire.getByLabel(/Note for the change log/).fill('Handled by the bank team now');
    await retire.getByRole('button', { name: 'Retire Chargeback' }).click();
    await page.getByTestId('vocab-notice').getByText('Chargeback is retired').waitFor();
    await expect.poll(() => row('billing/chargeback').count()).toBe(0);
    expect((await typeOf('billing/chargeback')).status).toBe('retired');

    await page.getByRole('button', { name: 'Merge Unexpected charge or fee' }).click();
    const merge = page.getByTestId('merge-form');
    const into = merge.getByLabel('Merge into');
    await expect.poll(() => into.evaluate((el) => el === document.activeElement)).toBe(true);
    await into.selectOption('billing/wrong-invoice');
    expect(await merge.textContent()).toContain('(merged into Wrong invoice)');
    await screenshot(page, 'vocabulary-merge');
    await merge.getByRole('button', { name: 'Merge into Wrong invoice' }).click();
    await page.getByTestId('vocab-notice').getByText('merged into Wrong invoice').waitFor();
    const merged = await typeOf('billing/unexpected-fee');
    expect(merged).toMatchObject({ status: 'merged', mergedInto: 'billing/wrong-invoice' });
    const wrongInvoice = await typeOf('billing/wrong-invoice');
    for (const [t, words] of Object.entries(merged.aliases))
      expect(wrongInvoice.aliases[t]).toEqual(expect.arrayContaining(words));

    // Retired and merged types come back, labelled, behind the toggle.
    await page.getByLabel('Show retired and merged').check();
    await row('billing/chargeback').waitFor();
    expect(await row('billing/chargeback').textContent()).toContain('Retired');
    expect(await row('billing/unexpected-fee').textContent()).toContain('Merged into Wrong invoice');
    expect(await row('billing/unexpected-fee').getByRole('button').count()).toBe(0);
    const log = page.getByTestId('revision-log');
    await expect.poll(() => log.textContent()).toContain('Merged Unexpected charge or fee');
    expect(await log.textContent()).toContain('Retired Chargeback');
    expect(await log.textContent()).toContain('“Handled by the bank team now”');
    expect(await log.textContent()).toContain('Grace');
    expect(await axeViolations(page)).toEqual([]);
    await row('billing/chargeback').scrollIntoViewIfNeeded();
    await screenshot(page, 'vocabulary-show-all');

    // Train now: "Training…" while the worker runs, then the new version.
    const modelBefore = (await call('GET', '/api/v1/vocabulary/model')).model?.version ?? 0;
    await page.getByRole('button', { name: 'Train now' }).click();
    await page.getByTestId('model-trained').waitFor({ timeout: 60_000 });
    const trained = (await call('GET', '/api/v1/vocabulary/model')).model.version;
    expect(trained).toBeGreaterThan(modelBefore);
    expect(await page.getByTestId('model-trained').textContent()).toContain(`Version ${trained} is trained`);
    expect(await page.getByTestId('model-facts').textContent()).toContain(`${trained}, trained`);
    await screenshot(page, 'vocabulary-trained');

    // On a phone: nothing runs past the screen's edge, dialogs included.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Show retired and merged').uncheck();
    await page.waitForTimeout(300);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'vocabulary-narrow');
    await page.getByRole('button', { name: 'Add alias to Duplicate charge' }).click();
    await page.getByTestId('alias-form').waitFor();
    await screenshot(page, 'vocabulary-narrow-alias');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  }, 150_000);

  it('shows an agent the same tree, read only', async () => {
    const { page, errors } = await app.signedIn('vocabulary-agent', 'amara@northwind.example');
    await page.goto(`${app.url}/settings/vocabulary`);
    await page.getByRole('heading', { name: 'Vocabulary', level: 1 }).waitFor();
    const tree = page.getByTestId('vocab-tree');
    await tree.waitFor();
    const active = (await call('GET', '/api/v1/vocabulary/types')).items.length;
    expect(await tree.getByTestId('vocab-type').count()).toBe(active);
    expect(await tree.getByRole('button').count()).toBe(0);
    await page.getByTestId('model-facts').or(page.getByTestId('model-panel')).first().waitFor();
    for (const label of ['Add type', 'Train now'])
      expect(await page.getByRole('button', { name: label }).count(), label).toBe(0);
    expect(await page.getByText('Team leads change it; you can read it.').count()).toBe(1);
    // The filter works for everyone.
    await page.getByLabel('Filter issue types').fill('boiler down');
    await expect.poll(() => tree.getByTestId('vocab-type').count()).toBe(2);
    expect(await basicA11y(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'vocabulary-agent');
    expect(errors).toEqual([]);
  }, 60_000);

  it("shows a week's drift on its own tab, from the keyboard, with empty and error states", async () => {
    // This week: six duplicate charges (a type with no cases before), and a word Support uses that
    // no issue type knows.
    for (let i = 0; i < 6; i++) {
      await call('POST', '/api/v1/cases', {
        subject: `Charged twice ${i}`,
        customer: { externalId: `drift-${i}`, name: `Customer ${i}` },
        channel: 'chat',
        issueType: 'billing/duplicate-charge',
      });
    }
    for (let i = 0; i < 3; i++) {
      const read = await call('POST', '/api/v1/vocabulary/normalise', {
        term: 'qwzx gizmo',
        team: 'support',
      });
      expect(read.type).toBeNull();
    }

    const { page, errors } = await app.signedIn('vocabulary-drift', 'grace@northwind.example');
    await page.goto(`${app.url}/settings/vocabulary`);
    const typesTab = page.getByRole('tab', { name: 'Issue types' });
    await typesTab.waitFor();
    expect(await typesTab.getAttribute('aria-selected')).toBe('true');
    // The tabs are one stop: the arrow keys move between them and show the one reached.
    await typesTab.focus();
    await page.keyboard.press('ArrowRight');
    const driftTab = page.getByRole('tab', { name: 'Drift' });
    await expect.poll(() => driftTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => driftTab.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).search).toBe('?tab=drift');
    const panel = page.getByTestId('drift-panel');
    await panel.getByTestId('drift-report').waitFor();
    const week = panel.getByLabel('Week', { exact: true });
    const current = (await call('GET', '/api/v1/vocabulary/drift')).week as string;
    expect(await week.inputValue()).toBe(current);
    expect(await week.locator('option:checked').textContent()).toBe(`This week (${current})`);

    // What drifted, in words, then the figures.
    const alerts = await panel.getByTestId('drift-alerts').textContent();
    expect(alerts).toContain('billing/duplicate-charge: 6 cases this week against 0 a week before');
    const volume = panel.locator('[data-testid="drift-volume"][data-type="billing/duplicate-charge"]');
    expect(await volume.textContent()).toMatch(/Duplicate charge.*6.*New/);
    const word = panel.getByTestId('drift-word').filter({ hasText: 'qwzx gizmo' });
    expect(await word.textContent()).toMatch(/Support.*3.*New word/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'vocabulary-drift');

    // A week with nothing in it, or the weeks before it: said so.
    const quiet = (await week.locator('option').nth(20).getAttribute('value'))!;
    await week.selectOption(quiet);
    await panel.getByText(`Nothing to compare in ${quiet}`).waitFor();
    expect(await panel.getByTestId('drift-range').textContent()).toMatch(
      /^Mon \d+ \w+ to Sun \d+ \w+ \d{4} \(Europe\/London\)/,
    );
    // "Week after" from the keyboard.
    const after = panel.getByRole('button', { name: 'Week after ›' });
    await after.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => week.inputValue()).not.toBe(quiet);
    await panel.getByText(/^Nothing to compare in/).waitFor();
    expect(await panel.getByRole('button', { name: 'Week before' }).isEnabled()).toBe(true);
    await screenshot(page, 'vocabulary-drift-empty');

    // The server cannot answer: said so, and the next week asked for reads again.
    await page.route(/\/api\/v1\/vocabulary\/drift/, (route) =>
      route.fulfill({
        status: 503,
        json: {
          error: {
            code: 'unavailable',
            message: 'Baton is starting or its database is not reachable; retry.',
          },
        },
      }),
    );
    await week.selectOption(current);
    const failed = panel.getByRole('alert').filter({ hasText: 'The drift report could not be read' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('unavailable');
    await page.unroute(/\/api\/v1\/vocabulary\/drift/);
    await panel.getByLabel('Against').selectOption('8');
    await panel.getByTestId('drift-report').waitFor();
    expect(await panel.getByTestId('drift-range').textContent()).toContain('against');

    // On a phone: the tables scroll inside their card, the page does not run past the screen's edge.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, 'vocabulary-drift-narrow');
    await panel.getByRole('heading', { name: 'Cases per issue type' }).evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'vocabulary-drift-narrow-tables');
    // Back on the tree, by the same keys.
    await driftTab.focus();
    await page.keyboard.press('Home');
    await page.getByTestId('vocab-tree').waitFor();
    expect(errors.filter((e) => !e.includes('status of 503'))).toEqual([]);
  }, 90_000);

  it('tells a lead in words that a training failed, until one succeeds', async () => {
    // A taxonomy whose examples name one issue type only: the tagger needs two, so training fails.
    const { database } = app;
    const orgId = app.web.org.orgId;
    const example = (n: number) => `I was charged twice for invoice ${n}`;
    const spec = (name: string, examples: string[]) => ({
      name,
      definition: '',
      examples,
      scenario: null,
      aliases: {},
    });
    await database.db.delete(vocabularyTypes).where(eq(vocabularyTypes.orgId, orgId));
    await database.db.transaction((tx) =>
      loadDefaultVocabulary(tx, orgId, new Date(), [
        { path: 'billing', spec: { ...spec('Billing', []), scenario: 'billing-to-finance' } },
        { path: 'billing/duplicate-charge', spec: spec('Duplicate charge', [1, 2, 3, 4].map(example)) },
        { path: 'billing/refund-delayed', spec: spec('Refund not received', []) },
      ]),
    );
    const before = (await call('GET', '/api/v1/vocabulary/model')).model.version as number;

    const { page, errors } = await app.signedIn('vocabulary-failed', 'grace@northwind.example');
    await page.goto(`${app.url}/settings/vocabulary`);
    const panel = page.getByTestId('model-panel');
    await panel.getByTestId('model-facts').waitFor();
    expect(await panel.getByTestId('model-failure').count()).toBe(0);
    await panel.getByRole('button', { name: 'Train now' }).click();
    // Told as soon as the training ends, in words, with what to do.
    const failure = panel.getByRole('alert').filter({ hasText: 'The training failed' });
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.textContent()).toContain(
      'Examples cover 1 issue type(s); two are needed. Add examples to more issue types',
    );
    expect(await panel.getByTestId('model-trained').count()).toBe(0);
    expect((await call('GET', '/api/v1/vocabulary/model')).lastFailure.code).toBe('tagger_unavailable');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'vocabulary-training-failed');

    // Kept by the server: a later visit still says so, and the model in use is still the last good one.
    await page.reload();
    const kept = panel.getByTestId('model-failure');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('The last training failed');
    expect(await panel.getByTestId('model-facts').textContent()).toContain(`${before}, trained`);
    await page.setViewportSize({ width: 390, height: 844 });
    await kept.scrollIntoViewIfNeeded();
    await screenshot(page, 'vocabulary-training-failed-narrow');
    await page.setViewportSize({ width: 1366, height: 860 });

    // Examples for a second type: the next training succeeds and the notice goes.
    await call('PATCH', '/api/v1/vocabulary/types/billing/refund-delayed', {
      examples: ['my refund has not arrived', 'still waiting for my refund', 'where is my money back'],
    });
    await panel.getByRole('button', { name: 'Train now' }).click();
    await panel.getByTestId('model-trained').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('model-trained').textContent()).toContain(
      `Version ${before + 1} is trained`,
    );
    expect(await panel.getByTestId('model-failure').count()).toBe(0);
    expect((await call('GET', '/api/v1/vocabulary/model')).lastFailure).toBeNull();
    expect(errors).toEqual([]);
  }, 120_000);
});
