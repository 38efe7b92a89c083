import type { ReactNode } from 'react';
import { formatDateTime, relative } from '../app/format.ts';
import { Empty, ErrorNote, Loading } from '../app/ui.tsx';
import type { Resource } from '../app/useResource.ts';
import type { RevisionRow } from './vocabulary-api.ts';

type Names = {
  team: (key: string) => string;
  type: (path: string) => string;
  person: (id: string) => string;
};

/** One revision: all the rows it wrote (a merge writes two: the merged type and the one it went into). */
type Revision = { revision: number; at: string; by: string | null; rows: RevisionRow[] };

function group(rows: RevisionRow[]): Revision[] {
  const out: Revision[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last?.revision === row.revision) last.rows.push(row);
    else out.push({ revision: row.revision, at: row.at, by: row.by, rows: [row] });
  }
  return out;
}

/** A type by its name and path (by its path alone when the list on screen does not hold it). */
function T({ path, names }: { path: string; names: Names }) {
  const name = names.type(path);
  return name === path ? (
    <code className="small">{path}</code>
  ) : (
    <>
      {name} <code className="small">{path}</code>
    </>
  );
}

/** What one row of a revision did, in words; `absorbed` is the type a merge went into. */
function line(x: RevisionRow, names: Names, absorbed: RevisionRow | undefined): ReactNode {
  const type = <T path={x.path} names={names} />;
  switch (x.change) {
    case 'created':
      return <>Added {type}</>;
    case 'alias_added': {
      const [team = '', ...word] = (x.note ?? '').split(': ');
      return (
        <>
          {names.team(team)}'s word “{word.join(': ')}” for {type}
        </>
      );
    }
    case 'alias_removed': {
      const [team = '', ...word] = (x.note ?? '').split(': ');
      return (
        <>
          Removed {names.team(team)}'s word “{word.join(': ')}” for {type}
        </>
      );
    }
    case 'retired':
      return <>Retired {type}</>;
    case 'merged':
      return (
        <>
          Merged {type}
          {absorbed ? (
            <>
              {' '}
              into <T path={absorbed.path} names={names} />
            </>
          ) : null}
        </>
      );
    default:
      return <>Edited {type}</>;
  }
}

/** What one revision did: a line per type it changed (a merge reads as one line). */
function What({ r, names }: { r: Revision; names: Names }) {
  const absorbed = r.rows.find((x) => x.change === 'absorbed');
  const rows = r.rows.filter((x) => x.change !== 'absorbed');
  return (
    <ul className="plain small">
      {r.rows.some((x) => x.change === 'loaded') ? (
        <li>Loaded the default vocabulary</li>
      ) : (
        rows.map((x) => <li key={x.path}>{line(x, names, absorbed)}</li>)
      )}
    </ul>
  );
}

/** The change log, newest first: revision, when, who, what (and the note the lead left). */
export function RevisionLog({
  log,
  names,
  shown,
  limit,
  onMore,
}: {
  log: Resource<{ items: RevisionRow[] }>;
  names: Names;
  /** How many revisions to show, and how many rows were asked for (a full answer may have more). */
  shown: number;
  limit: number;
  onMore: () => void;
}) {
  if (log.error) return <ErrorNote error={log.error} title="The change log could not be read" />;
  if (!log.data) return <Loading label="Reading the change log" />;
  const revisions = group(log.data.items);
  if (revisions.length === 0) return <Empty title="No changes yet" />;
  // The oldest group may be cut short by the limit: it is shown only when it is the very first revision.
  const whole = revisions.filter((r, i) => i < revisions.length - 1 || r.revision === 1);
  return (
    <>
      <ol className="vocab-log" data-testid="revision-log">
        {whole.slice(0, shown).map((r) => {
          const notes = r.rows.filter(
            (x) => x.note && !x.change.startsWith('alias_') && x.change !== 'absorbed',
          );
          return (
            <li key={r.revision} data-revision={r.revision}>
              <div className="vocab-log-head">
                <strong>r{r.revision}</strong>{' '}
                <time dateTime={r.at} title={formatDateTime(r.at)} className="small muted">
                  {relative(r.at)}
                </time>{' '}
                <span className="small muted">· {r.by ? names.person(r.by) : 'Baton'}</span>
              </div>
              <What r={r} names={names} />
              {notes.map((x) => (
                <p key={x.path} className="small muted vocab-log-note">
                  “{x.note}”
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      {whole.length > shown || log.data.items.length >= limit ? (
        <button type="button" className="button small" onClick={onMore}>
          Show older changes
        </button>
      ) : null}
    </>
  );
}
