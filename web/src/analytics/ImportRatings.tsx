import { type ChangeEvent, useId, useRef, useState } from 'react';
import { ApiError, post } from '../api/client.ts';
import { counted, formatDay } from '../app/format.ts';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { batchesOf, type FileRating, type RatingsFile, readRatingsFile, spanOf } from './ratings-file.ts';

type Imported = {
  created: number;
  changed: number;
  unchanged: number;
  skipped: { index: number; reason: string; case: string }[];
};

const sources = [
  { value: 'zendesk', label: 'Zendesk' },
  { value: 'freshdesk', label: 'Freshdesk' },
  { value: 'intercom', label: 'Intercom' },
  { value: 'other', label: 'Another helpdesk' },
];

/** "Nov 3, 2026 to Nov 28, 2026", or the one day. */
const spanText = (span: { first: string; last: string }) =>
  formatDay(span.first) === formatDay(span.last)
    ? `on ${formatDay(span.first)}`
    : `${formatDay(span.first)} to ${formatDay(span.last)}`;

/** The server's refusal of one batch, said at the file's own place for the rating (`ratings.3.at` is "line 5"). */
function refusalAt(error: unknown, places: readonly string[], offset: number): unknown {
  if (!(error instanceof ApiError)) return error;
  const index = typeof error.details.index === 'number' ? error.details.index : undefined;
  if (index === undefined) return error;
  const place = places[offset + index] ?? `rating ${offset + index + 1}`;
  const why = error.message.replace(/^ratings\[\d+\]: /, '').replace(/; nothing was imported$/, '');
  return new ApiError(error.status, error.code, `${place}: ${why}`, error.details);
}

/**
 * Import ratings from the helpdesk: a CSV export, a page of Freshdesk's ratings API or the import's
 * own JSON, read in the browser and checked line by line, then sent in batches with progress. A
 * batch is recorded whole or not at all; what came before a refused batch stays imported, and the
 * page says how far it got. Importing the same file again changes nothing.
 */
export function ImportRatings({ onImported }: { onImported: () => void }) {
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState('zendesk');
  const [other, setOther] = useState('');
  const [fileName, setFileName] = useState('');
  const [file, setFile] = useState<RatingsFile | null>(null);
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<unknown>();
  const cancelled = useRef(false);
  const ids = useId();

  const reset = () => {
    setFile(null);
    setFileName('');
    setProgress(null);
    setResult(null);
    setError(undefined);
  };
  const close = () => {
    cancelled.current = true;
    setOpen(false);
    if (result) onImported();
    reset();
  };
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    setResult(null);
    setError(undefined);
    if (!picked) return;
    setFileName(picked.name);
    const read = readRatingsFile(await picked.text());
    setFile(read);
    if (read.source && sources.some((s) => s.value === read.source)) setSource(read.source);
  };
  const sourceName = (source === 'other' ? other.trim().toLowerCase() : source) || 'other';

  const run = async (ratings: FileRating[]) => {
    cancelled.current = false;
    setError(undefined);
    const total: Imported = { created: 0, changed: 0, unchanged: 0, skipped: [] };
    const batches = batchesOf(ratings);
    setProgress({ done: 0, of: ratings.length });
    let offset = 0;
    try {
      for (const batch of batches) {
        if (cancelled.current) break;
        const r = await post<Imported>('/api/v1/satisfaction/import', { source: sourceName, ratings: batch });
        total.created += r.created;
        total.changed += r.changed;
        total.unchanged += r.unchanged;
        total.skipped.push(...r.skipped.map((s) => ({ ...s, index: s.index + offset })));
        offset += batch.length;
        setProgress({ done: offset, of: ratings.length });
      }
    } catch (err) {
      setError(refusalAt(err, file?.places ?? [], offset));
    } finally {
      setResult({ ...total });
    }
  };

  const span = file ? spanOf(file.ratings) : undefined;
  const running = progress !== null && result === null;
  const stopped = result && progress && progress.done < progress.of;
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        Import ratings…
      </button>
      <Dialog title="Import ratings from your helpdesk" open={open} onClose={close}>
        <p className="muted small">
          A CSV export with a header row (the ticket, the rating: 1 to 5 or good / bad, and optionally when,
          the comment and the rating's id), a page of Freshdesk's satisfaction ratings API, or the import's
          JSON. Each rating counts for the handoff that held its ticket's case then; tickets Baton has no case
          for are skipped, and importing the same file again changes nothing.
        </p>
        <div className="field">
          <label htmlFor={`${ids}-source`}>From</label>
          <select
            id={`${ids}-source`}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            disabled={running}
          >
            {sources.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {source === 'other' ? (
          <div className="field">
            <label htmlFor={`${ids}-other`}>The helpdesk's name</label>
            <input
              id={`${ids}-other`}
              value={other}
              maxLength={40}
              onChange={(e) => setOther(e.target.value)}
              disabled={running}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${ids}-file`}>File</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={choose}
            disabled={running}
          />
        </div>
        {file && file.problems.length > 0 ? (
          <div className="note note-error" role="alert" data-testid="ratings-file-problems">
            <p>
              {fileName} cannot be imported: {counted(file.problems.length, 'problem')}. Fix the file and
              choose it again; nothing was sent.
            </p>
            <ul>
              {file.problems.slice(0, 10).map((p) => (
                <li key={`${p.where}-${p.message}`}>
                  {p.where}: {p.message}
                </li>
              ))}
            </ul>
            {file.problems.length > 10 ? <p>and {file.problems.length - 10} more.</p> : null}
          </div>
        ) : null}
        {file && file.problems.length === 0 ? (
          <p data-testid="ratings-file-summary">
            {file.ratings.length === 0
              ? `${fileName} holds no rating.`
              : `${counted(file.ratings.length, 'rating')} in ${fileName}${span ? `, given ${spanText(span)}` : ''}.`}
          </p>
        ) : null}
        {progress ? (
          <div className="field ratings-import-progress">
            <label htmlFor={`${ids}-progress`}>
              {running ? 'Importing' : 'Imported'} {progress.done.toLocaleString()} of{' '}
              {progress.of.toLocaleString()}
            </label>
            <progress id={`${ids}-progress`} max={Math.max(1, progress.of)} value={progress.done} />
          </div>
        ) : null}
        <ErrorNote
          error={error}
          title={
            stopped
              ? `Stopped after ${progress.done.toLocaleString()} ratings: the rest were not imported`
              : 'Not imported'
          }
        />
        <div role="status" aria-live="polite">
          {result && !error ? (
            <div className="note note-good" data-testid="ratings-imported">
              <p>
                {stopped ? 'Cancelled. ' : ''}
                {result.created.toLocaleString()} new, {result.changed.toLocaleString()} changed,{' '}
                {result.unchanged.toLocaleString()} already there
                {result.skipped.length
                  ? `; ${counted(result.skipped.length, 'rating')} skipped: no case for the ticket`
                  : ''}
                .
              </p>
              {result.skipped.length ? (
                <p className="small">
                  Tickets skipped:{' '}
                  {result.skipped
                    .slice(0, 20)
                    .map((s) => s.case)
                    .join(', ')}
                  {result.skipped.length > 20 ? ', …' : ''}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
        <div className="dialog-actions">
          {running ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                cancelled.current = true;
              }}
            >
              Cancel
            </button>
          ) : (
            <button type="button" className="button" onClick={close}>
              Close
            </button>
          )}
          <button
            type="button"
            className="button primary"
            disabled={
              !file || file.problems.length > 0 || file.ratings.length === 0 || running || result !== null
            }
            onClick={() => file && void run(file.ratings)}
          >
            {file && file.problems.length === 0 && file.ratings.length
              ? `Import ${counted(file.ratings.length, 'rating')}`
              : 'Import'}
          </button>
        </div>
      </Dialog>
    </>
  );
}
