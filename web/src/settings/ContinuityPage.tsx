import { useState } from 'react';
import type { Scenario } from '../api/types.ts';
import { formatDay } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Section } from '../app/ui.tsx';
import { warmTemplates } from './continuity-api.ts';
import { RetentionForm } from './RetentionForm.tsx';
import { RiskSettingsForm } from './RiskSettingsForm.tsx';
import { WarmMessageEditor } from './WarmMessageEditor.tsx';
import { languageName } from './warm-message.ts';

function Status({ scenario }: { scenario: Scenario }) {
  if (!warmTemplates(scenario)) return <Badge>Built-in message</Badge>;
  return scenario.customerUpdateStale ? (
    <Badge tone="warn">Review overdue</Badge>
  ) : (
    <Badge tone="good">Current</Badge>
  );
}

/**
 * Customer continuity for leads: the warm message each scenario sends the customer on a handoff (per
 * language, versioned, stale ones flagged) and when a high-value customer's churn risk pages the
 * supervisors. Everyone else reads.
 */
export default function ContinuityPage() {
  const s = useSession();
  const canEdit = s.can('lead');
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<Scenario | null>(null);
  const scenario = editing ? s.scenarios.find((x) => x.id === editing) : undefined;
  const stale = s.scenarios.filter((x) => x.customerUpdateStale).length;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/settings">Settings</Link> / Customer continuity
          </nav>
          <h1>Customer continuity</h1>
          <p className="muted">
            What the customer hears when their case changes hands, and when a valuable customer at risk pulls
            in a supervisor.
          </p>
        </div>
      </div>
      {scenario ? (
        <Section title={`Warm messages: ${scenario.name ?? scenario.id}`} id="warm-message-editor">
          <WarmMessageEditor
            key={scenario.id}
            scenario={scenario}
            onDone={(answer) => {
              setEditing(null);
              setSaved(answer);
              requestAnimationFrame(() => document.getElementById(`edit-${scenario.id}`)?.focus());
            }}
          />
        </Section>
      ) : null}
      <Section title="Warm-handoff messages">
        {saved ? (
          <div className="note note-good" role="status" data-testid="templates-saved">
            <strong>
              {saved.name ?? saved.id}: messages saved as version {warmTemplates(saved)?.version}
            </strong>
            <span>New handoffs use them at once; messages already drafted keep their text.</span>
          </div>
        ) : null}
        {stale > 0 ? (
          <p className="note note-warn">
            {stale === 1 ? '1 scenario has' : `${stale} scenarios have`} messages not reviewed for 180 days.
          </p>
        ) : null}
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Warm-handoff messages by scenario</caption>
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Languages</th>
                <th scope="col">Version</th>
                <th scope="col">Last reviewed</th>
                <th scope="col">Status</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {s.scenarios.map((x) => {
                const t = warmTemplates(x);
                return (
                  <tr key={x.id} data-testid="warm-row" data-scenario={x.id}>
                    <td>
                      <strong>{x.name ?? x.id}</strong>
                      <div className="muted small">{x.id}</div>
                    </td>
                    <td>
                      {t
                        ? Object.keys(t.templates)
                            .map((l) => languageName(l))
                            .join(', ')
                        : '—'}
                    </td>
                    <td>{t ? `v${t.version}` : '—'}</td>
                    <td>{t ? formatDay(`${t.lastReviewed}T12:00:00Z`) : '—'}</td>
                    <td>
                      <Status scenario={x} />
                    </td>
                    {canEdit ? (
                      <td>
                        <button
                          type="button"
                          id={`edit-${x.id}`}
                          className="button small"
                          aria-label={`Edit warm messages for ${x.name ?? x.id}`}
                          onClick={() => {
                            setEditing(x.id);
                            setSaved(null);
                            requestAnimationFrame(() => {
                              document
                                .getElementById('warm-message-editor')
                                ?.scrollIntoView({ block: 'start' });
                              document
                                .querySelector<HTMLTextAreaElement>(
                                  'section[aria-labelledby="warm-message-editor"] textarea',
                                )
                                ?.focus();
                            });
                          }}
                        >
                          Edit
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="High-value pages">
        <RiskSettingsForm canEdit={canEdit} />
      </Section>
      {canEdit ? (
        <Section title="Customer data retention">
          <RetentionForm canEdit={s.can('admin')} />
        </Section>
      ) : null}
    </div>
  );
}
