import type { CaseDetail } from '../api/types.ts';
import { Erasable, ErasedMark, isErased } from '../app/Erased.tsx';
import { formatDay, humanize } from '../app/format.ts';

/** Agent messages that asked for a document already on file (invariant 3), each with both named. */
export function DocumentFlags({ caseData }: { caseData: CaseDetail }) {
  const flagged = caseData.documentRequests.filter((r) => r.rerequest && r.messageId);
  if (flagged.length === 0) return null;
  return (
    <div className="note note-warn" role="note" aria-label="Documents asked for again">
      <strong>
        Asked again for {flagged.length === 1 ? 'a document' : `${flagged.length} documents`} on file
      </strong>
      <ul className="docs">
        {flagged.map((r) => {
          const doc = caseData.documents.find((d) => d.id === r.onFileDocumentId);
          const message = caseData.messages.find((m) => m.id === r.messageId);
          return (
            <li key={r.id}>
              <span className="doc-kind">{humanize(r.kind)}</span>
              <span>
                {doc ? (
                  <>
                    <Erasable text={doc.name} /> is on file since {formatDay(doc.providedAt)}
                  </>
                ) : (
                  'on file'
                )}
                {message ? (
                  <>
                    {' '}
                    ·{' '}
                    {isErased(message.text) ? (
                      <ErasedMark />
                    ) : (
                      <q>{message.text.length > 160 ? `${message.text.slice(0, 157)}…` : message.text}</q>
                    )}
                  </>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
