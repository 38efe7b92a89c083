import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { CalendarSaved, Team } from '../api/types.ts';
import { formatDay } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { ErrorNote } from '../app/ui.tsx';
import {
  type CalendarDraft,
  type Interval,
  problems,
  toCalendar,
  toDraft,
  type Weekday,
  weekdayNames,
  weekdays,
  weeklyHours,
} from './calendar-form.ts';
import { HolidayImport } from './HolidayImport.tsx';

const zones = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/**
 * A team's calendar, edited in place: time zone, opening hours per weekday (several intervals a day),
 * holidays (by hand or imported). Saving recomputes the deadline of every clock running on it.
 */
export function CalendarEditor({
  team,
  onDone,
}: {
  team: Team;
  onDone: (saved: CalendarSaved | null) => void;
}) {
  const s = useSession();
  const [draft, setDraft] = useState<CalendarDraft>(() => toDraft(team.calendar));
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [newHoliday, setNewHoliday] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [showErrors, setShowErrors] = useState(false);
  const issues = useMemo(() => problems(draft), [draft]);
  const id = (suffix: string) => `cal-${team.key}-${suffix}`;
  const formRef = useRef<HTMLFormElement>(null);
  // Opened in place of the button that opened it: the focus moves into the editor.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const setDay = (day: Weekday, intervals: Interval[]) =>
    setDraft((d) => ({ ...d, hours: { ...d.hours, [day]: intervals } }));
  const setInterval = (day: Weekday, i: number, which: 0 | 1, value: string) =>
    setDay(
      day,
      draft.hours[day].map((iv, k) => (k === i ? (which === 0 ? [value, iv[1]] : [iv[0], value]) : iv)),
    );
  const addHolidays = (list: { date: string; name: string }[]) => {
    setNames((m) => new Map([...m, ...list.map((h) => [h.date, h.name] as [string, string])]));
    setDraft((d) => ({ ...d, holidays: [...new Set([...d.holidays, ...list.map((h) => h.date)])].sort() }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (issues.size > 0) {
      setShowErrors(true);
      // To the first hours at fault: the summary below the form is far from them.
      const first = [...issues.keys()][0]!;
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`)?.focus(),
      );
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.setTeamCalendar(team.key, toCalendar(draft));
      await s.refresh().catch(() => undefined);
      onDone(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const fieldError = (key: string) =>
    showErrors && issues.get(key) ? (
      <span className="field-error" id={id(`${key}-error`)}>
        {issues.get(key)}
      </span>
    ) : null;

  return (
    <form
      ref={formRef}
      className="calendar-editor"
      onSubmit={save}
      aria-label={`${team.name} calendar`}
      noValidate
    >
      <div className="calendar-top">
        <div className="field">
          <label htmlFor={id('tz')}>Time zone</label>
          <input
            id={id('tz')}
            list={id('zones')}
            value={draft.timezone}
            onChange={(e) => setDraft((d) => ({ ...d, timezone: e.target.value }))}
            aria-invalid={showErrors && issues.has('timezone')}
            data-field="timezone"
          />
          <datalist id={id('zones')}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {fieldError('timezone')}
        </div>
        <label className="inline-field checkbox-field">
          <input
            type="checkbox"
            checked={draft.allDay}
            onChange={(e) => setDraft((d) => ({ ...d, allDay: e.target.checked }))}
          />
          <span>Open around the clock (24/7)</span>
        </label>
        <p className="hint">{weeklyHours(draft)} business hours a week</p>
      </div>

      {draft.allDay ? null : (
        <table className="table compact hours-editor">
          <caption className="visually-hidden">Opening hours in {draft.timezone}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Open (local time)</th>
              <th scope="col">
                <span className="visually-hidden">Add</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {weekdays.map((day) => (
              <tr key={day}>
                <th scope="row">{weekdayNames[day]}</th>
                <td>
                  {draft.hours[day].length === 0 ? <span className="muted">Closed</span> : null}
                  <div className="intervals">
                    {draft.hours[day].map(([open, close], i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
                      <div className="interval" key={i}>
                        <input
                          aria-label={`${weekdayNames[day]} opens${i ? ` (${i + 1})` : ''}`}
                          value={open}
                          onChange={(e) => setInterval(day, i, 0, e.target.value)}
                          size={5}
                          inputMode="numeric"
                          aria-invalid={showErrors && issues.has(`${day}.${i}.open`)}
                          aria-describedby={
                            showErrors && issues.has(`${day}.${i}.open`)
                              ? id(`${day}.${i}.open-error`)
                              : undefined
                          }
                          data-field={`${day}.${i}.open`}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          aria-label={`${weekdayNames[day]} closes${i ? ` (${i + 1})` : ''}`}
                          value={close}
                          onChange={(e) => setInterval(day, i, 1, e.target.value)}
                          size={5}
                          inputMode="numeric"
                          aria-invalid={showErrors && issues.has(`${day}.${i}.close`)}
                          aria-describedby={
                            showErrors && issues.has(`${day}.${i}.close`)
                              ? id(`${day}.${i}.close-error`)
                              : undefined
                          }
                          data-field={`${day}.${i}.close`}
                        />
                        <button
                          type="button"
                          className="button ghost small"
                          aria-label={`Remove ${weekdayNames[day]} ${open}–${close}`}
                          onClick={() =>
                            setDay(
                              day,
                              draft.hours[day].filter((_, k) => k !== i),
                            )
                          }
                        >
                          ✕
                        </button>
                        {fieldError(`${day}.${i}.open`)}
                        {fieldError(`${day}.${i}.close`)}
                      </div>
                    ))}
                  </div>
                </td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Add hours on ${weekdayNames[day]}`}
                    onClick={() => {
                      const last = draft.hours[day].at(-1);
                      setDay(day, [...draft.hours[day], last ? [last[1], '24:00'] : ['09:00', '17:00']]);
                    }}
                  >
                    + Hours
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft.allDay ? null : (
        <p className="small">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              for (const day of weekdays.slice(1, 5))
                setDay(
                  day,
                  draft.hours.mon.map(([o, c]) => [o, c]),
                );
            }}
          >
            Copy Monday to Tuesday–Friday
          </button>
        </p>
      )}

      <fieldset className="fieldset">
        <legend>Holidays (closed all day)</legend>
        {draft.holidays.length === 0 ? <p className="muted small">No holidays.</p> : null}
        <ul className="holiday-chips" aria-label="Holidays">
          {draft.holidays.map((d) => (
            <li key={d}>
              <span>
                {formatDay(`${d}T12:00:00Z`)}
                {names.get(d) ? <span className="muted"> · {names.get(d)}</span> : null}
              </span>
              <button
                type="button"
                className="button ghost small"
                aria-label={`Remove holiday ${d}`}
                onClick={() => setDraft((x) => ({ ...x, holidays: x.holidays.filter((h) => h !== d) }))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <div className="inline-field add-holiday">
          <label htmlFor={id('new-holiday')} className="visually-hidden">
            Holiday date
          </label>
          <input
            id={id('new-holiday')}
            type="date"
            value={newHoliday}
            onChange={(e) => setNewHoliday(e.target.value)}
          />
          <button
            type="button"
            className="button small"
            disabled={!newHoliday}
            onClick={() => {
              addHolidays([{ date: newHoliday, name: '' }]);
              setNewHoliday('');
            }}
          >
            Add holiday
          </button>
        </div>
        <HolidayImport timezone={draft.timezone} existing={draft.holidays} onAdd={addHolidays} />
      </fieldset>

      {showErrors && issues.size > 0 ? (
        <div className="note note-error" role="alert">
          <strong>Not saved</strong>
          <span>Some hours need fixing ({issues.size}).</span>
        </div>
      ) : null}
      <ErrorNote error={error} title="The calendar was not saved" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save calendar'}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </button>
      </div>
      <p className="hint">Saving moves the deadline of every clock running on this calendar now.</p>
    </form>
  );
}
