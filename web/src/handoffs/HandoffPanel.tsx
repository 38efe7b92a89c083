import type { ReactNode } from 'react';
import type { CaseEvent, HandoffDetail } from '../api/types.ts';
import { Erasable } from '../app/Erased.tsx';
import { bounceReasonLabels, fieldLabel, formatDateTime, humanize, stateLabels } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Badge, Section, stateTone } from '../app/ui.tsx';
import { ActionBar, type HandoffActions } from './actions.tsx';
import { CustomerUpdate } from './CustomerUpdate.tsx';
import { PacketView } from './PacketView.tsx';
import { QualityPanel } from './QualityPanel.tsx';
import { SlaClocks } from './SlaClocks.tsx';
import { senderName } from './sender.ts';

/** Everything about one handoff: who has it, the packet, the clocks, its quality and the customer update. */
export function HandoffPanel({
  h,
  events,
  actions,
  headingLevel = 1,
  showKeys,
  below,
}: {
  h: HandoffDetail;
  events: CaseEvent[] | undefined;
  actions: HandoffActions;
  headingLevel?: 1 | 2;
  showKeys?: boolean;
  /** Shown under the packet (the handoff page puts the case room there). */
  below?: ReactNode;
}) {
  const s = useSession();
  const scenario = s.scenarios.find((x) => x.id === h.scenario);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const team = s.teams.find((t) => t.key === h.toTeam);
  return (
    <div className="handoff">
      <header className="handoff-head">
        <div>
          <Heading className="handoff-title">{scenario?.name ?? humanize(h.scenario)}</Heading>
          <p className="handoff-sub">
            <Badge tone={stateTone(h.state)}>{stateLabels[h.state] ?? h.state}</Badge>
            <span>
              {senderName(h)} → {team?.name ?? h.toTeam}
            </span>
            <span>
              Owner: <strong data-testid="handoff-owner">{h.owner?.name ?? 'nobody yet'}</strong>
            </span>
            {h.skills.length > 0 ? (
              <span data-testid="handoff-skills">Asked for {h.skills.join(', ')}</span>
            ) : null}
            <Link to={`/cases/${h.caseId}`}>Open the case</Link>
          </p>
        </div>
        <ActionBar actions={actions} showKeys={showKeys} />
      </header>
      {h.bounce ? (
        <div className="note note-warn" role="note">
          <strong>Bounced: {bounceReasonLabels[h.bounce.reason] ?? h.bounce.reason}</strong>
          {h.bounce.note ? (
            <span>
              <Erasable text={h.bounce.note} />
            </span>
          ) : null}
        </div>
      ) : null}
      {h.missing.length > 0 ? (
        <div className="note note-warn" role="note">
          <strong>Packet incomplete</strong>
          <span>Missing {h.missing.map(fieldLabel).join(', ').toLowerCase()}.</span>
        </div>
      ) : null}
      <div className="handoff-grid">
        <div className="stack">
          <Section title="Packet">
            <PacketView packet={h.packet} />
          </Section>
          {h.customerUpdate ? (
            <CustomerUpdate
              update={h.customerUpdate}
              stale={
                h.state === 'bounced'
                  ? 'No longer true: the handoff came back to its sender. Do not send this to the customer.'
                  : h.state === 'cancelled'
                    ? 'No longer true: the handoff was cancelled. Do not send this to the customer.'
                    : undefined
              }
            />
          ) : null}
          {below}
        </div>
        <div className="stack">
          <Section title="SLA clocks">
            <SlaClocks h={h} />
          </Section>
          <Section title="Handoff quality">
            <QualityPanel quality={h.quality} events={events} />
          </Section>
          <Section title="Facts">
            <dl className="facts">
              <dt>Sent</dt>
              <dd>{formatDateTime(h.sentAt)}</dd>
              <dt>Accepted</dt>
              <dd>{formatDateTime(h.acceptedAt)}</dd>
              <dt>Resolved</dt>
              <dd>{formatDateTime(h.resolvedAt)}</dd>
              <dt>Completeness</dt>
              <dd>{h.completeness}%</dd>
              <dt>Scenario</dt>
              <dd title={h.scenario}>
                {s.scenarios.find((x) => x.id === h.scenario)?.name ?? h.scenario}, version{' '}
                {h.scenarioVersion}
              </dd>
            </dl>
          </Section>
        </div>
      </div>
    </div>
  );
}
