import { useEffect, useId, useState } from 'react';
import { ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { type DriftNames, DriftReport } from './DriftReport.tsx';
import { weekDays, weekLabel, weeksUpTo } from './drift-weeks.ts';
import { vocabularyApi } from './vocabulary-api.ts';

const baselines = [1, 2, 4, 8, 12];
/** How far back the picker reaches: half a year of weeks. */
const reach = 26;

/**
 * How the vocabulary drifted in one ISO week against the weeks before it: `GET /vocabulary/drift`
 * as tables. The first answer (no week asked) names the organisation's current week, which the
 * picker then counts back from.
 */
export function DriftPanel({ names }: { names: DriftNames }) {
  const id = useId();
  const [week, setWeek] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [baseline, setBaseline] = useState(4);
  const drift = useResource(`vocabulary:drift:${week ?? 'now'}:${baseline}`, (signal) =>
    vocabularyApi.drift(week ?? undefined, baseline, signal),
  );
  const answered = drift.data?.week;
  useEffect(() => {
    if (week === null && answered) setCurrent(answered);
  }, [week, answered]);

  const shown = week ?? current;
  const weeks = current ? weeksUpTo(current, reach) : [];
  const at = shown ? weeks.indexOf(shown) : -1;
  const go = (to: string | undefined) => to && setWeek(to);
  const report = drift.data && (week === null || drift.data.week === week) ? drift.data : undefined;

  return (
    <div className="stack-tight vocab-drift" data-testid="drift-panel">
      <p className="muted small">
        Which issue types gain or lose cases, which words a team uses that no type knows, and how sure the
        tagger is: one week against the weeks before it.
      </p>
      <div className="toolbar vocab-drift-toolbar">
        {/* The label beside its select, not around it: the select's name is "Week", not its options too. */}
        <div className="inline-field">
          <label htmlFor={`${id}-week`}>
            <span>Week</span>
          </label>
          <select
            id={`${id}-week`}
            value={shown ?? ''}
            disabled={!current}
            onChange={(e) => setWeek(e.target.value)}
          >
            {shown && !current ? <option value={shown}>{shown}</option> : null}
            {weeks.map((w) => (
              <option key={w} value={w}>
                {weekLabel(w, current!)}
              </option>
            ))}
          </select>
        </div>
        <div className="vocab-drift-steps">
          <button
            type="button"
            className="button small"
            disabled={at < 0 || at >= weeks.length - 1}
            onClick={() => go(weeks[at + 1])}
          >
            ‹ Week before
          </button>
          <button type="button" className="button small" disabled={at <= 0} onClick={() => go(weeks[at - 1])}>
            Week after ›
          </button>
        </div>
        <div className="inline-field">
          <label htmlFor={`${id}-baseline`}>
            <span>Against</span>
          </label>
          <select
            id={`${id}-baseline`}
            value={baseline}
            onChange={(e) => setBaseline(Number(e.target.value))}
          >
            {baselines.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? 'the week before' : `the ${n} weeks before`}
              </option>
            ))}
          </select>
        </div>
      </div>
      {report ? (
        <p className="small muted" aria-live="polite" data-testid="drift-range">
          {weekDays(report.week)} ({report.timezone}), against {report.baselineWeeks.at(-1)} to{' '}
          {report.baselineWeeks[0]}.
        </p>
      ) : null}
      {drift.error ? <ErrorNote error={drift.error} title="The drift report could not be read" /> : null}
      {!report && !drift.error ? <Loading label="Reading the drift report" /> : null}
      {report && !drift.error ? <DriftReport report={report} names={names} /> : null}
    </div>
  );
}
