import { type DragEvent, type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { FigureTiles, type Tile } from '../analytics/FigureTiles.tsx';
import { percent } from '../analytics/figures.ts';
import { Link } from '../app/router.tsx';
import { ErrorNote, Section } from '../app/ui.tsx';
import type { AuditFormat, AuditReport } from './audit-messages.ts';
import { SAMPLE_EXPORT_NAME, sampleExport } from './sample-export.ts';
import { useAudit } from './useAudit.ts';
import '../analytics/analytics.css';

const formats: { value: AuditFormat | ''; label: string }[] = [
  { value: '', label: 'Guess from the file' },
  { value: 'servicenow', label: 'ServiceNow incident event log (CSV)' },
  { value: 'zendesk', label: 'Zendesk ticket audits or events (JSON, CSV)' },
  { value: 'generic', label: 'Generic ticket events (CSV)' },
];

const formatNames: Record<AuditFormat, string> = {
  servicenow: 'ServiceNow',
  zendesk: 'Zendesk',
  generic: 'Generic',
};

/** "12.4 MB" */
const megabytes = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;

function Figures({ report }: { report: AuditReport }) {
  const s = report.summary;
  const tiles: Tile[] = [
    ['Cases', s.cases.toLocaleString(), `${s.events.toLocaleString()} events`],
    ['Handoffs', s.handoffs.toLocaleString(), `${percent(s.handoffRate)} of cases handed off`],
    ['Ping-pong cases', s.pingPongCases.toLocaleString(), `${percent(s.pingPongRate)} of handed-off cases`],
    [
      'Handoffs without an owner',
      s.ownerlessHandoffs.toLocaleString(),
      `${percent(s.ownerlessRate)} of handoffs`,
    ],
    ['SLA missed', s.slaMissedCases.toLocaleString(), `${percent(s.slaMissRate)} of cases`],
    ['Reopened', s.reopenedCases.toLocaleString(), `${percent(s.reopenRate)} of cases`],
  ];
  return <FigureTiles tiles={tiles} testId="audit-figures" />;
}

/** A link that saves `text` as a file; its object URL lives as long as the link. */
function Download({
  text,
  type,
  name,
  children,
}: {
  text: string;
  type: string;
  name: string;
  children: string;
}) {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a className="button" href={url} download={name}>
      {children}
    </a>
  );
}

/**
 * The audit of an existing helpdesk's export, for leads: how its handoffs behave today (ping-pong,
 * ownerless legs, SLA misses, reopenings), before Baton. The file is read by a worker in this
 * browser with the engine of `baton audit`, and never uploaded.
 */
export default function AuditPage() {
  const { run, start, cancel: stopAudit } = useAudit();
  const auditButton = useRef<HTMLButtonElement>(null);
  // The Cancel button goes with the progress: the focus moves to where the audit can start again.
  const cancel = () => {
    stopAudit();
    requestAnimationFrame(() => auditButton.current?.focus());
  };
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<AuditFormat | ''>('');
  const [dragging, setDragging] = useState(false);
  const base = (run.state === 'done' || run.state === 'failed' ? run.file : 'audit').replace(/\.[^.]+$/, '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) start(file, format || undefined);
  };
  const trySample = () => {
    const sample = new File([sampleExport()], SAMPLE_EXPORT_NAME, { type: 'text/csv' });
    setFile(sample);
    setFormat('generic');
    start(sample, 'generic');
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <div className="page page-wide">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/analytics">Analytics</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">Audit an export</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Audit a helpdesk export</h1>
          <p className="muted">
            How handoffs behave in the helpdesk you use today: cases that bounce between groups, handoffs
            nobody owns, SLA misses, reopened cases, time with each group. The file is read in this browser
            and never uploaded.
          </p>
        </div>
      </div>
      <form className="card audit-form" onSubmit={submit} aria-label="The export to audit">
        <label
          className={`audit-drop${dragging ? ' audit-drop-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <span className="audit-drop-title">{file ? file.name : 'Choose the export, or drop it here'}</span>
          <span className="muted small">
            {file
              ? megabytes(file.size)
              : 'CSV, JSON or JSON Lines: ServiceNow incident events, Zendesk ticket audits, or generic ticket events (one row per event: case, team, owner, seq, at)'}
          </span>
          <input
            type="file"
            className="visually-hidden"
            aria-label="Export file"
            accept=".csv,.json,.jsonl,.ndjson,.txt,text/csv,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="audit-form-row">
          <label className="inline-field">
            <span>Format</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as AuditFormat | '')}>
              {formats.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="button primary"
            disabled={!file || run.state === 'reading'}
            ref={auditButton}
          >
            Audit the export
          </button>
        </div>
        <p className="muted small audit-sample">
          No export at hand?{' '}
          <button
            type="button"
            className="link-button"
            onClick={trySample}
            disabled={run.state === 'reading'}
          >
            Try a sample export
          </button>
          : a made-up month of 300 cases in the generic format, some bouncing between groups, some waiting for
          an owner.
        </p>
      </form>

      {run.state === 'reading' ? (
        <div className="card audit-progress" role="status">
          <label htmlFor="audit-progress-bar">Reading {run.file}</label>
          <progress id="audit-progress-bar" max={Math.max(1, run.size)} value={run.bytes} />
          <div className="audit-progress-row">
            <span className="muted small">
              {megabytes(run.bytes)} of {megabytes(run.size)} · {run.rows.toLocaleString()} rows
            </span>
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {run.state === 'cancelled' ? (
        <div className="note note-info" role="status">
          Cancelled: the audit of {run.file} stopped at {megabytes(run.bytes)} of {megabytes(run.size)}.
          Nothing was kept; audit it again when you are ready.
        </div>
      ) : null}

      {run.state === 'failed' ? (
        <ErrorNote error={run.message} title={`${run.file} could not be audited`} />
      ) : null}

      {run.state === 'done' ? (
        <Section
          title={`Audit of ${run.file}`}
          actions={
            <>
              <Download text={run.html} type="text/html" name={`${base}-audit.html`}>
                Download the report
              </Download>
              <Download
                text={`${JSON.stringify(run.report, null, 2)}\n`}
                type="application/json"
                name={`${base}-audit.json`}
              >
                Download JSON
              </Download>
            </>
          }
        >
          <p className="muted small">
            {formatNames[run.report.input.format]} export, {run.report.summary.events.toLocaleString()} events
            read in {run.seconds < 0.1 ? 'under 0.1' : run.seconds.toFixed(1)} s
            {run.report.input.skippedRows > 0
              ? `; ${run.report.input.skippedRows.toLocaleString()} rows skipped (no case id, or not understood)`
              : ''}
            .
          </p>
          <Figures report={run.report} />
          <iframe className="audit-report" title="Audit report" srcDoc={run.html} sandbox="" />
        </Section>
      ) : null}
    </div>
  );
}
