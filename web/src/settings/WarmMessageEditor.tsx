import { type FormEvent, useId, useState } from 'react';
import type { Scenario } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { continuityApi, errorLines, faultyFields, warmTemplates } from './continuity-api.ts';
import { today } from './scenario-draft.ts';
import { languageName, placeholders, templateProblems } from './warm-message.ts';

type Row = { language: string; text: string };

/** The language tags a template may use (the API's own pattern): `en`, `es`, `pt-BR`. */
const tagPattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const fieldLabel = (field: string) => {
  const lang = /^templates\.(.+)$/.exec(field)?.[1];
  if (lang) return `Message in ${languageName(lang)}`;
  if (field === 'templates') return 'Messages';
  if (field === 'lastReviewed') return 'Last reviewed';
  return field;
};

/**
 * Edits one scenario's warm-handoff messages: one text per language, whether the owner's first name
 * may be shared, and the review date. Saving makes the scenario's next version; handoffs already
 * sent keep the text they were sent with.
 */
export function WarmMessageEditor({
  scenario,
  onDone,
}: {
  scenario: Scenario;
  onDone: (saved: Scenario | null) => void;
}) {
  const s = useSession();
  const current = warmTemplates(scenario);
  const [rows, setRows] = useState<Row[]>(() =>
    current
      ? Object.entries(current.templates).map(([language, text]) => ({ language, text }))
      : [{ language: 'en', text: '' }],
  );
  const [shareOwnerName, setShareOwnerName] = useState(current?.shareOwnerName ?? true);
  const [lastReviewed, setLastReviewed] = useState(today());
  const [newTag, setNewTag] = useState('');
  const [tagError, setTagError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const base = useId();
  const f = (name: string) => `${base}-${name}`;
  const faulty = faultyFields(error);
  const name = scenario.name ?? scenario.id;

  const addLanguage = () => {
    const tag = newTag.trim();
    if (!tagPattern.test(tag)) setTagError('Use a language tag such as es, fr or pt-BR.');
    else if (rows.some((r) => r.language === tag)) setTagError(`There is already a message in ${tag}.`);
    else {
      setRows([...rows, { language: tag, text: '' }]);
      setNewTag('');
      setTagError('');
      requestAnimationFrame(() => document.getElementById(f(`text-${tag}`))?.focus());
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await continuityApi.saveTemplates(scenario.id, {
        templates: Object.fromEntries(rows.map((r) => [r.language, r.text])),
        shareOwnerName,
        ...(lastReviewed ? { lastReviewed } : {}),
      });
      await s.refresh().catch(() => undefined);
      onDone(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={save} aria-label={`Warm messages for ${name}`} noValidate>
      <p className="hint" id={f('placeholders')}>
        Placeholders: {placeholders.map((p) => `{${p}}`).join(', ')}. Every message must state the reply time
        with <code>{'{replyBy}'}</code>; nothing else from the case can reach the customer.
      </p>
      {rows.map((r, i) => {
        const invalid = faulty.has(`templates.${r.language}`) || faulty.has('templates');
        const problems = templateProblems(r.text);
        const described = [
          f('placeholders'),
          problems.length ? f(`check-${r.language}`) : '',
          invalid ? f('error') : '',
        ].filter(Boolean);
        return (
          <div key={r.language} className={`field${invalid ? ' field-invalid' : ''}`}>
            <label htmlFor={f(`text-${r.language}`)}>
              Message in {languageName(r.language)} <code className="muted">({r.language})</code>
            </label>
            <textarea
              id={f(`text-${r.language}`)}
              rows={4}
              value={r.text}
              aria-invalid={invalid || undefined}
              aria-describedby={described.join(' ')}
              onChange={(e) => setRows(rows.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)))}
            />
            {problems.length ? (
              <span className="hint" id={f(`check-${r.language}`)}>
                Check before saving: {problems.join('; ')}.
              </span>
            ) : null}
            {rows.length > 1 ? (
              <div>
                <button
                  type="button"
                  className="button ghost small"
                  onClick={() => setRows(rows.filter((_, k) => k !== i))}
                >
                  Remove {languageName(r.language)}
                </button>
              </div>
            ) : null}
          </div>
        );
      })}
      <div className="field">
        <label htmlFor={f('new-tag')}>Add a language</label>
        <div className="inline-field">
          <input
            id={f('new-tag')}
            value={newTag}
            placeholder="es"
            size={8}
            aria-invalid={tagError ? true : undefined}
            aria-describedby={tagError ? f('tag-error') : undefined}
            onChange={(e) => setNewTag(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the language rather than submitting the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                addLanguage();
              }
            }}
          />
          <button type="button" className="button small" onClick={addLanguage}>
            Add language
          </button>
        </div>
        {tagError ? (
          <span className="field-error" id={f('tag-error')} role="alert">
            {tagError}
          </span>
        ) : null}
      </div>
      <div className="grid-2">
        <label className="inline-field checkbox-field">
          <input
            type="checkbox"
            checked={shareOwnerName}
            onChange={(e) => setShareOwnerName(e.target.checked)}
          />
          <span>Name the owner to the customer (their first name)</span>
        </label>
        <div className={`field${faulty.has('lastReviewed') ? ' field-invalid' : ''}`}>
          <label htmlFor={f('reviewed')}>Last reviewed</label>
          <input
            id={f('reviewed')}
            type="date"
            value={lastReviewed}
            aria-describedby={f('reviewed-hint')}
            onChange={(e) => setLastReviewed(e.target.value)}
          />
          <span className="hint" id={f('reviewed-hint')}>
            Messages not reviewed for 180 days are flagged for review.
          </span>
        </div>
      </div>
      {error ? (
        <div className="note note-error" role="alert" id={f('error')}>
          <strong>The messages were not saved</strong>
          {errorLines(error, fieldLabel).map((line) => (
            <span key={line}>{line}</span>
          ))}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : `Save as version ${(current?.version ?? 0) + 1}`}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
