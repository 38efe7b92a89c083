import { and, desc, eq, gte, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { cases } from '../cases/cases.table.ts';
import type { Queryable } from '../db/database.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { computeDrift, type DriftFacts, type DriftOptions } from './drift.ts';
import { loadTaxonomy } from './vocabulary.queries.ts';
import {
  vocabularyCorrections,
  vocabularyObservations,
  vocabularyRoutingErrors,
} from './vocabulary.table.ts';
import { weekOf, weekRange, weeksBefore } from './week.ts';

const count = sql<number>`count(*)::int`;
// Grouped by position: the week expression carries a parameter (the time zone).
const byPosition = (n: number) => Array.from({ length: n }, (_, k) => sql.raw(String(k + 1)));

export async function organisationZone(db: Queryable, orgId: string): Promise<string> {
  const [row] = await db
    .select({ tz: organisations.timezone })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row?.tz ?? 'UTC';
}

/** The facts drift is computed from, counted per ISO week in the organisation's time zone. */
export async function driftFacts(
  db: Queryable,
  orgId: string,
  week: string,
  baselineWeeks: number,
  zone: string,
): Promise<DriftFacts | null> {
  const current = weekRange(week, zone);
  if (!current) return null;
  const baseline = weeksBefore(week, baselineWeeks, zone);
  const from = weekRange(baseline[baseline.length - 1] ?? week, zone)!.start;
  const to = current.end;
  const weekOfColumn = (column: AnyPgColumn) =>
    sql<string>`to_char(${column} at time zone ${zone}, 'IYYY-"W"IW')`;
  const within = (column: AnyPgColumn, start = from): SQL => and(gte(column, start), lt(column, to))!;
  const o = vocabularyObservations;

  const [caseRows, termRows, caseTerms, suggestionRows, uncategorised, misroutes, corrections] =
    await Promise.all([
      db
        .select({ week: weekOfColumn(cases.createdAt), tag: cases.issueType, n: count })
        .from(cases)
        .where(and(eq(cases.orgId, orgId), within(cases.createdAt)))
        .groupBy(...byPosition(2)),
      db
        .select({ week: weekOfColumn(o.createdAt), team: o.team, term: o.term, type: o.type, n: count })
        .from(o)
        .where(and(eq(o.orgId, orgId), eq(o.kind, 'term'), isNotNull(o.term), within(o.createdAt)))
        .groupBy(...byPosition(4)),
      db
        .selectDistinct({ caseId: o.caseId, team: o.team, term: o.term, type: o.type })
        .from(o)
        .where(
          and(
            eq(o.orgId, orgId),
            eq(o.kind, 'term'),
            isNotNull(o.caseId),
            isNotNull(o.term),
            within(o.createdAt, current.start),
          ),
        )
        .limit(10_000),
      db
        .select({
          week: weekOfColumn(o.createdAt),
          n: count,
          confidenceSum: sql<number>`coalesce(sum(${o.score}), 0)::float8`,
          abstained: sql<number>`count(*) filter (where ${o.abstained})::int`,
        })
        .from(o)
        .where(and(eq(o.orgId, orgId), eq(o.kind, 'suggestion'), within(o.createdAt)))
        .groupBy(...byPosition(1)),
      db
        .select({ week: weekOfColumn(o.createdAt), text: sql<string>`coalesce(${o.text}, ${o.term})` })
        .from(o)
        .where(
          and(
            eq(o.orgId, orgId),
            within(o.createdAt),
            or(and(eq(o.kind, 'suggestion'), isNotNull(o.text)), and(eq(o.kind, 'term'), isNull(o.type))),
          ),
        )
        .orderBy(desc(o.createdAt))
        .limit(3000),
      db
        .select({
          week: weekOfColumn(vocabularyRoutingErrors.createdAt),
          type: sql<
            string | null
          >`coalesce(${vocabularyRoutingErrors.issueType}, ${vocabularyRoutingErrors.tag})`,
          suggested: vocabularyRoutingErrors.suggestedType,
          n: count,
        })
        .from(vocabularyRoutingErrors)
        .where(and(eq(vocabularyRoutingErrors.orgId, orgId), within(vocabularyRoutingErrors.createdAt)))
        .groupBy(...byPosition(3)),
      db
        .select({
          week: weekOfColumn(vocabularyCorrections.createdAt),
          from: sql<
            string | null
          >`coalesce(${vocabularyCorrections.fromType}, ${vocabularyCorrections.fromTerm})`,
          to: vocabularyCorrections.toType,
          n: count,
        })
        .from(vocabularyCorrections)
        .where(and(eq(vocabularyCorrections.orgId, orgId), within(vocabularyCorrections.createdAt)))
        .groupBy(...byPosition(3)),
    ]);
  const num = <T extends { n: unknown }>(rows: T[]) => rows.map((r) => ({ ...r, n: Number(r.n) }));
  return {
    week,
    baseline,
    cases: num(caseRows),
    terms: num(termRows).map((r) => ({ ...r, term: r.term! })),
    caseTerms: caseTerms.map((r) => ({ caseId: r.caseId!, team: r.team, term: r.term!, type: r.type })),
    suggestions: suggestionRows.map((r) => ({
      week: r.week,
      n: Number(r.n),
      confidenceSum: Number(r.confidenceSum),
      abstained: Number(r.abstained),
    })),
    uncategorised: uncategorised.filter((r) => r.text),
    misroutes: num(misroutes),
    corrections: num(corrections),
  };
}

/** The drift report of one ISO week (the current week when left out); null for a week that does not exist. */
export async function driftReport(
  db: Queryable,
  orgId: string,
  opts: { week?: string; baselineWeeks: number; now: Date; options?: Partial<DriftOptions> },
) {
  const zone = await organisationZone(db, orgId);
  const week = opts.week ?? weekOf(opts.now, zone);
  const facts = await driftFacts(db, orgId, week, opts.baselineWeeks, zone);
  if (!facts) return null;
  const range = weekRange(week, zone)!;
  const taxonomy = await loadTaxonomy(db, orgId);
  return {
    ...computeDrift(taxonomy, facts, opts.options),
    timezone: zone,
    from: range.start.toISOString(),
    to: range.end.toISOString(),
  };
}
