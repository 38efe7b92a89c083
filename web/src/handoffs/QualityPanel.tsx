import type { CaseEvent, HandoffDetail } from '../api/types.ts';
import { checkLabels, eventLabel, formatDateTime, humanize } from '../app/format.ts';

const resultText = { pass: 'Pass', fail: 'Fail', na: 'Not yet' } as const;
const resultIcon = { pass: '✓', fail: '✕', na: '–' } as const;

function ScoreRing({ score }: { score: number }) {
  const r = 26;
  const c = 2 * Math.PI * r;
  const tone = score >= 80 ? 'good' : score >= 50 ? 'warn' : 'bad';
  return (
    <svg
      className={`ring ring-${tone}`}
      width="64"
      height="64"
      viewBox="0 0 64 64"
      role="img"
      aria-label={`Quality score ${score} out of 100`}
    >
      <circle cx="32" cy="32" r={r} className="ring-track" />
      <circle
        cx="32"
        cy="32"
        r={r}
        className="ring-value"
        strokeDasharray={`${(score / 100) * c} ${c}`}
        transform="rotate(-90 32 32)"
      />
      <text x="32" y="37" textAnchor="middle">
        {score}
      </text>
    </svg>
  );
}

function evidenceText(e: CaseEvent) {
  const from =
    e.type === 'message.added' && typeof e.data?.role === 'string' ? ` from the ${e.data.role}` : '';
  return `${eventLabel(e.type)}${from}, ${formatDateTime(e.at)}`;
}

/** The automatic quality score of the transition, each check with the evidence it rests on. */
export function QualityPanel({
  quality,
  events,
}: {
  quality: HandoffDetail['quality'];
  events: CaseEvent[] | undefined;
}) {
  // Evidence names an event, or a message by its id: found through the event that added it.
  const byId = new Map((events ?? []).map((e) => [e.id, e]));
  for (const e of events ?? [])
    if (e.type === 'message.added' && typeof e.data?.messageId === 'string') byId.set(e.data.messageId, e);
  return (
    <div className="quality">
      <div className="quality-score">
        <ScoreRing score={quality.score} />
        <p className="muted small">
          Weighted share of the checks that apply and pass. Recomputed as facts arrive.
        </p>
      </div>
      <ul className="checks">
        {quality.checks.map((c) => {
          const ev = c.evidence ? byId.get(c.evidence) : undefined;
          return (
            <li key={c.id} className={`check check-${c.result}`}>
              <span className="check-icon" aria-hidden="true">
                {resultIcon[c.result]}
              </span>
              <div>
                <div className="check-line">
                  <span className="check-name">{checkLabels[c.id] ?? humanize(c.id)}</span>
                  <span className="check-result">{resultText[c.result]}</span>
                </div>
                {c.detail ? <div className="muted small">{c.detail}</div> : null}
                {c.evidence ? (
                  <div className="small evidence">
                    Evidence: {ev ? evidenceText(ev) : <code>{c.evidence}</code>}
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
