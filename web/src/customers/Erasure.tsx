import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { plainText } from '../app/Erased.tsx';
import { counted, formatDay } from '../app/format.ts';
import { fieldMessage, InputField } from '../app/InputField.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { type CustomerOverview, customerApi, type Erasure } from './customer-api.ts';

type Customer = CustomerOverview['customer'];

/** The customer page's line once their personal data is erased: when, by whom, and what stayed. */
export function ErasureNote({ customer: c }: { customer: Customer }) {
  return (
    <div className="note note-info" role="status" id="erasure-note" tabIndex={-1} data-testid="erasure-note">
      <span>
        Personal data erased{c.erasedAt ? ` on ${formatDay(c.erasedAt)}` : ''}
        {c.erasedBy ? ` by ${c.erasedBy.name}` : ''}. Cases, handoffs and their timing stay for reporting.
      </span>
    </div>
  );
}

/**
 * Erase a customer's personal data (GDPR, admins only): says plainly what goes and what stays, and
 * erases only once the admin typed the customer's external id. The server checks the same again
 * (422 `erasure_unconfirmed`, shown at the field).
 */
export function EraseDialog({
  overview,
  open,
  onClose,
  onErased,
  onStale,
}: {
  overview: CustomerOverview;
  open: boolean;
  onClose: () => void;
  onErased: (answer: Erasure) => void;
  /** The page is behind the server (someone else erased them first): read it again. */
  onStale: () => void;
}) {
  return (
    <Dialog
      title={`Erase the personal data of ${plainText(overview.customer.name, 'this customer')}?`}
      open={open}
      onClose={onClose}
    >
      <EraseForm overview={overview} onClose={onClose} onErased={onErased} onStale={onStale} />
    </Dialog>
  );
}

type FieldError = { field: 'confirm' | 'reason'; message: string };

function EraseForm({
  overview: o,
  onClose,
  onErased,
  onStale,
}: {
  overview: CustomerOverview;
  onClose: () => void;
  onErased: (answer: Erasure) => void;
  onStale: () => void;
}) {
  const c = o.customer;
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [error, setError] = useState<unknown>();
  const confirmRef = useRef<HTMLInputElement>(null);
  // After showModal (a layout effect of the dialog): the admin starts typing the id at once.
  useEffect(() => confirmRef.current?.focus(), []);
  const matches = typed.trim() === c.externalId;
  // Erasing mid-handoff takes the context from the team working on it: said before, not found after.
  const open = o.handoffs.filter((h) => ['sent', 'accepted'].includes(h.state)).length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    setError(undefined);
    setFieldError(null);
    try {
      onErased(await customerApi.erase(c.id, { confirm: typed.trim(), reason: reason.trim() || undefined }));
    } catch (err) {
      const at = err instanceof ApiError && err.status === 422 ? fieldOf(err) : null;
      if (at) {
        setFieldError(at);
        requestAnimationFrame(() => document.getElementById(`erase-${at.field}`)?.focus());
      } else {
        setError(err);
        if (err instanceof ApiError && err.code === 'customer_erased') onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h3 className="subhead">Erased for good</h3>
      <ul className="erase-lists">
        <li>Their name, e-mail, time zone, language, customer-since date, annual value and tier.</li>
        <li>
          In their {counted(o.cases.length, 'case')}: the subjects, messages and internal notes, document
          names, handoff packets and bounce notes, customer updates and the texts in the event log.
        </li>
      </ul>
      <h3 className="subhead">Kept for reporting</h3>
      <p className="small">
        The cases and handoffs themselves, their states and timings, SLA clocks and QA scores. Nobody can undo
        the erasure.
      </p>
      {open > 0 ? (
        <p className="note note-warn" data-testid="erase-open-handoffs">
          {counted(open, 'handoff')} of theirs {open === 1 ? 'is' : 'are'} still open: the receiving{' '}
          {open === 1 ? 'team' : 'teams'} will see {open === 1 ? 'its packet' : 'their packets'} erased.
        </p>
      ) : null}
      <div className="erase-confirm">
        <InputField
          id="erase-confirm"
          ref={confirmRef}
          label={
            <>
              Type <code>{c.externalId}</code> to confirm
            </>
          }
          hint="The customer's external id, exactly as shown."
          autoComplete="off"
          value={typed}
          error={fieldError?.field === 'confirm' ? fieldError.message : undefined}
          onChange={(v) => {
            setTyped(v);
            if (fieldError?.field === 'confirm') setFieldError(null);
          }}
        />
      </div>
      <div className={fieldError?.field === 'reason' ? 'field field-invalid' : 'field'}>
        <label htmlFor="erase-reason">
          Reason<span className="opt">optional</span>
        </label>
        <input
          id="erase-reason"
          type="text"
          autoComplete="off"
          maxLength={500}
          value={reason}
          aria-invalid={fieldError?.field === 'reason' ? true : undefined}
          aria-describedby={
            fieldError?.field === 'reason' ? 'erase-reason-error erase-reason-hint' : 'erase-reason-hint'
          }
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="small muted" id="erase-reason-hint">
          Request reference, e.g. the ticket number — no personal data.
        </p>
        {fieldError?.field === 'reason' ? (
          <p className="field-error" id="erase-reason-error" role="alert">
            {fieldError.message}
          </p>
        ) : null}
      </div>
      <ErrorNote error={error} title="Nothing was erased" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button danger" disabled={!matches || busy}>
          {busy ? 'Erasing…' : 'Erase personal data'}
        </button>
      </div>
    </form>
  );
}

/** A 422 the admin can fix at a field: the confirmation typed, or a reason too long. */
function fieldOf(err: ApiError): FieldError | null {
  if (err.code === 'erasure_unconfirmed' || err.field === 'confirm')
    return {
      field: 'confirm',
      message:
        err.code === 'erasure_unconfirmed'
          ? "That is not this customer's external id: type it exactly as shown."
          : fieldMessage(err.message),
    };
  if (err.field === 'reason') return { field: 'reason', message: fieldMessage(err.message) };
  return null;
}
