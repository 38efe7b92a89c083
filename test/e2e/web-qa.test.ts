import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { type Browser, withWebApp } from '../support/web-app.ts';

/**
 * QA in a real Chromium against a real Baton: a lead writes the scorecard, a reviewer works the
 * review queue from the keyboard and scores handoffs beside their packet, transcript and timeline,
 * a second reviewer scores the same handoffs, and the lead reads calibration and the quality report.
 */
const ids = { billing: '', tech: '', scorecard: '' };
let samuelToken = '';

const app = withWebApp({
  people: ['hannah', 'grace'],
  shots: 'qa',
  async ready({ call, tokenOf }) {
    // A bounced billing handoff (sampled as every bounce) and a tech handoff (sampled at random: 100 %).
    const tech = await call(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'App crashes when exporting invoices' }),
    );
    ids.tech = (
      await call('POST', `/api/v1/cases/${tech.id}/handoffs`, {
        scenario: 'tech-to-engineering',
        packet: fullPacket,
      })
    ).id;
    const billing = await call('POST', '/api/v1/cases', newCase({ subject: 'Charged twice for October' }));
    ids.billing = (
      await call('POST', `/api/v1/cases/${billing.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      })
    ).id;
    await call('POST', `/api/v1/handoffs/${ids.billing}/bounce`, {
      reason: 'wrong_team',
      note: 'Tier 2 account',
    });
    await call('PUT', '/api/v1/qa/sampling', { randomPercent: 100 });
    samuelToken = await tokenOf('samuel', ['qa']); // the second reviewer
  },
});
const { call } = app;

describe('QA in the browser [pglite]', () => {
  let lead: Browser;
  let reviewer: Browser;

  it('a lead writes a scorecard: a scale, a critical pass/fail, a criterion for one scenario', async () => {
    lead = await app.signedIn('qa-lead', 'grace@northwind.example');
    const { page } = lead;
    await page.getByRole('link', { name: 'QA', exact: true }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.getByText('A lead defines the rubric under Scorecards').waitFor();
    await page
      .getByRole('navigation', { name: 'Quality assurance' })
      .getByRole('link', { name: 'Scorecards' })
      .click();
    await page.getByRole('button', { name: 'New scorecard' }).click();
    await page.getByLabel('Scorecard name').fill('Handoff quality');

    const c1 = page.getByTestId('edit-criterion-1');
    await c1.getByLabel('Label', { exact: true }).fill('Context complete');
    expect(await c1.getByLabel(/^Id/).inputValue()).toBe('context_complete');
    await c1.getByLabel('Guidance for reviewers').fill('Could the receiver act without asking again?');

    await page.getByRole('button', { name: 'Add a criterion' }).click();
    const c2 = page.getByTestId('edit-criterion-2');
    await c2.getByLabel('Label', { exact: true }).fill('Right team');
    await c2.getByLabel('Scale', { exact: true }).selectOption('pass_fail');
    await c2.getByLabel(/Critical/).check();
    await c2.getByLabel('Weight', { exact: true }).fill('2');

    await page.getByRole('button', { name: 'Add a criterion' }).click();
    const c3 = page.getByTestId('edit-criterion-3');
    await c3.getByLabel('Label', { exact: true }).fill('Refund promise stated');
    await c3.getByLabel('To', { exact: true }).fill('3');
    await c3.getByLabel('Billing to Finance').check();

    // A bad scale is refused with the reason, at the criterion, and nothing is saved.
    await c3.getByLabel('From', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Create scorecard' }).click();
    await c3.getByRole('alert').filter({ hasText: 'min must be below max' }).waitFor();
    expect((await call('GET', '/api/v1/qa/scorecards')).items).toEqual([]);
    await c3.getByLabel('From', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Create scorecard' }).click();
    await page
      .getByTestId('scorecard-saved')
      .filter({ hasText: 'Handoff quality saved as version 1' })
      .waitFor();
    await page.getByRole('cell', { name: 'Billing to Finance' }).waitFor();

    const [card] = (await call('GET', '/api/v1/qa/scorecards')).items;
    ids.scorecard = card.id;
    expect(card.criteria).toEqual([
      {
        id: 'context_complete',
        label: 'Context complete',
        description: 'Could the receiver act without asking again?',
        weight: 1,
        scale: { min: 1, max: 5 },
      },
      { id: 'right_team', label: 'Right team', weight: 2, scale: 'pass_fail', critical: true },
      {
        id: 'refund_promise_stated',
        label: 'Refund promise stated',
        weight: 1,
        scale: { min: 1, max: 3 },
        onlyForScenarios: ['billing-to-finance'],
      },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'qa-01-scorecard');
    expect(lead.errors).toEqual([]);
  });

  it('a reviewer opens the queue, moves by keyboard and scores a handoff beside its story', async () => {
    reviewer = await app.signedIn('qa-reviewer', 'hannah@northwind.example');
    const { page } = reviewer;
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/qa');
    const list = page.getByRole('listbox', { name: 'Handoffs to review' });
    await list.getByText('Charged twice for October').waitFor();
    await page.getByTestId('qa-queue-count').filter({ hasText: '2 to review' }).waitFor();
    await list.getByRole('option').first().getByText('Bounced').waitFor();
    // The list has room on screen for its rows (a flex rule once squeezed it to nothing).
    expect((await list.boundingBox())!.height).toBeGreaterThan(2 * 64);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'qa-02-queue');

    // Newest first: the billing handoff, then the tech one. j moves down, k back up, Enter opens.
    await page.keyboard.press('j');
    await list.locator('[aria-selected="true"]').getByText('App crashes').waitFor();
    await page.keyboard.press('k');
    await list.locator('[aria-selected="true"]').getByText('Charged twice').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/qa/reviews/${ids.billing}`));
    await page.getByRole('heading', { name: 'Charged twice for October', level: 1 }).waitFor();

    // Beside the form: the packet, the transcript, the timeline and the automatic checks with evidence.
    await page
      .getByRole('list', { name: 'Messages' })
      .getByText('charged twice for my October invoice')
      .waitFor();
    await page.locator('.timeline').getByText('Handoff bounced').waitFor();
    await page.getByText('Routed to the right team').waitFor();
    await page
      .locator('.check-fail')
      .filter({ hasText: 'Routed to the right team' })
      .getByText(/Evidence/)
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Reply' }).count()).toBe(0);

    // Submitting with criteria left out names them, and records nothing.
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByRole('alert').filter({ hasText: 'Score every criterion' }).waitFor();
    expect(await page.getByTestId('criterion-context_complete').getByText('Choose a score.').count()).toBe(1);
    expect((await call('GET', `/api/v1/qa/handoffs/${ids.billing}/reviews`)).items).toEqual([]);

    await page.getByTestId('criterion-context_complete').getByRole('radio', { name: '4' }).check();
    await page.getByTestId('criterion-right_team').getByRole('radio', { name: 'Fail' }).check();
    await page.getByTestId('review-preview').getByText('Critical fail: the review scores 0').waitFor();
    await page.getByTestId('criterion-right_team').getByRole('radio', { name: 'Pass' }).check();
    await page.getByTestId('criterion-refund_promise_stated').getByRole('radio', { name: '3' }).check();
    await page.getByLabel('Note on Context complete').fill('Ledger evidence included');
    await page
      .getByLabel('Comment for the agent and the team')
      .fill('Good packet; routed to the wrong team.');
    // (4-1)/4 * 1 + 1 * 2 + (3-1)/2 * 1 over weight 4 = 93.75 -> 93.8
    await page.getByTestId('review-preview').getByText('Total 93.8 / 100').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'qa-03-scoring');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByTestId('review-recorded').filter({ hasText: 'total 93.8 / 100' }).waitFor();
    await page.getByRole('list', { name: 'Reviews' }).getByText('Hannah Schmidt').waitFor();
    await screenshot(page, 'qa-04-recorded');

    // Recorded, as the API tells it.
    const reviews = (await call('GET', `/api/v1/qa/handoffs/${ids.billing}/reviews`)).items;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      scorecardId: ids.scorecard,
      scorecardVersion: 1,
      reviewer: { name: 'Hannah Schmidt' },
      total: 93.8,
      criticalFail: [],
      comment: 'Good packet; routed to the wrong team.',
    });
    expect(reviews[0].scores).toEqual([
      expect.objectContaining({
        criterion: 'context_complete',
        value: 4,
        comment: 'Ledger evidence included',
      }),
      expect.objectContaining({ criterion: 'right_team', value: true }),
      expect.objectContaining({ criterion: 'refund_promise_stated', value: 3 }),
    ]);
    const events = (
      await call(
        'GET',
        `/api/v1/cases/${(await call('GET', `/api/v1/handoffs/${ids.billing}`)).caseId}/events`,
      )
    ).items;
    expect(events.filter((e: { type: string }) => e.type === 'qa.reviewed')).toHaveLength(1);
    expect(reviewer.errors).toEqual([]);
  });

  it('the next handoff skips the criterion that applies to another scenario only', async () => {
    const { page } = reviewer;
    await page.getByRole('link', { name: 'Next in the queue' }).click();
    const list = page.getByRole('listbox', { name: 'Handoffs to review' });
    await page.getByTestId('qa-queue-count').filter({ hasText: '1 to review' }).waitFor();
    await list.getByText('App crashes').waitFor();
    await page.getByRole('button', { name: /^Review “App crashes/ }).click();
    await page.getByTestId('criteria-not-applicable').filter({ hasText: 'Refund promise stated' }).waitFor();
    expect(await page.getByTestId('criterion-refund_promise_stated').count()).toBe(0);
    await page.getByTestId('criterion-context_complete').getByRole('radio', { name: '5' }).check();
    await page.getByTestId('criterion-right_team').getByRole('radio', { name: 'Pass' }).check();
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByTestId('review-recorded').filter({ hasText: 'total 100 / 100' }).waitFor();
    await page.goto(`${app.url}/qa`);
    await page.getByText('Nothing to review').waitFor();
    expect(reviewer.errors).toEqual([]);
  });

  it('a lead sees agreement per criterion and each reviewer’s drift once a second reviewer scored', async () => {
    // Samuel is stricter on context on both handoffs.
    await call(
      'POST',
      '/api/v1/qa/reviews',
      {
        handoffId: ids.billing,
        scorecardId: ids.scorecard,
        scores: [
          { criterion: 'context_complete', value: 2 },
          { criterion: 'right_team', value: true },
          { criterion: 'refund_promise_stated', value: 3 },
        ],
      },
      samuelToken,
    );
    await call(
      'POST',
      '/api/v1/qa/reviews',
      {
        handoffId: ids.tech,
        scorecardId: ids.scorecard,
        scores: [
          { criterion: 'context_complete', value: 3 },
          { criterion: 'right_team', value: true },
        ],
      },
      samuelToken,
    );
    const { page } = lead;
    await page
      .getByRole('navigation', { name: 'Quality assurance' })
      .getByRole('link', { name: 'Calibration' })
      .click();
    await page.getByRole('heading', { name: 'Calibration' }).waitFor();
    await page.getByTestId('calibration-summary').filter({ hasText: '4 reviews of 2 handoffs' }).waitFor();
    const agreement = page.getByTestId('agreement');
    await agreement.getByRole('rowheader', { name: 'Context complete' }).waitFor();
    await agreement.getByRole('rowheader', { name: 'Review total' }).waitFor();
    const drift = page.getByTestId('drift');
    const hannah = drift
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Hannah Schmidt' }) });
    const samuel = drift
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Samuel Adeyemi' }) });
    // Context: Hannah 4 and 5 against Samuel's 2 and 3: +2 points each time, the same from the other side.
    expect(await hannah.textContent()).toContain('+2.00 (lenient)');
    expect(await samuel.textContent()).toContain('−2.00 (strict)');
    const api = await call('GET', `/api/v1/qa/calibration?scorecard=${ids.scorecard}`);
    const context = api.criteria.find((c: { criterion: string }) => c.criterion === 'context_complete');
    expect(
      context.reviewers.map((r: { reviewer: { name: string }; drift: number }) => [r.reviewer.name, r.drift]),
    ).toEqual(
      expect.arrayContaining([
        ['Hannah Schmidt', 2],
        ['Samuel Adeyemi', -2],
      ]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'qa-05-calibration');
    expect(lead.errors).toEqual([]);
  });

  it('a lead reads the quality report by receiving team, with the costliest checks and a CSV export', async () => {
    const { page } = lead;
    await page
      .getByRole('navigation', { name: 'Quality assurance' })
      .getByRole('link', { name: 'Quality report' })
      .click();
    await page.getByTestId('report-overall').filter({ hasText: '2 handoffs' }).waitFor();
    await page.getByRole('radio', { name: 'Receiving team' }).check();
    const groups = page.getByTestId('report-groups');
    await groups.getByRole('rowheader', { name: 'Finance' }).waitFor();
    await groups.getByRole('rowheader', { name: 'Engineering' }).waitFor();
    await page
      .getByRole('list', { name: 'Failing checks that cost the most' })
      .getByText('Routed to the right team')
      .waitFor();
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toBe('/api/v1/qa/report?by=receiving_team&format=csv');
    const csv = await page.request.get(`${app.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toMatch(/^by,key,label,handoffs/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'qa-06-report');
    expect(lead.errors).toEqual([]);
  });
});
