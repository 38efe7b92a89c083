import { ilike, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { searchIsCommon } from '../../src/cases/case-search.queries.ts';
import { cases, foldedText } from '../../src/cases/cases.table.ts';
import { customers } from '../../src/customers/customers.table.ts';
import { rowsOf } from '../../src/db/database.ts';
import { describeOnDatabases, fullPacket, newCase } from '../support/harness.ts';
import { snapshot } from '../support/snapshot.ts';

type Listed = {
  id: string;
  subject: string;
  createdAt: string;
  handoff: null | { id: string; state: string; deadline: string | null; breached: boolean };
};

describeOnDatabases('the case list: search, status, pages, where each case is now', (h) => {
  const list = async (query: string) => {
    const res = await h().request('GET', `/api/v1/cases?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Listed[]; nextCursor: string | null };
  };

  it('pages through every case exactly once, newest first, cases created in the same instant included', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const ids: string[] = [];
    // The test clock stands still: all seven share one created_at, so only the id orders them.
    for (let i = 0; i < 7; i++)
      ids.push((await h().request('POST', '/api/v1/cases', newCase({ subject: `Pagerun ${i}` }))).body.id);
    const all = await list('q=pagerun&limit=50');
    expect(new Set(all.items.map((c) => c.createdAt)).size).toBe(1);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`q=pagerun&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it('searches subject, customer name and external id, and case id as text, with % and _ taken literally', async () => {
    const a = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Refund 100% overdue', customer: { externalId: 'zx-77', name: 'Ottoline Quist' } }),
    );
    await h().request('POST', '/api/v1/cases', newCase({ subject: 'Refund 1000 overdue' }));
    expect((await list('q=OTTOLINE')).items.map((c) => c.id)).toEqual([a.body.id]);
    expect((await list('q=zx-77')).items.map((c) => c.id)).toEqual([a.body.id]);
    expect((await list(`q=${a.body.id}`)).items.map((c) => c.id)).toEqual([a.body.id]);
    // As text, `%` and `_` are literal (as wildcards, each would also find "Refund 1000"); as words, neither is one.
    expect((await list(`q=${encodeURIComponent('00%')}`)).items.map((c) => c.id)).toEqual([a.body.id]);
    expect((await list(`q=${encodeURIComponent('fund_1')}`)).items).toEqual([]);
    expect((await list('q=no-such-words-anywhere')).items).toEqual([]);
  });

  it('searches the conversation by every word, stemmed and as a prefix, and shows the message that matched', async () => {
    const conversation = (text: string, more: string[] = []) =>
      newCase({
        subject: 'Convsearch account question',
        messages: [{ role: 'customer', text }, ...more.map((t) => ({ role: 'agent', text: t }))],
      });
    const wire = await h().request(
      'POST',
      '/api/v1/cases',
      conversation('Hello.\n\nMy wire transfer to Quorvanta bank was charged a fee twice.', [
        'Thanks, I am checking the Quorvanta transfer now.',
      ]),
    );
    const card = await h().request(
      'POST',
      '/api/v1/cases',
      conversation('My Quorvanta card was declined at checkout.'),
    );
    // Marks that ts_headline sets cannot be forged by a message.
    const forged = await h().request(
      'POST',
      '/api/v1/cases',
      conversation('Zentrifol \uE000refund\uE001 please, and zentrifol again.'),
    );
    // The test clock stands still, so cases created together are in id order: compare them sorted.
    const ids = (r: { items: Listed[] }) => r.items.map((c) => c.id).sort();
    const both = [card.body.id, wire.body.id].sort();

    expect(ids(await list('q=quorvanta'))).toEqual(both);
    // Every word is required; "charges" finds "charged" (English stems); "quorv" finds a word still being typed.
    expect(ids(await list('q=quorvanta%20charges'))).toEqual([wire.body.id]);
    expect(ids(await list('q=quorv%20declin'))).toEqual([card.body.id]);
    expect(ids(await list('q=quorvanta%20refund'))).toEqual([]);

    const found = (await list('q=wire%20fee')).items as (Listed & { match: unknown })[];
    expect(ids({ items: found })).toEqual([wire.body.id]);
    const match = found[0].match as {
      messageId: string;
      role: string;
      at: string;
      snippet: { text: string; highlights: { start: number; end: number }[] };
    };
    const detail = await h().request('GET', `/api/v1/cases/${wire.body.id}`);
    const message = detail.body.messages.find((m: { id: string }) => m.id === match.messageId);
    expect(message).toMatchObject({ role: 'customer', text: expect.stringContaining('wire transfer') });
    expect(match.role).toBe('customer');
    expect(match.snippet.text).toContain('My wire transfer to Quorvanta bank was charged a fee twice');
    expect(match.snippet.text).not.toMatch(/\n/);
    expect(
      match.snippet.highlights.map((x) => match.snippet.text.slice(x.start, x.end).toLowerCase()),
    ).toEqual(['wire', 'fee']);
    // A case found by its subject only has no conversation match.
    const bySubject = (await list('q=convsearch')).items as (Listed & { match: unknown })[];
    expect(bySubject.map((c) => c.match)).toEqual([null, null, null]);

    const zent = (await list('q=zentrifol')).items as (Listed & {
      match: { snippet: { text: string; highlights: { start: number; end: number }[] } };
    })[];
    expect(ids({ items: zent })).toEqual([forged.body.id]);
    const z = zent[0].match.snippet;
    expect(z.text).not.toMatch(/[\uE000\uE001]/);
    expect(z.highlights.map((x) => z.text.slice(x.start, x.end).toLowerCase())).toEqual([
      'zentrifol',
      'zentrifol',
    ]);

    // The subject by its words, in any order and stemmed; references, file names and addresses whole.
    const subject = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Thermostat keeps dropping off the Wifi',
        messages: [
          { role: 'customer', text: 'Please see INV-2026-10.pdf attached, and write to ann.lee@example.com' },
          { role: 'agent', text: 'Thanks, the order INV-2026-10 is with Finance.' },
        ],
      }),
    );
    expect(ids(await list('q=wifi%20thermostats'))).toEqual([subject.body.id]);
    expect(ids(await list('q=thermostat%20drop'))).toEqual([subject.body.id]);
    for (const q of ['INV-2026-10', 'inv-2026-10.pdf', 'ann.lee@example.com']) {
      const found = (await list(`q=${encodeURIComponent(q)}`)).items as (Listed & { match: unknown })[];
      expect(ids({ items: found }), q).toEqual([subject.body.id]);
      expect(found[0]!.match, q).not.toBeNull();
    }

    // A long message: the passage around the match, an ellipsis where it is cut.
    const filler = 'We looked at the account together and went through every step of the order again. ';
    const long = await h().request(
      'POST',
      '/api/v1/cases',
      conversation(`${filler.repeat(4)}Then the plimsollvane parcel went missing. ${filler.repeat(4)}`),
    );
    const cut = (await list('q=plimsollvane')).items as (Listed & {
      match: { snippet: { text: string; highlights: { start: number; end: number }[] } };
    })[];
    expect(ids({ items: cut })).toEqual([long.body.id]);
    const c = cut[0].match.snippet;
    expect(c.text).toMatch(/^… .*plimsollvane parcel.* …$/);
    expect(c.text.length).toBeLessThan(300);
    expect(c.highlights.map((x) => c.text.slice(x.start, x.end))).toEqual(['plimsollvane']);

    // Accents folded both ways: the passage keeps the message's own letters, marked where it matched.
    const accented = await h().request(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Kvittering mangler',
        customer: { externalId: 'dk-9', name: 'Åse Sørensen-Ibáñez' },
        messages: [
          { role: 'customer', text: 'Hej, Søren Ølgaard here 🙂: the façade kit for Zürich never came.' },
        ],
      }),
    );
    for (const q of ['soren olgaard', 'Søren', 'facade zurich', 'FAÇADE']) {
      const found = (await list(`q=${encodeURIComponent(q)}`)).items as (Listed & {
        match: { snippet: { text: string; highlights: { start: number; end: number }[] } };
      })[];
      expect(ids({ items: found }), q).toEqual([accented.body.id]);
      const m = found[0]!.match.snippet;
      expect(m.text, q).toBe('Hej, Søren Ølgaard here 🙂: the façade kit for Zürich never came'); // a headline drops the end's punctuation
      expect(
        m.highlights
          .map((x) => m.text.slice(x.start, x.end))
          .join(' ')
          .toLowerCase(),
        q,
      ).toMatch(/^(søren ølgaard|søren|façade zürich|façade)$/);
    }
    // The customer's name by the text match, folded too (no word of it is in the conversation).
    expect(ids(await list('q=ase%20sorensen-ibanez'))).toEqual([accented.body.id]);
    expect(ids(await list('q=ibanez'))).toEqual([accented.body.id]);

    // Query syntax typed into the box is searched as words, never parsed: no error, no surprise.
    for (const q of ["quorvanta'", 'quorvanta & !', '(quorvanta) | <->', ':*', 'the and of']) {
      const res = await h().request('GET', `/api/v1/cases?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(ids(await list(`q=${encodeURIComponent('quorvanta & !declined')}`))).toEqual([card.body.id]);
    // Another organisation's conversations are never searched, and it never finds these.
    const elsewhere = { headers: { 'X-Baton-Org': 'other' } };
    const theirs = await h().request(
      'POST',
      '/api/v1/cases',
      conversation('Quorvanta wire fee, elsewhere.'),
      elsewhere,
    );
    expect(theirs.status).toBe(201);
    expect(ids(await list('q=quorvanta'))).toEqual(both);
    const other = await h().request('GET', '/api/v1/cases?q=quorvanta', undefined, elsewhere);
    expect(other.body.items.map((c: Listed) => c.id)).toEqual([theirs.body.id]);
  });

  it('filters by status and refuses an unknown status or a cursor it did not give, changing nothing', async () => {
    const c = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Statusrun resolved' }));
    const open = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Statusrun open' }));
    expect((await h().request('POST', `/api/v1/cases/${c.body.id}/resolve`, {})).status).toBe(200);
    expect((await list('q=statusrun&status=resolved')).items.map((x) => x.id)).toEqual([c.body.id]);
    expect((await list('q=statusrun&status=open')).items.map((x) => x.id)).toEqual([open.body.id]);
    expect((await list('q=statusrun&status=pending')).items).toEqual([]);
    const before = await snapshot(h().database);
    for (const [query, field] of [
      ['status=archived', 'status'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('yesterday|x').toString('base64url')}`, 'cursor'],
    ] as const) {
      const res = await h().request('GET', `/api/v1/cases?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.field).toBe(field);
    }
    const handoffs = await h().request('GET', '/api/v1/handoffs?cursor=not-a-cursor');
    expect(handoffs.status).toBe(400);
    expect(handoffs.body.error.field).toBe('cursor');
    expect(await snapshot(h().database)).toEqual(before);
  });

  it('shows where each case is now: its latest open handoff, else its latest that left the sender, its team, owner and SLA', async () => {
    h().setNow('2026-11-23T10:00:00Z');
    const c = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Wherenow run' }));
    const now = async () => (await list('q=wherenow')).items[0]!.handoff;
    expect(await now()).toBeNull();

    const sent = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const ack = sent.body.sla.find((k: { name: string }) => k.name === 'acknowledge');
    expect(await now()).toEqual({
      id: sent.body.id,
      state: 'sent',
      scenario: 'billing-to-finance',
      toTeam: 'finance',
      ownerId: sent.body.owner.id,
      sentAt: sent.body.sentAt,
      deadline: ack.deadline,
      breached: false,
    });

    // A draft of a later handoff does not move the case: it has not left the sender.
    await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'tech-to-engineering',
      packet: { whatHappened: 'Later' },
      draft: true,
    });
    expect((await now())?.id).toBe(sent.body.id);

    h().setNow(new Date(Date.parse(ack.deadline) + 1000));
    await h().runtime.scheduler.runDue();
    expect(await now()).toMatchObject({ state: 'sent', breached: true });

    await h().request('POST', `/api/v1/handoffs/${sent.body.id}/accept`);
    const accepted = await now();
    expect(accepted).toMatchObject({ state: 'accepted', breached: true });
    // The acknowledge clock stopped on accept; the nearest running deadline is now the resolve clock's.
    const resolve = sent.body.sla.find((k: { name: string }) => k.name === 'resolve');
    expect(accepted?.deadline).toBe(resolve.deadline);

    // An escalation sent and resolved later does not hide the handoff still open: that is where the case is.
    const escalation = await h().request('POST', `/api/v1/cases/${c.body.id}/handoffs`, {
      scenario: 'agent-to-supervisor',
      packet: fullPacket,
    });
    expect(escalation.status).toBe(201);
    expect((await now())?.id).toBe(escalation.body.id);
    // Its pickup clock pages the supervisor at once and so breaches by design: not an SLA breach here.
    await h().runtime.scheduler.runDue();
    const paged = (await h().request('GET', `/api/v1/handoffs/${escalation.body.id}`)).body;
    expect(paged.sla.find((k: { name: string }) => k.name === 'acknowledge').state).toBe('breached');
    expect(await now()).toMatchObject({ id: escalation.body.id, breached: false });
    await h().request('POST', `/api/v1/handoffs/${escalation.body.id}/accept`);
    expect((await h().request('POST', `/api/v1/handoffs/${escalation.body.id}/resolve`)).status).toBe(200);
    expect(await now()).toMatchObject({ id: sent.body.id, state: 'accepted', toTeam: 'finance' });
    // With nothing open, the latest that left the sender again.
    await h().request('POST', `/api/v1/handoffs/${sent.body.id}/resolve`);
    expect(await now()).toMatchObject({ id: escalation.body.id, state: 'resolved' });
  });

  it('finds a common word from the newest cases, one common only in older cases than those, and a rare one, page after page', async () => {
    // 450 cases a minute apart, more than the 400 newest a common search probes first. "quorlax",
    // in every message of every second case (2,025 messages), fills each page there. "zephyrine" is
    // common too (2,161 messages), yet in one new case and otherwise only in the 30 oldest: the probe
    // leaves the page short and the sets of its matches answer. "marrowind", in one case, is rare.
    const { db } = h().database;
    const first = await h().request('POST', '/api/v1/cases', newCase({ subject: 'Probe anchor' }));
    const [{ customerId }] = rowsOf<{ customerId: string }>(
      await db.execute(sql`select customer_id as "customerId" from cases where id = ${first.body.id}`),
    ) as [{ customerId: string }];
    const orgId = h().org.orgId;
    await db.execute(sql`
      insert into cases (id, org_id, customer_id, subject, channel, created_at, updated_at)
      select 'csprobe' || lpad(i::text, 3, '0'), ${orgId}, ${customerId}, 'Probe ' || i, 'chat',
             timestamptz '2026-11-20T10:00:00Z' - make_interval(mins => i), timestamptz '2026-11-20T10:00:00Z'
      from generate_series(0, 449) i`);
    await db.execute(sql`
      insert into messages (id, org_id, case_id, role, text, at)
      select 'msgprobe' || i || '_' || j, ${orgId}, 'csprobe' || lpad(i::text, 3, '0'), 'customer',
             case when i % 2 = 0 then 'The quorlax keeps failing' else 'Nothing to see' end
               || case when (i >= 420 or i = 5) and j = 0 then ', as the zephyrine said' else '' end
               || case when i = 430 and j = 1 then ', marrowind' else '' end,
             timestamptz '2026-11-20T10:00:00Z' - make_interval(mins => i) + make_interval(secs => j)
      from generate_series(0, 449) i, generate_series(0, 8) j
      union all
      select 'msgprobeold' || i || '_' || j, ${orgId}, 'csprobe' || lpad(i::text, 3, '0'), 'customer',
             'The zephyrine again', timestamptz '2026-11-20T10:00:00Z' - make_interval(mins => i) + make_interval(secs => j)
      from generate_series(420, 449) i, generate_series(9, 79) j`);
    expect(await searchIsCommon(db, orgId, 'quorlax')).toBe(true);
    expect(await searchIsCommon(db, orgId, 'zephyrine')).toBe(true);
    expect(await searchIsCommon(db, orgId, 'marrowind')).toBe(false);
    const id = (i: number) => `csprobe${String(i).padStart(3, '0')}`;
    const walk = async (q: string, limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`q=${q}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      return { seen, pages };
    };
    const common = await walk('quorlax', 50);
    expect(common.seen).toEqual(Array.from({ length: 225 }, (_, k) => id(2 * k)));
    expect(common.pages).toBe(5);
    const old = await walk('zephyrine', 20);
    expect(old.seen).toEqual([id(5), ...Array.from({ length: 30 }, (_, k) => id(420 + k))]);
    expect((await walk('marrowind', 20)).seen).toEqual([id(430)]);
    // Both words in one message: the old cases' even ones; a status no case has finds nothing.
    expect((await walk('quorlax%20zephyr', 10)).seen).toEqual(
      Array.from({ length: 15 }, (_, k) => id(420 + 2 * k)),
    );
    expect((await list('q=quorlax&status=closed')).items).toEqual([]);
  });

  it('finds by text through indexes: every arm of the search is one an index answers (pg_trgm, migration 0030)', async () => {
    const { db } = h().database;
    const installed = rowsOf<{ extname: string }>(
      await db.execute(sql`select extname from pg_extension where extname = 'pg_trgm'`),
    );
    expect(installed).toHaveLength(1);
    const trigramIndexes = rowsOf<{ indexname: string }>(
      await db.execute(
        sql`select indexname from pg_indexes where indexdef like '%gin_trgm_ops%' order by indexname`,
      ),
    ).map((r) => r.indexname);
    expect(trigramIndexes).toEqual([
      'cases_external_id_text',
      'cases_id_text',
      'cases_subject_text',
      'customers_external_id_text',
      'customers_name_text',
    ]);
    // The folded arms are the ones that can drift: an expression index serves only a query that
    // repeats its expression exactly. With sequential scans priced out, a plan that still reads the
    // table whole means the fold changed on one side only.
    const arms = [
      ['cases_subject_text', cases, ilike(foldedText(cases.subject), '%sofia 100\\%%')],
      ['customers_name_text', customers, ilike(foldedText(customers.name), '%quist%')],
    ] as const;
    for (const [index, table, arm] of arms) {
      const plan = await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const rows = rowsOf<{ 'QUERY PLAN': string }>(
          await tx.execute(sql`explain select 1 from ${table} where ${arm}`),
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan, plan).toContain(`Bitmap Index Scan on ${index}`);
    }
    // And the search still finds through them what it found before (the tests above), on a fold too.
    expect((await list(`q=${encodeURIComponent('QUIST')}`)).items.length).toBeGreaterThan(0);
  });
});
