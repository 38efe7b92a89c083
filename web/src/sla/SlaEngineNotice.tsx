import { useEffect } from 'react';
import { api } from '../api/endpoints.ts';
import type { SlaHealth } from '../api/types.ts';
import { humanize } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { useResource } from '../app/useResource.ts';
import { useCaseTitle } from '../cases/case-titles.ts';

/** How often a lead's screen asks again whether the SLA engine keeps up. */
const recheckMs = 60_000;

function CaseTitle({ caseId, fallback }: { caseId: string; fallback: string }) {
  const t = useCaseTitle(caseId);
  return <>{t ? t.subject : fallback}</>;
}

/**
 * Says so, on a lead's or supervisor's screen, when the SLA engine is not keeping up: clocks due
 * and unattended (no scheduler running) or failing. Silent while all is well, and when the check
 * itself cannot be made (the board's own error says that).
 */
export function SlaEngineNotice() {
  const health = useResource('sla-health', (signal) => api.slaHealth(signal));
  useEffect(() => {
    const timer = setInterval(health.reload, recheckMs);
    return () => clearInterval(timer);
  }, [health.reload]);
  if (!health.data || health.data.ok) return null;
  type Failure = SlaHealth['failures'][number];
  const handoffs = health.data.failures.filter(
    (f): f is Extract<Failure, { kind: 'clock' }> => f.kind === 'clock',
  );
  return (
    <div className="note note-warn" role="status" data-testid="sla-engine-notice">
      <strong>The SLA engine is not keeping up</strong>
      <ul className="plain">
        {health.data.issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
      {handoffs.length > 0 ? (
        <span>
          Failing on:{' '}
          {handoffs.map((f, i) => (
            <span key={f.clockId}>
              {i > 0 ? ', ' : ''}
              <Link to={`/handoffs/${f.handoffId}`}>
                <CaseTitle caseId={f.caseId} fallback={f.handoffId} />, {humanize(f.clock)} clock
              </Link>{' '}
              ({f.attempts} {f.attempts === 1 ? 'attempt' : 'attempts'})
            </span>
          ))}
        </span>
      ) : null}
      <span className="muted small">
        Breaches and escalations may arrive late until this is fixed. Details:{' '}
        <code>GET /api/v1/sla/health</code>.
      </span>
    </div>
  );
}
