import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/** The case list searches the conversation, shows the passage that matched, and opens the case at it. */
const app = withWebApp({ people: ['amara'], shots: 'case-search' });
const { call } = app;

describe('web app: searching the conversation, and the case it finds [pglite]', () => {
  it('shows the matched passage with its words marked, and Enter opens the case at that message', async () => {
    const found = await call(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Payment question',
        messages: [
          { role: 'customer', text: 'Hello, I have a question about a payment.' },
          { role: 'agent', text: 'Of course, what is the reference?' },
          { role: 'customer', text: 'The Brixlow wire transfer from last week still shows as pending.' },
        ],
      }),
    );
    await call('POST', '/api/v1/cases', newCase({ subject: 'Unrelated question' }));

    const browser = await app.signedIn('case-search', 'amara@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/cases`);
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('brixlow transfers');
    const row = page.locator('.cases-table tbody tr');
    await page.getByText('1 case', { exact: true }).waitFor();
    expect(await row.count()).toBe(1);
    const snippet = row.first().locator('.match-snippet');
    expect(await snippet.innerText()).toContain('Customer: The Brixlow wire transfer from last week');
    expect(await snippet.locator('mark').allInnerTexts()).toEqual(['Brixlow', 'transfer']);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'case-search');

    // The keyboard path: leave the box, pick the row, open it at the message that matched.
    await page.keyboard.press('Enter');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Payment question' }).waitFor();
    const messageId = (await call('GET', `/api/v1/cases/${found.id}`)).messages[2].id;
    expect(new URL(page.url()).hash).toBe(`#message-${messageId}`);
    const target = page.locator(`#message-${messageId}`);
    await target.waitFor();
    expect(await target.getAttribute('class')).toContain('message-found');
    expect(await target.isVisible()).toBe(true);
    expect(await page.locator('.message-found').count()).toBe(1);
    await screenshot(page, 'case-search-found');

    // A reply names the person who wrote it, not only "Agent".
    await page.locator('#composer-text').fill('Thanks, I am checking the transfer with Finance now.');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const reply = page.locator('.message', { hasText: 'checking the transfer with Finance' });
    await reply.waitFor();
    expect(await reply.locator('.message-role').textContent()).toBe('Amara Okafor');
    // Messages that came in without a person (the helpdesk's import here) keep the role's name.
    expect(await page.locator('.message-agent .message-role').first().textContent()).toBe('Agent');

    // Never handed off, the case is resolved where it is, after one more question.
    await page.getByRole('button', { name: 'Resolve case' }).click();
    const ask = page.getByRole('dialog', { name: 'Resolve this case?' });
    await ask.getByRole('button', { name: 'Keep it open' }).click();
    expect((await call('GET', `/api/v1/cases/${found.id}`)).status).toBe('open');
    await page.getByRole('button', { name: 'Resolve case' }).click();
    await ask.getByRole('button', { name: 'Resolve case' }).click();
    await page.getByText('Voice · Resolved').waitFor();
    expect((await call('GET', `/api/v1/cases/${found.id}`)).status).toBe('resolved');
    expect(await page.getByRole('button', { name: 'Resolve case' }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });

  it('waits for a third letter before searching as one types; Enter searches two', async () => {
    const browser = await app.signedIn('case-search-short', 'amara@northwind.example');
    const { page } = browser;
    const searched: string[] = [];
    page.on('request', (r) => {
      const q = new URL(r.url()).searchParams.get('q');
      if (r.url().includes('/api/v1/cases?') && q !== null) searched.push(q);
    });
    await page.goto(`${app.url}/cases`);
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    const rows = page.locator('.cases-table tbody tr');
    await rows.first().waitFor();
    const every = await rows.count();
    expect(every).toBeGreaterThan(1);

    await page.keyboard.press('/');
    await page.keyboard.type('Br');
    await page.getByText('Keep typing, or press Enter to search for “Br”').waitFor();
    // Well past the pause that would have searched: nothing asked, the list as it was.
    await page.waitForTimeout(800);
    expect(searched).toEqual([]);
    expect(await rows.count()).toBe(every);

    await page.keyboard.press('Enter');
    await page.getByText('1 case', { exact: true }).waitFor();
    expect(searched).toEqual(['Br']);
    expect(await rows.first().innerText()).toContain('Payment question');

    // A third letter searches by itself again.
    await page.locator('input[type="search"]').focus();
    await page.keyboard.type('i');
    await expect.poll(() => searched).toEqual(['Br', 'Bri']);
    await page.getByText('1 case', { exact: true }).waitFor();
    expect(browser.errors).toEqual([]);
  });
});
