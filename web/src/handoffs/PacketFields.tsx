import type { ReactNode } from 'react';
import type { CaseDetail, Emotion, PacketField, Urgency } from '../api/types.ts';
import { fieldLabel, formatDay, humanize } from '../app/format.ts';
import { Section } from '../app/ui.tsx';
import { documentKinds, kindWords } from '../cases/document-kinds.ts';
import type { PacketDraft } from './packet-form.ts';

const emotions: Emotion[] = ['calm', 'concerned', 'frustrated', 'angry'];
const urgencies: Urgency[] = ['low', 'normal', 'high', 'critical'];

type FieldProps = {
  field: PacketField;
  required: boolean;
  flagged: boolean;
  hint?: string;
  label?: string;
  children: (ids: { id: string; describedBy?: string }) => ReactNode;
};

/** One packet field: its label, whether the scenario requires it, and the server's complaint next to it. */
function Field({ field, required, flagged, hint, label, children }: FieldProps) {
  const id = `field-${field}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = flagged ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${flagged ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label ?? fieldLabel(field)}{' '}
        {required ? <span className="req">required</span> : <span className="opt">optional</span>}
      </label>
      {children({ id, describedBy })}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {flagged ? (
        <span className="field-error" id={errorId}>
          Missing: this scenario needs {fieldLabel(field).toLowerCase()} before it can be sent.
        </span>
      ) : null}
    </div>
  );
}

function Choice<T extends string>({
  field,
  options,
  value,
  onChange,
  flagged,
  required,
}: {
  field: PacketField;
  options: T[];
  value: T | '';
  onChange: (v: T) => void;
  flagged: boolean;
  required: boolean;
}) {
  const errorId = flagged ? `field-${field}-error` : undefined;
  return (
    <fieldset
      className={`field fieldset-inline${flagged ? ' field-invalid' : ''}`}
      aria-describedby={errorId}
    >
      <legend>
        {fieldLabel(field)}{' '}
        {required ? <span className="req">required</span> : <span className="opt">optional</span>}
      </legend>
      <div className="segmented" id={`field-${field}`}>
        {options.map((o, i) => (
          <label key={o} className={value === o ? 'on' : ''}>
            <input
              type="radio"
              name={field}
              value={o}
              checked={value === o}
              onChange={() => onChange(o)}
              data-field={i === 0 ? field : undefined}
              aria-invalid={flagged || undefined}
            />
            {humanize(o)}
          </label>
        ))}
      </div>
      {flagged ? (
        <span className="field-error" id={errorId}>
          Missing: choose one.
        </span>
      ) : null}
    </fieldset>
  );
}

export function PacketFields({
  draft,
  onChange,
  required,
  flagged,
  caseData,
  onFileWarnings,
}: {
  draft: PacketDraft;
  onChange: (d: PacketDraft) => void;
  required: PacketField[];
  flagged: string[];
  caseData: CaseDetail;
  onFileWarnings: CaseDetail['documents'];
}) {
  const set = <K extends keyof PacketDraft>(k: K, v: PacketDraft[K]) => onChange({ ...draft, [k]: v });
  const props = (f: PacketField) => ({
    field: f,
    required: required.includes(f),
    flagged: flagged.includes(f),
  });
  const inputProps = (f: PacketField, ids: { id: string; describedBy?: string }) => ({
    id: ids.id,
    'data-field': f,
    'aria-describedby': ids.describedBy,
    'aria-invalid': flagged.includes(f) || undefined,
    'aria-required': required.includes(f) || undefined,
  });
  const docKinds = [...new Set(caseData.documents.map((d) => d.kind))];

  return (
    <>
      <Section title="The story">
        <Field
          {...props('whatHappened')}
          hint="In a sentence or two: the customer's problem, in their terms."
        >
          {(ids) => (
            <textarea
              rows={3}
              value={draft.whatHappened}
              onChange={(e) => set('whatHappened', e.target.value)}
              {...inputProps('whatHappened', ids)}
            />
          )}
        </Field>
        <Field
          {...props('attempted')}
          hint="One step per line: what you already tried, so nobody tries it again."
        >
          {(ids) => (
            <textarea
              rows={3}
              value={draft.attempted}
              onChange={(e) => set('attempted', e.target.value)}
              {...inputProps('attempted', ids)}
            />
          )}
        </Field>
        <div className="grid-2">
          <Choice
            {...props('emotion')}
            options={emotions}
            value={draft.emotion}
            onChange={(v) => set('emotion', v)}
          />
          <Choice
            {...props('urgency')}
            options={urgencies}
            value={draft.urgency}
            onChange={(v) => set('urgency', v)}
          />
        </div>
        <Field {...props('nextSteps')} hint="One per line: what the receiving team should do next.">
          {(ids) => (
            <textarea
              rows={3}
              value={draft.nextSteps}
              onChange={(e) => set('nextSteps', e.target.value)}
              {...inputProps('nextSteps', ids)}
            />
          )}
        </Field>
        <Field {...props('summary')} hint="The conversation so far, for the person who picks it up.">
          {(ids) => (
            <textarea
              rows={3}
              value={draft.summary}
              onChange={(e) => set('summary', e.target.value)}
              {...inputProps('summary', ids)}
            />
          )}
        </Field>
      </Section>
      <Section title="Documents">
        <fieldset className="fieldset">
          <legend>On file for this case (sent along)</legend>
          {docKinds.length === 0 ? <p className="muted small">No documents on file.</p> : null}
          <ul className="checklist">
            {caseData.documents.map((d) => (
              <li key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.onFile.includes(d.kind)}
                    onChange={(e) =>
                      set(
                        'onFile',
                        e.target.checked
                          ? [...new Set([...draft.onFile, d.kind])]
                          : draft.onFile.filter((k) => k !== d.kind),
                      )
                    }
                  />
                  <span className="doc-kind">{humanize(d.kind)}</span>{' '}
                  <span className="doc-name">{d.name}</span>{' '}
                  <span className="muted small">{formatDay(d.providedAt)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Field
          {...props('documents')}
          label="Documents still needed from the customer"
          hint="Kinds the receiving team will need from the customer, separated by commas (e.g. Bank statement). Leave it empty when none are needed: that counts as answered."
        >
          {(ids) => (
            <input
              value={draft.required}
              onChange={(e) => set('required', e.target.value)}
              {...inputProps('documents', ids)}
              list="packet-doc-kinds"
            />
          )}
        </Field>
        <datalist id="packet-doc-kinds">
          {documentKinds.map((k) => (
            <option key={k} value={kindWords(k)} />
          ))}
        </datalist>
        {onFileWarnings.length > 0 ? (
          <div className="note note-warn" role="alert" data-testid="document-on-file-warning">
            <strong>Already on file</strong>
            <span>
              {onFileWarnings.map((d) => `${humanize(d.kind)} (${d.name})`).join(', ')}{' '}
              {onFileWarnings.length === 1 ? 'is' : 'are'} already on file. Asking the customer again makes
              them repeat themselves: send the file along instead, or say in the next steps why a new one is
              needed.
            </span>
          </div>
        ) : null}
      </Section>
    </>
  );
}
