import { api } from '../api/endpoints.ts';
import { formatDateTime, humanize, stateLabels } from '../app/format.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Empty, ErrorNote, Loading, Section, stateTone } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { Conversation } from '../cases/Conversation.tsx';
import { Timeline } from '../cases/Timeline.tsx';
import { PacketView } from '../handoffs/PacketView.tsx';
import { QualityPanel } from '../handoffs/QualityPanel.tsx';
import { qaApi, type Review } from './qa.api.ts';
import { ReviewList } from './ReviewList.tsx';
import { ScoreForm } from './ScoreForm.tsx';
import './qa.css';
import { senderName } from '../handoffs/sender.ts';

/**
 * A reviewer scores one handoff beside its packet, transcript and timeline, with the automatic
 * checks and their evidence. Other reviewers' scores stay hidden until this reviewer has scored:
 * seeing them first would bias the calibration.
 */
export default function ReviewPage({ handoffId }: { handoffId: string }) {
  const s = useSession();
  const { search } = useLocation();
  const h = useResource(`handoff:${handoffId}`, (signal) => api.handoff(handoffId, signal));
  const caseId = h.data?.caseId;
  const detail = useResource(caseId ? `case:${caseId}` : null, () => api.case(caseId!));
  const events = useResource(caseId ? `case-events:${caseId}` : null, () => api.caseEvents(caseId!));
  const cards = useResource('qa:scorecards', (signal) => qaApi.scorecards(signal));
  const reviews = useResource(`qa:reviews:${handoffId}`, (signal) => qaApi.reviews(handoffId, signal));
  const chosen = search.get('scorecard') ?? cards.data?.[0]?.id;
  const card = cards.data?.find((c) => c.id === chosen) ?? cards.data?.[0];
  const myId = s.me.person?.id ?? 'admin';
  const mine = reviews.data?.find((r) => r.reviewer.id === myId && r.scorecardId === card?.id);
  const canScore = s.can('qa');

  const error = h.error ?? cards.error ?? reviews.error;
  if (error) return <ErrorNote error={error} title="This review could not be loaded" />;
  if (!h.data || !cards.data || !reviews.data) return <Loading label="Loading the handoff to review" />;
  const handoff = h.data;
  const scenario = s.scenarios.find((x) => x.id === handoff.scenario);
  const team = s.teams.find((t) => t.key === handoff.toTeam);

  const onSubmitted = (r: Review) => reviews.set([...(reviews.data ?? []), r]);

  return (
    <div className="page page-wide qa-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/qa${card ? `?scorecard=${card.id}` : ''}`}>Review queue</Link>{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">Review</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>{detail.data?.subject ?? 'Review a handoff'}</h1>
          <p className="handoff-sub">
            <Badge tone={stateTone(handoff.state)}>{stateLabels[handoff.state] ?? handoff.state}</Badge>
            <span>{scenario?.name ?? humanize(handoff.scenario)}</span>
            <span>
              {senderName(handoff)} → {team?.name ?? handoff.toTeam}
            </span>
            <span>sent {formatDateTime(handoff.sentAt)}</span>
            <Link to={`/handoffs/${handoff.id}`}>Open the handoff</Link>
          </p>
        </div>
      </div>
      <div className="qa-review-grid">
        <div className="stack">
          <Section title="Packet">
            <PacketView packet={handoff.packet} />
          </Section>
          {detail.data ? (
            <Conversation caseData={detail.data} onAdded={detail.reload} canWrite={false} />
          ) : (
            <Loading label="Loading the conversation" />
          )}
          <Section title="Event timeline">
            {events.data ? <Timeline events={events.data} /> : <Loading label="Loading events" />}
          </Section>
        </div>
        <div className="stack">
          <Section
            title="Your review"
            actions={
              cards.data.length > 1 ? (
                <div className="inline-field">
                  <label htmlFor="review-scorecard">Scorecard</label>
                  <select
                    id="review-scorecard"
                    value={card?.id}
                    onChange={(e) =>
                      navigate(`/qa/reviews/${handoffId}?scorecard=${encodeURIComponent(e.target.value)}`, {
                        replace: true,
                      })
                    }
                  >
                    {cards.data.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null
            }
          >
            {!card ? (
              <Empty title="No scorecard yet">A lead defines the rubric under Scorecards.</Empty>
            ) : mine ? (
              <div className="note note-good" role="status" data-testid="review-recorded">
                <strong>
                  Review recorded: {mine.criticalFail.length ? 'critical fail, ' : ''}total {mine.total} / 100
                </strong>
                <span>
                  On {card.name} v{mine.scorecardVersion}.{' '}
                  <Link to={`/qa?scorecard=${card.id}`}>Next in the queue</Link>
                </span>
              </div>
            ) : canScore ? (
              <ScoreForm
                key={card.id}
                card={card}
                handoffId={handoff.id}
                scenario={handoff.scenario}
                onSubmitted={onSubmitted}
              />
            ) : (
              <p className="muted">Reviews are scored by people with the QA role.</p>
            )}
          </Section>
          <Section title="Automatic quality checks">
            <QualityPanel quality={handoff.quality} events={events.data} />
          </Section>
          {mine || !canScore ? (
            <Section title="All reviews of this handoff">
              <ReviewList reviews={reviews.data} cards={cards.data} />
            </Section>
          ) : (
            <p className="small muted">
              {reviews.data.length
                ? `${reviews.data.length} other review${reviews.data.length === 1 ? '' : 's'}: shown once you have scored.`
                : 'No one has reviewed this handoff yet.'}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
