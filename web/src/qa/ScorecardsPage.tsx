import { useState } from 'react';
import { humanize } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Badge, Empty, ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { QaNav } from './QaNav.tsx';
import { qaApi, type ScorecardView } from './qa.api.ts';
import { ScorecardEditor } from './ScorecardEditor.tsx';
import './qa.css';

const scaleText = (c: ScorecardView['criteria'][number]) =>
  c.scale === 'pass_fail' ? 'Pass / fail' : `${c.scale.min}–${c.scale.max}`;

function Rubric({ card }: { card: ScorecardView }) {
  const s = useSession();
  const scenarioName = (id: string) => s.scenarios.find((x) => x.id === id)?.name ?? humanize(id);
  return (
    <table className="table compact">
      <caption className="visually-hidden">Criteria of {card.name}</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Scale</th>
          <th scope="col">Weight</th>
          <th scope="col">Applies to</th>
        </tr>
      </thead>
      <tbody>
        {card.criteria.map((c) => (
          <tr key={c.id}>
            <td>
              {c.label} {c.critical ? <Badge tone="bad">Critical</Badge> : null}
              {c.description ? <div className="muted small">{c.description}</div> : null}
            </td>
            <td>{scaleText(c)}</td>
            <td>{c.weight}</td>
            <td>{c.onlyForScenarios ? c.onlyForScenarios.map(scenarioName).join(', ') : 'Every scenario'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The rubrics reviewers score on; leads create them and save new versions. */
export default function ScorecardsPage() {
  const s = useSession();
  const canEdit = s.can('lead');
  const cards = useResource('qa:scorecards', (signal) => qaApi.scorecards(signal));
  // undefined: no editor; null: a new scorecard; an id: that scorecard's next version.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [saved, setSaved] = useState<ScorecardView | null>(null);
  const done = (card: ScorecardView | null) => {
    setEditing(undefined);
    setSaved(card);
    if (card) cards.reload();
  };
  return (
    <div className="page qa-page">
      <div className="page-head">
        <div>
          <h1>Scorecards</h1>
          <p className="muted">
            The rubrics reviewers score handoffs on. Each save is a new version; reviews keep theirs.
          </p>
        </div>
        {canEdit && editing === undefined ? (
          <button type="button" className="button primary" onClick={() => setEditing(null)}>
            New scorecard
          </button>
        ) : null}
      </div>
      <QaNav />
      {saved ? (
        <div className="note note-good" role="status" data-testid="scorecard-saved">
          <strong>
            {saved.name} saved as version {saved.version}
          </strong>
        </div>
      ) : null}
      {editing === null ? (
        <Section title="New scorecard">
          <ScorecardEditor card={undefined} onDone={done} />
        </Section>
      ) : null}
      <ErrorNote error={cards.error} title="The scorecards could not be loaded" />
      {!cards.data ? (
        cards.error ? null : (
          <Loading label="Loading scorecards" />
        )
      ) : cards.data.length === 0 && editing !== null ? (
        <Empty title="No scorecard yet">
          {canEdit ? 'Create the first one.' : 'A lead creates the first one.'}
        </Empty>
      ) : (
        <div className="stack">
          {cards.data.map((card) => (
            <Section
              key={card.id}
              title={`${card.name} (v${card.version})`}
              actions={
                canEdit && editing !== card.id ? (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setEditing(card.id)}
                    aria-label={`Edit ${card.name}`}
                  >
                    Edit
                  </button>
                ) : null
              }
            >
              {card.description ? <p className="muted">{card.description}</p> : null}
              {editing === card.id ? <ScorecardEditor card={card} onDone={done} /> : <Rubric card={card} />}
            </Section>
          ))}
        </div>
      )}
    </div>
  );
}
