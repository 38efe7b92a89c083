import { useEffect, useState } from 'react';
import { Erasable, isErased } from '../app/Erased.tsx';
import { counted, formatDateTime, formatDay, humanize } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, ErrorNote, Loading, Section, stateTone } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { ratingText, satisfiedText } from '../cases/satisfaction-words.ts';
import { type CustomerOverview, customerApi, type Erasure, type Risk } from './customer-api.ts';
import { EraseDialog, ErasureNote } from './Erasure.tsx';
import { SentimentChart } from './SentimentChart.tsx';

const levelTone = { low: 'good', medium: 'warn', high: 'bad' } as const;

function RiskPanel({ risk }: { risk: Risk }) {
  return (
    <Section title="Churn risk">
      <p data-testid="risk-score">
        <strong className="big-number">{risk.score}</strong> / 100{' '}
        <Badge tone={levelTone[risk.level]}>{humanize(risk.level)}</Badge>
      </p>
      {risk.reasons.length === 0 ? (
        <p className="muted">Nothing in their cases raises the risk.</p>
      ) : (
        <table className="table compact" aria-label="Reasons">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Points</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {risk.reasons.map((r) => (
              <tr key={r.id} data-testid="risk-reason">
                <td>{humanize(r.id)}</td>
                <td>{r.weight > 0 ? `+${r.weight}` : r.weight}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Profile({ o }: { o: CustomerOverview }) {
  const c = o.customer;
  const years =
    c.tenureMonths === null
      ? null
      : c.tenureMonths >= 12
        ? `${Math.floor(c.tenureMonths / 12)} years`
        : `${c.tenureMonths} months`;
  return (
    <Section title="Profile">
      <dl className="facts" data-testid="customer-facts">
        <dt>Customer since</dt>
        <dd>{c.customerSince ? `${formatDay(c.customerSince)} (${years})` : 'unknown'}</dd>

        <dt>Annual value</dt>
        <dd>{c.annualValue === null ? 'unknown' : Math.round(c.annualValue).toLocaleString()}</dd>

        {c.tier ? (
          <>
            <dt>Tier</dt>
            <dd>{c.tier}</dd>
          </>
        ) : null}

        <dt>Contacts</dt>
        <dd>
          {counted(o.cases.length, 'case')} · {counted(o.repeatContacts, 'repeat contact')}
        </dd>

        <dt>Satisfaction</dt>
        <dd data-testid="customer-csat">
          {o.satisfaction.rated === 0
            ? 'no case rated yet'
            : `${o.satisfaction.satisfied} of ${counted(o.satisfaction.rated, 'rated case')} satisfied`}
        </dd>

        <dt>Promises</dt>
        <dd data-testid="promises">
          {o.promises.kept} kept · {o.promises.broken} broken · {o.promises.open} open
        </dd>

        {c.timezone ? (
          <>
            <dt>Time zone</dt>
            <dd>{c.timezone}</dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}

/** One page per customer across their cases: the story a supervisor needs before they walk. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const s = useSession();
  const r = useResource(customerId, (signal) => customerApi.overview(customerId, signal));
  const [erasing, setErasing] = useState(false);
  // After an erasure the button that opened the dialog is gone: the focus goes to the line that says
  // what happened, in an effect, so after the dialog has handed the focus back at its own commit.
  const [focusNote, setFocusNote] = useState(false);
  const noteShown = Boolean(r.data?.customer.erasedAt);
  useEffect(() => {
    if (!focusNote || !noteShown) return;
    document.getElementById('erasure-note')?.focus();
    setFocusNote(false);
  }, [focusNote, noteShown]);
  if (r.error) return <ErrorNote error={r.error} title="Could not load this customer" />;
  if (!r.data) return <Loading />;
  const o = r.data;
  const subjectOf = new Map(o.cases.map((c) => [c.id, c.subject]));
  const erased = Boolean(o.customer.erasedAt) || isErased(o.customer.name);
  const title = erased ? 'Erased customer' : o.customer.name;
  const onErased = (answer: Erasure) => {
    setErasing(false);
    r.set({ ...o, customer: { ...o.customer, erasedAt: answer.erasedAt, erasedBy: answer.erasedBy } });
    r.reload();
    setFocusNote(true);
  };
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/cases">Cases</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{title}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          {erased ? null : <p className="muted">Customer {o.customer.externalId}</p>}
        </div>
        {s.can('admin') ? (
          <div className="page-actions">
            {/* An access request: everything held about them, as one file (the change log says who took it). */}
            <a className="button" href={customerApi.exportUrl(o.customer.id)} download>
              Download their data
            </a>
            {erased ? null : (
              <button type="button" className="button" onClick={() => setErasing(true)}>
                Erase personal data…
              </button>
            )}
          </div>
        ) : null}
      </div>
      {erased ? <ErasureNote customer={o.customer} /> : null}
      {s.can('admin') ? (
        <EraseDialog
          overview={o}
          open={erasing}
          onClose={() => setErasing(false)}
          onErased={onErased}
          onStale={r.reload}
        />
      ) : null}
      <Profile o={o} />
      <RiskPanel risk={o.risk} />
      <Section title="Sentiment over time">
        {o.sentiment.length ? (
          <SentimentChart points={o.sentiment} />
        ) : (
          <p className="muted">No messages yet.</p>
        )}
      </Section>
      <Section title="Cases">
        <ul className="plain-list">
          {o.cases.map((c) => (
            <li key={c.id} data-testid="customer-case">
              <Link to={`/cases/${c.id}`}>
                <Erasable text={c.subject} label="Subject erased" />
              </Link>{' '}
              <span className="small muted">
                {formatDateTime(c.createdAt)} · {humanize(c.channel)} · {humanize(c.status)}
              </span>
              {c.repeatOf ? <Badge tone="warn">Repeat contact</Badge> : null}
              {c.satisfaction ? (
                <Badge tone={c.satisfaction.satisfied ? 'good' : 'bad'}>
                  CSAT {ratingText(c.satisfaction.rating)} · {satisfiedText(c.satisfaction.satisfied)}
                </Badge>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Handoffs">
        {o.handoffs.length === 0 ? (
          <p className="muted">No handoffs yet.</p>
        ) : (
          <table className="table compact" aria-label="Handoffs">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">To</th>
                <th scope="col">State</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {o.handoffs.map((h) => (
                <tr key={h.id} data-testid="customer-handoff">
                  <td>
                    <Link to={`/handoffs/${h.id}`}>
                      <Erasable text={subjectOf.get(h.caseId) ?? h.caseId} label="Subject erased" />
                    </Link>
                  </td>
                  <td>{h.toTeam}</td>
                  <td>
                    <Badge tone={stateTone(h.state)}>{humanize(h.state)}</Badge>
                    {h.bounceReason ? <span className="small"> {humanize(h.bounceReason)}</span> : null}
                  </td>
                  <td className="small">{formatDateTime(h.sentAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
