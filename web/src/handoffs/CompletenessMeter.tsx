import { fieldLabel } from '../app/format.ts';
import type { Completeness } from './packet-form.ts';

/** How ready the packet is for the chosen scenario, and exactly what it still lacks. */
export function CompletenessMeter({ meter, scenarioName }: { meter: Completeness; scenarioName: string }) {
  const done = meter.required.length - meter.missing.length;
  const tone = meter.missing.length === 0 ? 'good' : meter.percent >= 50 ? 'warn' : 'bad';
  return (
    <section className="card meter-card" aria-labelledby="meter-title">
      <div className="card-body">
        <h2 id="meter-title" className="meter-title">
          Packet completeness
        </h2>
        <meter
          className="visually-hidden"
          min={0}
          max={100}
          value={meter.percent}
          aria-labelledby="meter-title"
          aria-valuetext={`${meter.percent}%, ${done} of ${meter.required.length} required fields`}
        />
        <div className={`meter meter-${tone}`} aria-hidden="true">
          <span style={{ width: `${meter.percent}%` }} />
        </div>
        <p className="meter-figure">
          <strong>{meter.percent}%</strong>
          <span className="muted">
            {done} of {meter.required.length} required for {scenarioName}
          </span>
        </p>
        <div aria-live="polite" data-testid="missing-fields">
          {meter.missing.length === 0 ? (
            <p className="ok-line">Ready to send: every required field is filled in.</p>
          ) : (
            <>
              <p className="small">Still missing:</p>
              <ul className="missing-list">
                {meter.missing.map((f) => (
                  <li key={f}>
                    <a href={`#field-${f}`}>{fieldLabel(f)}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
