import { type FormEvent, useEffect, useState } from 'react';
import { personNotificationKinds, weekdays } from '../../../src/notifications/notifications.types.ts';
import { ApiError, get, put } from '../api/client.ts';
import { fieldMessage } from '../app/InputField.tsx';
import { useSession } from '../app/session.tsx';
import { Dialog, ErrorNote, Loading } from '../app/ui.tsx';
import { FormField } from '../people/FormField.tsx';
import { timeZones } from '../people/person-form.ts';
import { TimeZoneOptions } from '../people/TimeZoneOptions.tsx';
import {
  controlOf,
  type ExtraChannel,
  formOf,
  kindWords,
  type Preferences,
  preferencesBody,
  type SettingsForm,
  slackWanted,
  weekdayWords,
} from './notification-settings.ts';
import { OwnSends } from './OwnSends.tsx';
import { SendOutcome } from './SendOutcome.tsx';
import { TestSend } from './TestSend.tsx';

const path = '/api/v1/notifications/preferences';

/**
 * Your notifications: for each kind, Slack and e-mail beside the inbox (which always gets it), where
 * they go, and quiet hours when only the inbox is used (pages excepted). Read when opened, saved with
 * `PUT /notifications/preferences`; a refused field is named beside it.
 */
export function NotificationSettings({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { me } = useSession();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [facts, setFacts] = useState<Pick<Preferences, 'emailOn' | 'lastSends'> | null>(null);
  // The addresses as saved: a test goes there, so a changed one is saved before it is tested.
  const [stored, setStored] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!open) return;
    const abort = new AbortController();
    setForm(null);
    setSaved(false);
    setError(null);
    setLoadError(undefined);
    get<Preferences>(path, abort.signal)
      .then((p) => {
        setForm(formOf(p));
        setStored(formOf(p));
        setFacts(p);
      })
      .catch((err) => {
        if (!abort.signal.aborted) setLoadError(err);
      });
    return () => abort.abort();
  }, [open]);

  const change = (patch: Partial<SettingsForm>) => {
    setSaved(false);
    // What was refused is being fixed: its message goes until the next save says otherwise.
    setError(null);
    setForm((f) => (f ? { ...f, ...patch } : f));
  };
  const tick = (kind: (typeof personNotificationKinds)[number], channel: ExtraChannel, on: boolean) =>
    form && change({ channels: { ...form.channels, [kind]: { ...form.channels[kind], [channel]: on } } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await put<Preferences>(path, preferencesBody(form, me.person?.email ?? null));
      setForm(formOf(answer));
      setStored(formOf(answer));
      setFacts(answer);
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      // Land on the field at fault, so its message is read with it (as the people forms do).
      const control = err instanceof ApiError ? controlOf(err.field) : undefined;
      if (control) requestAnimationFrame(() => document.getElementById(control)?.focus());
    } finally {
      setBusy(false);
    }
  };
  const refused = error instanceof ApiError ? controlOf(error.field) : undefined;
  const fieldError = (control: string) =>
    refused === control && error ? fieldMessage(error.message) : undefined;
  const zone = me.person?.timezone ?? me.organisation.timezone ?? 'UTC';

  return (
    <Dialog title="Notification settings" open={open} onClose={onClose}>
      <ErrorNote error={loadError} title="Your settings could not be read" />
      {!form && !loadError ? <Loading /> : null}
      {form ? (
        <form className="notification-settings" onSubmit={(e) => void submit(e)} noValidate>
          <table className="table compact">
            <caption>
              Where each notification reaches you. The bell always has it; add Slack or e-mail.
            </caption>
            <thead>
              <tr>
                <th scope="col">Notification</th>
                <th scope="col">Slack</th>
                <th scope="col">E-mail</th>
              </tr>
            </thead>
            <tbody>
              {personNotificationKinds.map((k) => (
                <tr key={k}>
                  <th scope="row">
                    {kindWords[k].label}
                    <div className="small muted">{kindWords[k].hint}</div>
                  </th>
                  {(['slack', 'email'] as const).map((c) => (
                    <td key={c}>
                      <input
                        type="checkbox"
                        aria-label={`${kindWords[k].label} by ${c === 'slack' ? 'Slack' : 'e-mail'}`}
                        disabled={c === 'email' && facts?.emailOn === false}
                        checked={form.channels[k][c]}
                        onChange={(e) => tick(k, c, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <FormField id="ns-slack" label="Your Slack incoming webhook" error={fieldError('ns-slack')}>
            {(control) => (
              <input
                {...control}
                type="url"
                placeholder="https://hooks.slack.com/services/…"
                value={form.slackUrl}
                onChange={(e) => change({ slackUrl: e.target.value })}
              />
            )}
          </FormField>
          <SendOutcome send={facts?.lastSends.slack ?? null} channel="slack" />
          {stored?.slackUrl ? (
            <TestSend
              path={`${path}/test`}
              body={{ channel: 'slack' }}
              label="Send a test Slack message"
              unsaved={form.slackUrl !== stored.slackUrl}
            />
          ) : null}
          {slackWanted(form) ? (
            <p className="small muted" data-testid="slack-missing">
              Without a Slack address, the ones ticked for Slack reach only the bell.
            </p>
          ) : null}
          <FormField
            id="ns-email"
            label="E-mail to"
            hint={`Blank: your sign-in address${me.person?.email ? ` (${me.person.email})` : ''}.`}
            error={fieldError('ns-email')}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                value={form.email}
                onChange={(e) => change({ email: e.target.value })}
              />
            )}
          </FormField>
          <SendOutcome send={facts?.lastSends.email ?? null} channel="email" />
          {facts?.emailOn ? (
            <TestSend
              path={`${path}/test`}
              body={{ channel: 'email' }}
              label="Send a test e-mail"
              unsaved={form.email !== stored?.email}
            />
          ) : null}
          {facts?.emailOn === false ? (
            <p className="small muted" data-testid="email-off">
              This Baton sends no e-mail yet (an admin sets its mail server), so e-mail cannot be chosen.
            </p>
          ) : null}
          <fieldset className="notification-quiet">
            <legend>Quiet hours</legend>
            <label>
              <input
                type="checkbox"
                checked={form.quiet}
                onChange={(e) => change({ quiet: e.target.checked })}
              />{' '}
              Only the bell in these hours (pages still reach you everywhere)
            </label>
            {form.quiet ? (
              <>
                <div className="notification-quiet-times">
                  <FormField id="ns-start" label="From" error={fieldError('ns-start')}>
                    {(control) => (
                      <input
                        {...control}
                        type="time"
                        value={form.start}
                        onChange={(e) => change({ start: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField id="ns-end" label="To" error={fieldError('ns-end')}>
                    {(control) => (
                      <input
                        {...control}
                        type="time"
                        value={form.end}
                        onChange={(e) => change({ end: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField id="ns-zone" label="Time zone" error={fieldError('ns-zone')}>
                    {(control) => (
                      <select
                        {...control}
                        value={form.timezone}
                        onChange={(e) => change({ timezone: e.target.value })}
                      >
                        <option value="">Yours ({zone})</option>
                        <TimeZoneOptions zones={timeZones([form.timezone])} />
                      </select>
                    )}
                  </FormField>
                </div>
                <fieldset className="notification-days">
                  <legend className="small">On</legend>
                  {weekdays.map((d) => (
                    <label key={d}>
                      <input
                        type="checkbox"
                        checked={form.days.includes(d)}
                        onChange={(e) =>
                          change({
                            days: e.target.checked ? [...form.days, d] : form.days.filter((x) => x !== d),
                          })
                        }
                      />{' '}
                      {weekdayWords[d]}
                    </label>
                  ))}
                </fieldset>
                {form.days.length === 0 ? <p className="field-error">Choose at least one day.</p> : null}
                {form.end < form.start ? (
                  <p className="small muted">
                    Overnight: from {form.start} until {form.end} the next morning.
                  </p>
                ) : null}
              </>
            ) : null}
          </fieldset>
          <OwnSends />
          {error && !refused ? <ErrorNote error={error} title="Your settings were not saved" /> : null}
          {saved ? (
            <p className="note note-good" role="status">
              Saved.
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button
              type="submit"
              className="button primary"
              disabled={busy || (form.quiet && form.days.length === 0)}
            >
              {busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
