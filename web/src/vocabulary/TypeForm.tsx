import { type FormEvent, useId, useRef, useState } from 'react';
import type { Scenario } from '../api/types.ts';
import { ErrorNote } from '../app/ui.tsx';
import { errorField, FieldError, useFocusFirst } from './FieldError.tsx';
import { keyFromName } from './taxonomy-tree.ts';
import { type IssueTypeView, type TypeInput, vocabularyApi } from './vocabulary-api.ts';

/** Adding a type (under a parent chosen here or given), or editing one. */
export type TypeFormMode =
  | { kind: 'add'; parent: string | null | undefined }
  | { kind: 'edit'; type: IssueTypeView };

// The API's field names, and the form field each belongs to.
const fields = {
  path: 'key',
  name: 'name',
  definition: 'definition',
  examples: 'examples',
  scenario: 'scenario',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The name, definition, examples and scenario of a type; a new one also its parent and path key
 * (proposed from the name until typed). The API's error is shown at the field it names.
 */
export function TypeForm({
  mode,
  parents,
  scenarios,
  onSaved,
  onCancel,
}: {
  mode: TypeFormMode;
  /** The active parents, to add a type under. */
  parents: IssueTypeView[];
  scenarios: Scenario[];
  onSaved: (saved: IssueTypeView | null) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const editing = mode.kind === 'edit' ? mode.type : undefined;
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useFocusFirst(first);
  const [parent, setParent] = useState(mode.kind === 'add' ? (mode.parent ?? '') : (editing?.parent ?? ''));
  const [name, setName] = useState(editing?.name ?? '');
  const [key, setKey] = useState('');
  const [keyTyped, setKeyTyped] = useState(false);
  const [definition, setDefinition] = useState(editing?.definition ?? '');
  const [examples, setExamples] = useState((editing?.examples ?? []).join('\n'));
  const [scenario, setScenario] = useState(
    editing && !editing.scenarioInherited ? (editing.scenario ?? '') : '',
  );
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const at = errorField(error, fields);
  const shownKey = keyTyped ? key : keyFromName(name);
  const parentView = parents.find((p) => p.path === parent);
  const scenarioName = (sid: string | null | undefined) =>
    sid ? (scenarios.find((s) => s.id === sid)?.name ?? sid) : null;
  const inherited = parentView ? scenarioName(parentView.scenario) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const input: TypeInput = {
      name: name.trim(),
      definition: definition.trim(),
      examples: lines(examples),
      scenario: scenario || null,
    };
    try {
      if (!editing) {
        const path = parent ? `${parent}/${shownKey}` : shownKey;
        onSaved(await vocabularyApi.create({ ...input, path }));
        return;
      }
      // Only what changed: an edit is a new revision of the type, with nothing else touched.
      const change: Partial<TypeInput> = {};
      if (input.name !== editing.name) change.name = input.name;
      if (input.definition !== editing.definition) change.definition = input.definition;
      if (!same(input.examples, editing.examples)) change.examples = input.examples;
      const before = editing.scenarioInherited ? null : editing.scenario;
      if (input.scenario !== before) change.scenario = input.scenario;
      onSaved(Object.keys(change).length ? await vocabularyApi.update(editing.path, change) : null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: string) =>
    at === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};
  const err = (field: string) => <FieldError id={`${id}-${field}-error`} error={error} show={at === field} />;
  const choosesParent = mode.kind === 'add' && mode.parent === undefined;
  return (
    <form className="form vocab-form" onSubmit={submit} data-testid="type-form">
      {choosesParent ? (
        <div className="field">
          <label htmlFor={`${id}-parent`}>Under</label>
          <select id={`${id}-parent`} ref={first} value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">Nothing: a new top-level type</option>
            {parents.map((p) => (
              <option key={p.path} value={p.path}>
                {p.name} ({p.path})
              </option>
            ))}
          </select>
        </div>
      ) : parentView && !editing ? (
        <p className="small">
          Under <strong>{parentView.name}</strong> <code>{parentView.path}</code>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          ref={choosesParent ? undefined : first}
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...invalid('name')}
        />
        {err('name')}
      </div>
      {editing ? null : (
        <div className="field">
          <label htmlFor={`${id}-key`}>Path key</label>
          <div className="vocab-key">
            {parent ? <code aria-hidden="true">{parent}/</code> : null}
            <input
              id={`${id}-key`}
              className="vocab-key-input"
              required
              value={shownKey}
              onChange={(e) => {
                setKey(e.target.value);
                setKeyTyped(true);
              }}
              aria-describedby={at === 'key' ? `${id}-key-error` : `${id}-key-hint`}
              aria-invalid={at === 'key' || undefined}
            />
          </div>
          <span className="hint" id={`${id}-key-hint`}>
            Lowercase letters, digits and dashes; the path{parent ? ` ${parent}/${shownKey || '…'}` : ''}{' '}
            cannot change later.
          </span>
          {err('key')}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-definition`}>
          Definition <span className="opt">optional</span>
        </label>
        <textarea
          id={`${id}-definition`}
          rows={2}
          value={definition}
          onChange={(e) => setDefinition(e.target.value)}
          {...invalid('definition')}
        />
        {err('definition')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-examples`}>
          Examples, one per line <span className="opt">optional</span>
        </label>
        <textarea
          id={`${id}-examples`}
          rows={4}
          value={examples}
          placeholder="I was charged twice for my October invoice"
          onChange={(e) => setExamples(e.target.value)}
          {...invalid('examples')}
        />
        <span className="hint">The customer's own words: the tagger learns the type from them.</span>
        {err('examples')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-scenario`}>Routes to scenario</label>
        <select
          id={`${id}-scenario`}
          value={scenario}
          onChange={(e) => setScenario(e.target.value)}
          {...invalid('scenario')}
        >
          <option value="">
            {parent ? `Its parent's${inherited ? `: ${inherited}` : ' (none)'}` : 'None'}
          </option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name ?? s.id}
            </option>
          ))}
        </select>
        {err('scenario')}
      </div>
      {error && !at ? (
        <ErrorNote error={error} title={editing ? 'The type was not changed' : 'The type was not added'} />
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {editing ? 'Save changes' : 'Add type'}
        </button>
      </div>
    </form>
  );
}
