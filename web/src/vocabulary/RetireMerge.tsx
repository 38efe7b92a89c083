import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ErrorNote } from '../app/ui.tsx';
import { useFocusFirst } from './FieldError.tsx';
import type { TreeNode } from './taxonomy-tree.ts';
import { type IssueTypeView, vocabularyApi } from './vocabulary-api.ts';

type Props = {
  type: IssueTypeView;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** A confirmation with an optional note for the change log; the API's refusal is shown as it says it. */
function Confirm({
  children,
  action,
  label,
  failed,
  onCancel,
  field,
  testId,
}: {
  children: ReactNode;
  action: (note: string | undefined) => Promise<void>;
  label: string;
  failed: string;
  onCancel: () => void;
  field?: ReactNode;
  testId: string;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLTextAreaElement>(null);
  const none = useRef<HTMLElement>(null);
  // With a field of its own (the merge's target), that field comes first and takes the focus.
  useFocusFirst(field ? none : first);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action(note.trim() || undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form vocab-form" onSubmit={submit} data-testid={testId}>
      {children}
      {field}
      <div className="field">
        <label htmlFor={`${id}-note`}>
          Note for the change log <span className="opt">optional</span>
        </label>
        <textarea
          id={`${id}-note`}
          ref={first}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {error ? <ErrorNote error={error} title={failed} /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button danger" disabled={busy}>
          {label}
        </button>
      </div>
    </form>
  );
}

export function RetireForm({ type, onDone, onCancel }: Props) {
  return (
    <Confirm
      testId="retire-form"
      label={`Retire ${type.name}`}
      failed={`${type.name} was not retired`}
      onCancel={onCancel}
      action={async (note) => {
        await vocabularyApi.retire(type.path, note);
        onDone(`${type.name} is retired: no longer suggested or matched.`);
      }}
    >
      <p>
        <strong>{type.name}</strong> <code>{type.path}</code> will no longer be suggested or matched. Cases
        already tagged with it keep their tag, which reads “{type.name} (retired)”.
      </p>
      {type.parent ? null : (
        <p className="small muted">A parent can be retired once every type under it is retired or merged.</p>
      )}
    </Confirm>
  );
}

/** Merging `type` into another active type, chosen from the tree by parent. */
export function MergeForm({ type, tree, onDone, onCancel }: Props & { tree: TreeNode[] }) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  useFocusFirst(select);
  const targets = tree
    .filter((n) => n.type.status === 'active')
    .map((n) => ({ parent: n.type, types: [n.type, ...n.children.filter((c) => c.status === 'active')] }));
  const [into, setInto] = useState('');
  const target = targets.flatMap((g) => g.types).find((t) => t.path === into);
  const field = (
    <div className="field">
      <label htmlFor={`${id}-into`}>Merge into</label>
      <select id={`${id}-into`} ref={select} required value={into} onChange={(e) => setInto(e.target.value)}>
        <option value="">Choose a type</option>
        {targets.map((g) => (
          <optgroup key={g.parent.path} label={g.parent.name}>
            {g.types
              .filter((t) => t.path !== type.path)
              .map((t) => (
                <option key={t.path} value={t.path}>
                  {t.name} ({t.path})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
  return (
    <Confirm
      testId="merge-form"
      label={target ? `Merge into ${target.name}` : 'Merge'}
      failed={`${type.name} was not merged`}
      onCancel={onCancel}
      field={field}
      action={async (note) => {
        const { into: merged } = await vocabularyApi.merge(type.path, into, note);
        onDone(`${type.name} is merged into ${merged.name}: its tags, aliases and examples follow.`);
      }}
    >
      <p>
        <strong>{type.name}</strong> <code>{type.path}</code> stops being a type of its own. Its tags read “
        {type.name} (merged into {target?.name ?? '…'})” and count as {target?.name ?? 'the type you choose'}.
        Each team's words for it and its examples move there too, so matching and the tagger follow.
      </p>
    </Confirm>
  );
}
