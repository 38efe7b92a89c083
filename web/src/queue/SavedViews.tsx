import { type FormEvent, useState } from 'react';
import { navigate } from '../app/router.tsx';
import { Dialog } from '../app/ui.tsx';

type View = { name: string; query: string };

/** Saved queue views live in this browser, per person: a name for a set of filters. */
function load(key: string): View[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v)
      ? v.filter((x) => typeof x?.name === 'string' && typeof x?.query === 'string')
      : [];
  } catch {
    return [];
  }
}

export function SavedViews({ personId, query }: { personId: string; query: string }) {
  const key = `baton:views:${personId}`;
  const [views, setViews] = useState<View[]>(() => load(key));
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const store = (next: View[]) => {
    setViews(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  const current = views.find((v) => v.query === query);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    store([...views.filter((v) => v.name !== name.trim()), { name: name.trim(), query }]);
    setName('');
    setOpen(false);
  };

  return (
    <div className="saved-views">
      <label className="inline-field">
        <span>View</span>
        <select
          value={current?.name ?? ''}
          onChange={(e) => {
            const v = views.find((x) => x.name === e.target.value);
            if (v) navigate(`/queue?${v.query}`, { replace: true });
          }}
        >
          {current ? null : <option value="">{views.length ? 'Unsaved filters' : 'No saved views'}</option>}
          {views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {current ? (
        <button
          type="button"
          className="button ghost small"
          onClick={() => store(views.filter((v) => v !== current))}
        >
          Forget view
        </button>
      ) : (
        <button type="button" className="button small" onClick={() => setOpen(true)}>
          Save view
        </button>
      )}
      <Dialog title="Save this view" open={open} onClose={() => setOpen(false)}>
        <form onSubmit={save} className="form">
          <div className="field">
            <label htmlFor="view-name">Name</label>
            <input
              id="view-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Refunds waiting for pickup"
            />
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={!name.trim()}>
              Save
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
