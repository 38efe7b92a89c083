import { describe, expect, it } from 'vitest';
import { runAudit } from './audit.ts';
import { renderAuditHtml } from './report-html.ts';

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

const LOG = [
  'number,sys_mod_count,assignment_group,assigned_to,made_sla,reopen_count,sys_updated_at',
  'C1,0,Support,ann,TRUE,0,01-03-2016 09:00',
  'C1,1,"Fin <script>alert(1)</script> & Co",?,TRUE,0,01-03-2016 10:00',
  'C1,2,Support,?,FALSE,1,01-03-2016 11:00',
  'C2,0,Support,bob,TRUE,0,01-03-2016 09:00',
].join('\n');

describe('renderAuditHtml', () => {
  it('renders a self-contained, accessible page with the figures, charts and tables', async () => {
    const html = renderAuditHtml(await runAudit(once(LOG), { file: 'export.csv' }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Handoff audit</h1>');
    expect(html.match(/<h2 /g)?.length).toBeGreaterThanOrEqual(6);
    expect(html.match(/<caption>/g)?.length).toBeGreaterThanOrEqual(4);
    const charts = html.match(/<svg [^>]*role="img"[^>]*aria-labelledby="[^"]+"/g) ?? [];
    expect(charts.length).toBe(3);
    expect(html.match(/<title id=/g)?.length).toBe(3);
    expect(html.match(/<desc id=/g)?.length).toBe(3);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/);
    expect(html).toContain('Fin &#60;script&#62;alert(1)&#60;/script&#62; &#38; Co');
    expect(html).toContain('export.csv');
  });

  it('renders an export without handoffs', async () => {
    const html = renderAuditHtml(await runAudit(once('case,seq,team,owner\nT1,1,a,x\n')));
    expect(html).toContain('No handoffs between known teams');
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('undefined');
  });
});
