import { Link, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';

/** The QA section's own navigation: reviewers see their queue, leads also the rubrics and statistics. */
export function QaNav() {
  const s = useSession();
  const { path } = useLocation();
  const items = [
    { to: '/qa', label: 'Review queue', show: s.can('qa', 'lead') },
    { to: '/qa/scorecards', label: 'Scorecards', show: s.can('lead', 'qa', 'supervisor') },
    { to: '/qa/calibration', label: 'Calibration', show: s.can('lead') },
    { to: '/qa/report', label: 'Quality report', show: s.can('lead', 'qa', 'supervisor') },
    { to: '/qa/satisfaction', label: 'Against CSAT', show: s.can('lead', 'qa', 'supervisor') },
  ].filter((i) => i.show);
  return (
    <nav aria-label="Quality assurance" className="qa-nav">
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} aria-current={path === i.to ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
