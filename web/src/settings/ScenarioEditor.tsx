import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Scenario } from '../api/types.ts';
import { fieldLabel, formatDateTime, humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, ErrorNote, Loading } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { actionLabels, type LadderAction, ladderActions } from '../sla/ladder-actions.ts';
import { OwnerRuleFields } from './OwnerRuleFields.tsx';
import {
  type CalendarChoice,
  type ClockDraft,
  type Draft,
  packetFields,
  type RungDraft,
  sameAsCurrent,
  scenarioIssues,
  toDraft,
  today,
  toInput,
} from './scenario-draft.ts';

function History({ id }: { id: string }) {
  const s = useSession();
  const detail = useResource(`scenario:${id}`, () => api.scenario(id));
  if (detail.error) return <ErrorNote error={detail.error} title="No history" />;
  if (!detail.data) return <Loading label="Loading versions" />;
  return (
    <ol className="versions" aria-label="Versions">
      {detail.data.history.map((v) => (
        <li key={v.version}>
          <strong>v{v.version}</strong>
          {v.version === detail.data!.version ? <Badge tone="good">Current</Badge> : null}
          <span className="muted small">
            {formatDateTime(v.createdAt)}
            {v.createdBy ? ` · by ${s.personName(v.createdBy)}` : ' · from the policy files'}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * Creates a scenario or its next version: where it goes, the packet fields it requires, its SLA
 * clocks and the ladder, and the packet template's review date. Handoffs already sent keep theirs.
 */
export function ScenarioEditor({
  scenario,
  onDone,
}: {
  scenario: Scenario | undefined;
  onDone: (saved: Scenario | null) => void;
}) {
  const s = useSession();
  const [d, setD] = useState<Draft>(() => toDraft(scenario, s.teams));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const base = useId();
  const f = (name: string) => `${base}-${name}`;
  const formRef = useRef<HTMLFormElement>(null);
  const issues = useMemo(() => scenarioIssues(d), [d]);
  const [showIssues, setShowIssues] = useState(false);
  // Saved as it was: said (until the next edit), and no version made.
  const [unchangedAt, setUnchangedAt] = useState<Draft | null>(null);
  const unchanged = unchangedAt === d;
  const fieldAtFault = error instanceof ApiError ? error.field : undefined;
  // The server's refusal of one field, in its own words without the path it starts with.
  const serverWords =
    error instanceof ApiError && fieldAtFault
      ? error.message.replace(/^[\w.]+: /, '').replace(/ \(\w+\)$/, '')
      : '';
  // The fields this form shows (a refusal of another is shown below the form, whole).
  const shownAtField =
    serverWords !== '' &&
    /^(id|name|sla\.\d+\.(name|target)|ladder\.\d+\.(at|clock)|template\.(version|lastReviewed))$/.test(
      fieldAtFault ?? '',
    );
  const problemAt = (key: string) =>
    (showIssues ? issues.get(key) : undefined) ??
    (shownAtField && fieldAtFault === key ? serverWords : undefined);
  /** The attributes that tie a field to its problem (and let `focusField` find it). */
  const faultProps = (key: string) => ({
    'data-field': key,
    'aria-invalid': problemAt(key) ? true : undefined,
    'aria-describedby': problemAt(key) ? f(`${key}-error`) : undefined,
  });
  const Problem = ({ at }: { at: string }) =>
    problemAt(at) ? (
      <span className="field-error" id={f(`${at}-error`)}>
        {problemAt(at)}
      </span>
    ) : null;
  const focusField = (key: string) =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`)?.focus(),
    );
  // Opened, the editor takes the focus (the button that opened it may now be out of sight).
  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLElement>('input:not([readonly]), select');
    first?.focus({ preventScroll: true });
    formRef.current?.closest('section')?.scrollIntoView({ block: 'start' });
  }, []);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const setClock = (i: number, c: Partial<ClockDraft>) =>
    set(
      'sla',
      d.sla.map((x, k) => (k === i ? { ...x, ...c } : x)),
    );
  const setRung = (i: number, r: Partial<RungDraft>) =>
    set(
      'ladder',
      d.ladder.map((x, k) => (k === i ? { ...x, ...r } : x)),
    );
  const toTeam = s.teams.find((t) => t.key === d.toTeam);
  const teamTz = toTeam?.calendar.timezone ?? 'UTC';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (issues.size > 0) {
      setShowIssues(true);
      focusField([...issues.keys()][0]!);
      return;
    }
    const input = toInput(d, scenario, teamTz);
    if (sameAsCurrent(input, scenario)) {
      setUnchangedAt(d);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.saveScenario(input);
      await s.refresh().catch(() => undefined);
      onDone(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
      if (err instanceof ApiError && err.field) focusField(err.field);
    }
  };

  return (
    <form
      ref={formRef}
      className="scenario-editor"
      onSubmit={save}
      aria-label={scenario ? `Edit ${scenario.name ?? scenario.id}` : 'New scenario'}
      noValidate
    >
      <div className="grid-2">
        <div className="stack-tight">
          <div className="field">
            <label htmlFor={f('id')}>Scenario id</label>
            <input
              id={f('id')}
              value={d.id}
              onChange={(e) => set('id', e.target.value.toLowerCase())}
              readOnly={Boolean(scenario)}
              placeholder="billing-to-finance"
              {...faultProps('id')}
              aria-describedby={problemAt('id') ? f('id-error') : f('id-hint')}
            />
            <Problem at="id" />
            <span className="hint" id={f('id-hint')}>
              {scenario
                ? 'Saving makes a new version of this scenario.'
                : 'Lowercase letters, digits and dashes.'}
            </span>
          </div>
          <div className="field">
            <label htmlFor={f('name')}>Name</label>
            <input
              id={f('name')}
              value={d.name}
              onChange={(e) => set('name', e.target.value)}
              placeholder="Billing to Finance"
              {...faultProps('name')}
            />
            <Problem at="name" />
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={f('from')}>From team</label>
              <select id={f('from')} value={d.fromTeam} onChange={(e) => set('fromTeam', e.target.value)}>
                <option value="">Any team</option>
                {s.teams.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={f('to')}>To team</label>
              <select id={f('to')} value={d.toTeam} onChange={(e) => set('toTeam', e.target.value)}>
                {s.teams.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset className="fieldset">
            <legend>Required packet fields</legend>
            <ul className="checklist columns">
              {packetFields.map((p) => (
                <li key={p}>
                  <label>
                    <input
                      type="checkbox"
                      checked={d.required.includes(p)}
                      onChange={(e) =>
                        set(
                          'required',
                          e.target.checked
                            ? packetFields.filter((x) => x === p || d.required.includes(x))
                            : d.required.filter((x) => x !== p),
                        )
                      }
                    />
                    {fieldLabel(p)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <OwnerRuleFields
            ownership={d.ownership}
            skills={d.skills}
            toTeam={toTeam}
            idOf={f}
            onOwnership={(v) => set('ownership', v)}
            onSkills={(v) => set('skills', v)}
          />
          <fieldset className="fieldset">
            <legend>Packet template</legend>
            <div className="grid-2">
              <div className="field">
                <label htmlFor={f('tpl-version')}>Template version</label>
                <input
                  id={f('tpl-version')}
                  inputMode="numeric"
                  value={d.templateVersion}
                  onChange={(e) => set('templateVersion', e.target.value)}
                  size={4}
                  {...faultProps('template.version')}
                />
                <Problem at="template.version" />
              </div>
              <div className="field">
                <label htmlFor={f('tpl-reviewed')}>Last reviewed</label>
                <div className="inline-field">
                  <input
                    id={f('tpl-reviewed')}
                    type="date"
                    value={d.lastReviewed}
                    onChange={(e) => set('lastReviewed', e.target.value)}
                    {...faultProps('template.lastReviewed')}
                  />
                  <button type="button" className="button small" onClick={() => set('lastReviewed', today())}>
                    Reviewed today
                  </button>
                </div>
                <Problem at="template.lastReviewed" />
              </div>
            </div>
          </fieldset>
        </div>
        <div className="stack-tight">
          <fieldset className="fieldset">
            <legend>SLA clocks</legend>
            <p className="hint">
              Targets in business time: <code>4h</code>, <code>2h 30m</code>, <code>45m</code>,{' '}
              <code>2d</code> (business days) or <code>0</code> (at once); <code>PT4H</code> and{' '}
              <code>P1D</code> work too. A clock named <em>acknowledge</em> stops on accept, <em>resolve</em>{' '}
              on resolve.
            </p>
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Clock</th>
                  <th scope="col">Target</th>
                  <th scope="col">Calendar</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.sla.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  <tr key={i}>
                    <td>
                      <input
                        aria-label={`Clock ${i + 1} name`}
                        value={c.name}
                        onChange={(e) => setClock(i, { name: e.target.value })}
                        size={12}
                        {...faultProps(`sla.${i}.name`)}
                      />
                      <Problem at={`sla.${i}.name`} />
                    </td>
                    <td>
                      <input
                        aria-label={`Clock ${i + 1} target`}
                        value={c.target}
                        onChange={(e) => setClock(i, { target: e.target.value })}
                        size={7}
                        {...faultProps(`sla.${i}.target`)}
                      />
                      <Problem at={`sla.${i}.target`} />
                    </td>
                    <td>
                      <select
                        aria-label={`Clock ${i + 1} calendar`}
                        value={c.calendar}
                        onChange={(e) => setClock(i, { calendar: e.target.value as CalendarChoice })}
                      >
                        <option value="team">Receiving team's hours</option>
                        <option value="24/7">Around the clock</option>
                        {c.own && c.own.hours !== '24/7' ? (
                          <option value="own">Its own ({c.own.timezone})</option>
                        ) : null}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button ghost small"
                        aria-label={`Remove clock ${c.name || i + 1}`}
                        onClick={() =>
                          set(
                            'sla',
                            d.sla.filter((_, k) => k !== i),
                          )
                        }
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="button small"
              onClick={() => set('sla', [...d.sla, { name: '', target: 'PT4H', calendar: 'team' }])}
            >
              + Clock
            </button>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Escalation ladder</legend>
            <p className="hint">Each rung fires once, when a clock has used that share of its target.</p>
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">At % used</th>
                  <th scope="col">Action</th>
                  <th scope="col">Clock</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.ladder.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  <tr key={i}>
                    <td>
                      <input
                        aria-label={`Rung ${i + 1} at percent`}
                        inputMode="numeric"
                        value={r.at}
                        onChange={(e) => setRung(i, { at: e.target.value })}
                        size={4}
                        {...faultProps(`ladder.${i}.at`)}
                      />
                      <Problem at={`ladder.${i}.at`} />
                    </td>
                    <td>
                      <select
                        aria-label={`Rung ${i + 1} action`}
                        value={r.action}
                        onChange={(e) => setRung(i, { action: e.target.value as LadderAction })}
                      >
                        {ladderActions.map((a) => (
                          <option key={a} value={a}>
                            {actionLabels[a]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        aria-label={`Rung ${i + 1} clock`}
                        value={r.clock}
                        onChange={(e) => setRung(i, { clock: e.target.value })}
                        {...faultProps(`ladder.${i}.clock`)}
                      >
                        <option value="">Every clock</option>
                        {d.sla
                          .filter((c) => c.name.trim())
                          .map((c) => (
                            <option key={c.name} value={c.name}>
                              {humanize(c.name)}
                            </option>
                          ))}
                        {r.clock && !d.sla.some((c) => c.name.trim() === r.clock) ? (
                          <option value={r.clock}>{humanize(r.clock)} (no such clock)</option>
                        ) : null}
                      </select>
                      <Problem at={`ladder.${i}.clock`} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button ghost small"
                        aria-label={`Remove rung ${i + 1}`}
                        onClick={() =>
                          set(
                            'ladder',
                            d.ladder.filter((_, k) => k !== i),
                          )
                        }
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="button small"
              onClick={() => set('ladder', [...d.ladder, { at: '100', action: 'notify_lead', clock: '' }])}
            >
              + Rung
            </button>
          </fieldset>
          {scenario ? (
            <section aria-labelledby={f('history')} className="history">
              <h4 id={f('history')}>Version history</h4>
              <History id={scenario.id} />
            </section>
          ) : null}
        </div>
      </div>
      {showIssues && issues.size > 0 ? (
        <div className="note note-warn" role="alert">
          Not saved: {issues.size === 1 ? 'one field needs' : `${issues.size} fields need`} fixing, marked
          above.
        </div>
      ) : null}
      {unchanged && scenario ? (
        <div className="note note-info" role="status">
          Nothing changed: version {scenario.version} stays the current one.
        </div>
      ) : null}
      {shownAtField ? (
        <div className="note note-warn" role="alert">
          The scenario was not saved: {serverWords}.
        </div>
      ) : (
        <ErrorNote error={error} title="The scenario was not saved" />
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !d.toTeam}>
          {busy ? 'Saving…' : scenario ? `Save as version ${scenario.version + 1}` : 'Create scenario'}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
