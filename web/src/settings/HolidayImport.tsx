import { useId, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { HolidayPreview } from '../api/types.ts';
import { formatDay } from '../app/format.ts';
import { ErrorNote } from '../app/ui.tsx';
import { countryOf } from './calendar-form.ts';

const dayLabel = (date: string) => formatDay(`${date}T12:00:00Z`);

/**
 * Public holidays of a country (and state or region), previewed before anything changes: the lead
 * ticks the ones the team closes on and adds them to the calendar being edited.
 */
export function HolidayImport({
  timezone,
  existing,
  onAdd,
}: {
  timezone: string;
  existing: string[];
  onAdd: (holidays: { date: string; name: string }[]) => void;
}) {
  const guess = countryOf(timezone);
  const year = new Date().getFullYear();
  const [country, setCountry] = useState(guess.country);
  const [state, setState] = useState(guess.state ?? '');
  const [region, setRegion] = useState('');
  const [years, setYears] = useState(`${year},${year + 1}`);
  const [preview, setPreview] = useState<HolidayPreview | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const base = useId();
  const have = new Set(existing);

  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const list = years
        .split(/[,\s]+/)
        .map(Number)
        .filter((y) => Number.isInteger(y) && y > 1900);
      const p = await api.holidays(
        country.trim(),
        state.trim() || undefined,
        region.trim() || undefined,
        list,
      );
      setPreview(p);
      setPicked(new Set(p.holidays.map((h) => h.date).filter((d) => !have.has(d))));
    } catch (err) {
      setError(err);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (date: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(date)) next.delete(date);
      else next.add(date);
      return next;
    });

  const fresh = preview?.holidays.filter((h) => !have.has(h.date)) ?? [];
  return (
    <div className="holiday-import">
      <h4>Import public holidays</h4>
      {/* A nested form is not allowed: the preview is asked for by its own button. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Enter in these fields previews instead of saving the calendar */}
      <div
        className="holiday-query"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault();
            void load();
          }
        }}
      >
        <div className="field">
          <label htmlFor={`${base}-country`}>Country</label>
          <input
            id={`${base}-country`}
            value={country}
            onChange={(e) => setCountry(e.target.value.toUpperCase())}
            maxLength={3}
            size={4}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-state`}>
            State <span className="opt">optional</span>
          </label>
          <input
            id={`${base}-state`}
            value={state}
            onChange={(e) => setState(e.target.value.toUpperCase())}
            size={5}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-region`}>
            Region <span className="opt">optional</span>
          </label>
          <input
            id={`${base}-region`}
            value={region}
            onChange={(e) => setRegion(e.target.value.toUpperCase())}
            size={5}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-years`}>Years</label>
          <input id={`${base}-years`} value={years} onChange={(e) => setYears(e.target.value)} size={10} />
        </div>
        <button
          type="button"
          className="button small"
          onClick={() => void load()}
          disabled={busy || !country.trim()}
        >
          {busy ? 'Looking up…' : 'Preview holidays'}
        </button>
      </div>
      <ErrorNote error={error} title="No holidays for that place" />
      {preview ? (
        <div className="holiday-preview">
          <p className="small">
            {preview.holidays.length} public holidays in {preview.source.country}
            {preview.source.state ? `-${preview.source.state}` : ''}
            {preview.source.region ? `-${preview.source.region}` : ''} for {preview.years.join(' and ')}
            {fresh.length < preview.holidays.length
              ? `; ${preview.holidays.length - fresh.length} already in the calendar`
              : ''}
            .
          </p>
          <ul className="checklist holiday-list" aria-label="Public holidays to add">
            {preview.holidays.map((h) => {
              const already = have.has(h.date);
              return (
                <li key={`${h.date}:${h.name}`}>
                  <label>
                    <input
                      type="checkbox"
                      checked={already || picked.has(h.date)}
                      disabled={already}
                      onChange={() => toggle(h.date)}
                    />
                    <span className="holiday-date">{dayLabel(h.date)}</span>
                    <span>{h.name}</span>
                    {already ? <span className="muted small">already in</span> : null}
                  </label>
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <button
              type="button"
              className="button small primary"
              disabled={picked.size === 0}
              onClick={() => {
                onAdd(preview.holidays.filter((h) => picked.has(h.date) && !have.has(h.date)));
                setPreview(null);
              }}
            >
              Add {picked.size} {picked.size === 1 ? 'holiday' : 'holidays'}
            </button>
            <button type="button" className="button small ghost" onClick={() => setPreview(null)}>
              Close preview
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
