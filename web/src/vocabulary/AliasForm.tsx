import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { Team } from '../api/types.ts';
import { ErrorNote } from '../app/ui.tsx';
import { useFocusFirst } from './FieldError.tsx';
import { foldTerm } from './taxonomy-tree.ts';
import { type IssueTypeView, vocabularyApi } from './vocabulary-api.ts';

/** Where an error belongs in this form: the team, the word, or neither. */
function placeOf(error: unknown): 'team' | 'word' | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'unknown_team' || error.field === 'team') return 'team';
  if (error.code === 'alias_conflict' || error.field === 'alias' || error.field === 'aliases') return 'word';
  return undefined;
}

/**
 * One team's word for a type: added here, or removed from the team's list. The API's
 * `alias_conflict` is told in words: which type that team already uses the word for.
 */
export function AliasForm({
  type,
  teams,
  typeOf,
  onSaved,
  onCancel,
}: {
  type: IssueTypeView;
  teams: Team[];
  /** The types on screen, to name the one a conflicting word already belongs to. */
  typeOf: (path: string) => IssueTypeView | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const first = useRef<HTMLSelectElement>(null);
  useFocusFirst(first);
  const [team, setTeam] = useState(teams[0]?.key ?? '');
  const [word, setWord] = useState('');
  const [error, setError] = useState<unknown>();
  // A removal's error is not about the word being typed: it goes in the note below, not at a field.
  const [failed, setFailed] = useState<'add' | 'remove'>('add');
  const [busy, setBusy] = useState(false);
  const place = failed === 'add' ? placeOf(error) : undefined;
  const teamName = (key: string) => teams.find((t) => t.key === key)?.name ?? key;
  const words = type.aliases[team] ?? [];

  const explain = (e: unknown): string => {
    if (e instanceof ApiError && e.code === 'alias_conflict') {
      const d = e.details as { team?: string; alias?: string; type?: string };
      const t = d.team ?? team;
      const owner = d.type ? typeOf(d.type) : undefined;
      const ownerName = owner?.name ?? d.type ?? 'another type';
      // The team's own spelling of the word (the API echoes the one typed here).
      const typed = foldTerm(d.alias ?? word);
      const spelt = (owner?.aliases[t] ?? []).find((w) => foldTerm(w) === typed) ?? d.alias ?? word;
      return `${teamName(t)} already uses “${spelt}” for ${ownerName}${d.type ? ` (${d.type})` : ''}. One team's word can stand for one type only: choose another word, or remove it from ${ownerName} first.`;
    }
    return e instanceof Error ? e.message : String(e);
  };

  const run = async (kind: 'add' | 'remove', action: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setFailed(kind);
    try {
      onSaved(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const alias = word.trim();
    void run('add', async () => {
      const saved = await vocabularyApi.addAlias(type.path, team, alias);
      // The same revision back: the team already had the word (200), nothing was written.
      return saved.revision === type.revision
        ? `${teamName(team)} already had “${alias}” for ${type.name}; nothing changed.`
        : `${teamName(team)}'s word “${alias}” now means ${type.name}.`;
    });
  };
  // Only this word goes: the rest of the type, and other teams' words, stay as the server has them.
  const remove = (w: string) =>
    run('remove', async () => {
      await vocabularyApi.removeAlias(type.path, team, w);
      return `“${w}” no longer means ${type.name} for ${teamName(team)}.`;
    });

  return (
    <form className="form vocab-form" onSubmit={submit} data-testid="alias-form">
      <div className="field">
        <label htmlFor={`${id}-team`}>Team</label>
        <select
          id={`${id}-team`}
          ref={first}
          value={team}
          onChange={(e) => setTeam(e.target.value)}
          aria-invalid={place === 'team' || undefined}
          aria-describedby={place === 'team' ? `${id}-error` : undefined}
        >
          {teams.map((t) => (
            <option key={t.key} value={t.key}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-word`}>Their word for {type.name}</label>
        <input
          id={`${id}-word`}
          required
          maxLength={100}
          value={word}
          onChange={(e) => setWord(e.target.value)}
          aria-invalid={place === 'word' || undefined}
          aria-describedby={place === 'word' ? `${id}-error` : `${id}-hint`}
        />
        <span className="hint" id={`${id}-hint`}>
          Case, accents and punctuation do not matter when Baton matches it.
        </span>
        {place ? (
          <span className="field-error" id={`${id}-error`} role="alert" data-testid="alias-error">
            {explain(error)}
          </span>
        ) : null}
      </div>
      {words.length ? (
        <div className="vocab-current">
          <p className="small muted">{teamName(team)} already says:</p>
          <ul className="vocab-chips">
            {words.map((w) => (
              <li key={w} className="vocab-chip">
                {w}{' '}
                <button
                  type="button"
                  className="vocab-chip-remove"
                  aria-label={`Remove “${w}” for ${teamName(team)}`}
                  title="Remove"
                  disabled={busy}
                  onClick={() => void remove(w)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error && !place ? (
        <ErrorNote
          error={error}
          title={failed === 'remove' ? 'The word was not removed' : 'The alias was not changed'}
        />
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          Add alias
        </button>
      </div>
    </form>
  );
}
