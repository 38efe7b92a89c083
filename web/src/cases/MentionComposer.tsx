import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { type Directory, insertMention, type MentionTarget, mentionAt, suggestions } from './mentions.ts';

/**
 * A textarea that offers people and teams after an `@` (an ARIA combobox: ↑/↓ to move, Enter or
 * Tab to insert, Escape to close). What it inserts is plain text, `@priya` or `@finance`.
 */
export function MentionComposer({
  id,
  label,
  value,
  onChange,
  onSubmit,
  dir,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
  dir: Directory;
  hint?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const hintId = useId();
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const options = at ? suggestions(dir, at.query) : [];
  const open = options.length > 0;

  const track = (text: string, caret: number) => {
    const next = mentionAt(text, caret);
    setAt(next);
    if (next?.query !== at?.query) setActive(0);
  };

  const pick = (target: MentionTarget) => {
    if (!at) return;
    const next = insertMention(value, at, target);
    onChange(next.text);
    setAt(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + options.length) % options.length);
        return;
      }
      if ((e.key === 'Enter' && !e.metaKey && !e.ctrlKey) || e.key === 'Tab') {
        e.preventDefault();
        pick(options[Math.min(active, options.length - 1)]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setAt(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      onSubmit();
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="field mention-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={2}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(Math.min(active, options.length - 1)) : undefined}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setAt(null)}
        onKeyDown={onKeyDown}
      />
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <div id={listId} role="listbox" aria-label="People and teams" className="mention-list" hidden={!open}>
        {options.map((o, i) => (
          <div
            key={`${o.kind}:${o.handle}`}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o);
            }}
          >
            <span className={`mention mention-${o.kind}`}>@{o.handle}</span>
            <span>{o.label}</span>
            <span className="muted small">{o.kind === 'team' ? 'Team' : 'Person'}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
