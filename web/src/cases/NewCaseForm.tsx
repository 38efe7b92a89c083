import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { navigate } from '../app/router.tsx';
import { ErrorNote } from '../app/ui.tsx';
import { documentKinds, kindKey, kindWords } from './document-kinds.ts';

const channels = ['voice', 'chat', 'email', 'web', 'social', 'bot'];

/** Opens a case by hand (a phone call, a walk-in); most cases arrive from the helpdesk. */
export function NewCasePage() {
  const [subject, setSubject] = useState('');
  const [customerName, setCustomerName] = useState('');
  const [customerRef, setCustomerRef] = useState('');
  const [channel, setChannel] = useState('voice');
  const [message, setMessage] = useState('');
  const [docKind, setDocKind] = useState('');
  const [docName, setDocName] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldError = error instanceof ApiError ? error.field : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.createCase({
        subject: subject.trim(),
        customer: { name: customerName.trim(), externalId: customerRef.trim() || `walk-in-${Date.now()}` },
        channel,
        messages: message.trim() ? [{ role: 'customer', text: message.trim() }] : [],
        documents: docKind.trim() && docName.trim() ? [{ kind: kindKey(docKind), name: docName.trim() }] : [],
      });
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>New case</h1>
      </div>
      <form className="card form card-body" onSubmit={submit}>
        <div className="field">
          <label htmlFor="case-subject">
            Subject <RequiredMark />
          </label>
          <input
            id="case-subject"
            required
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            aria-invalid={fieldError === 'subject' || undefined}
          />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="case-customer">
              Customer name <RequiredMark />
            </label>
            <input
              id="case-customer"
              required
              value={customerName}
              onChange={(e) => setCustomerName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="case-customer-ref">Customer reference</label>
            <input
              id="case-customer-ref"
              value={customerRef}
              onChange={(e) => setCustomerRef(e.target.value)}
              aria-describedby="case-customer-ref-hint"
            />
            <span className="hint" id="case-customer-ref-hint">
              The helpdesk or CRM id, so repeat contacts are linked.
            </span>
          </div>
        </div>
        <div className="field">
          <label htmlFor="case-channel">Channel</label>
          <select id="case-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {c.charAt(0).toUpperCase() + c.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-message">What the customer said</label>
          <textarea id="case-message" rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />
        </div>
        <fieldset className="fieldset">
          <legend>A document already on file (optional)</legend>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="case-doc-kind">Kind</label>
              <input
                id="case-doc-kind"
                placeholder="Invoice"
                value={docKind}
                onChange={(e) => setDocKind(e.target.value)}
                list="case-doc-kinds"
              />
              <datalist id="case-doc-kinds">
                {documentKinds.map((k) => (
                  <option key={k} value={kindWords(k)} />
                ))}
              </datalist>
            </div>
            <div className="field">
              <label htmlFor="case-doc-name">File name</label>
              <input
                id="case-doc-name"
                placeholder="INV-2026-10.pdf"
                value={docName}
                onChange={(e) => setDocName(e.target.value)}
              />
            </div>
          </div>
        </fieldset>
        <ErrorNote error={error} title="The case was not created" />
        <div className="form-actions">
          <button
            type="submit"
            className="button primary"
            disabled={busy || !subject.trim() || !customerName.trim()}
          >
            {busy ? 'Creating…' : 'Create case'}
          </button>
          <button type="button" className="button" onClick={() => history.back()}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

/** Marks a field the form cannot be sent without (the input itself carries `required`). */
function RequiredMark() {
  return (
    <span className="required-mark" title="Required">
      *
    </span>
  );
}
