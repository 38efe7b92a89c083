import { type FormEvent, useState } from 'react';
import { findOnFile } from '../../../src/documents/on-file.ts';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { CaseDetail } from '../api/types.ts';
import { Erasable, plainText } from '../app/Erased.tsx';
import { formatDay, humanize } from '../app/format.ts';
import { ErrorNote, Section } from '../app/ui.tsx';
import { documentKinds, kindKey, kindWords } from './document-kinds.ts';

/** Documents on file for a case, and asking the customer for one (warned when it is already here). */
export function Documents({
  caseData,
  onChanged,
  canWrite,
}: {
  caseData: CaseDetail;
  onChanged: () => void;
  canWrite: boolean;
}) {
  const [kind, setKind] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  // As loosely as the server compares (invariant 3): "Invoices" warns about the invoice on file.
  const onFile = kind.trim() ? findOnFile(caseData.documents, kind) : undefined;
  const blocked = Boolean(onFile) && !reason.trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const key = kindKey(kind);
      await api.requestDocument(caseData.id, key, onFile ? reason.trim() : undefined);
      setDone(`Asked the customer for ${humanize(key).toLowerCase()}.`);
      setKind('');
      setReason('');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onFileError = error instanceof ApiError && error.code === 'document_on_file';

  return (
    <Section title="Documents on file">
      {caseData.documents.length === 0 ? (
        <p className="muted">No documents on file.</p>
      ) : (
        <ul className="docs" aria-label="Documents on file">
          {caseData.documents.map((d) => (
            <li key={d.id}>
              <span className="doc-kind">{humanize(d.kind)}</span>
              <span className="doc-name">
                <Erasable text={d.name} />
              </span>
              <span className="muted small">{formatDay(d.providedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {caseData.documentRequests.length > 0 ? (
        <>
          <h3 className="subhead">Requested</h3>
          <ul className="docs">
            {caseData.documentRequests.map((r) => (
              <li key={r.id}>
                <span className="doc-kind">{humanize(r.kind)}</span>
                <span className="muted small">
                  {r.rerequest
                    ? r.reason
                      ? `again: ${r.reason}`
                      : 'again, in a message (no reason given)'
                    : formatDay(r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canWrite ? (
        <form className="doc-request" onSubmit={submit}>
          <div className="field">
            <label htmlFor="doc-request-kind">Ask the customer for a document</label>
            <input
              id="doc-request-kind"
              list="doc-kinds"
              placeholder="Bank statement"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value);
                setError(undefined);
              }}
              aria-describedby={onFile ? 'doc-request-warning' : undefined}
            />
            <datalist id="doc-kinds">
              {documentKinds.map((k) => (
                <option key={k} value={kindWords(k)} />
              ))}
            </datalist>
          </div>
          {onFile || onFileError ? (
            <div className="note note-warn" id="doc-request-warning" role="alert">
              <strong>Already on file</strong>
              <span>
                {onFile
                  ? `${plainText(onFile.name, 'A document')} (${humanize(onFile.kind)}) arrived on ${formatDay(onFile.providedAt)}.`
                  : 'This kind is on file.'}{' '}
                Asking again makes the customer repeat themselves. Say why it is needed to ask anyway.
              </span>
              <label htmlFor="doc-request-reason" className="visually-hidden">
                Why it is needed again
              </label>
              <input
                id="doc-request-reason"
                placeholder="Why it is needed again"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          ) : null}
          {error && !onFileError ? <ErrorNote error={error} title="Not requested" /> : null}
          {done ? (
            <p className="note note-good" role="status">
              {done}
            </p>
          ) : null}
          <button type="submit" className="button small" disabled={busy || !kind.trim() || blocked}>
            {onFile ? 'Ask again with reason' : 'Ask for it'}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
