import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { OwnershipStrategy } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { FormField } from './FormField.tsx';
import { messageOf } from './person-form.ts';
import { LeadSelect, StrategySelect } from './TeamFields.tsx';
import { keyFromName, parseCapacity } from './team-form.ts';
import type { AdminRun } from './useAdminRun.ts';

type Field = 'name' | 'key' | 'leadId' | 'capacity' | 'members';
const order: Field[] = ['name', 'key', 'leadId', 'capacity', 'members'];

/** "New team" (admins): its name and key, lead, ownership rule, default capacity and first members. */
export function TeamDialog({
  open,
  admin,
  onClose,
}: {
  open: boolean;
  admin: AdminRun;
  onClose: () => void;
}) {
  return (
    <Dialog title="New team" open={open} onClose={onClose}>
      <TeamForm admin={admin} onClose={onClose} />
    </Dialog>
  );
}

function TeamForm({ admin, onClose }: { admin: AdminRun; onClose: () => void }) {
  const s = useSession();
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [leadId, setLeadId] = useState('');
  const [strategy, setStrategy] = useState<OwnershipStrategy>('round-robin');
  const [capacity, setCapacity] = useState('10');
  const [members, setMembers] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>();
  const form = useRef<HTMLFormElement>(null);
  const teamKey = key ?? keyFromName(name);
  const busy = admin.busy === 'new-team';

  const show = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = order.find((f) => found[f]);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`#team-${first}`)?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const cap = parseCapacity(capacity);
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Give the team a name.';
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(teamKey))
      found.key = 'Lower-case letters, digits and dashes, such as tier-2.';
    if (!leadId) found.leadId = 'Choose who leads it.';
    if (cap.error || cap.value === null) found.capacity = cap.error ?? 'Give a default capacity.';
    if (Object.keys(found).length) return show(found);
    try {
      await admin.run(
        'new-team',
        () =>
          api.addTeam({
            key: teamKey,
            name: name.trim(),
            leadId,
            ownershipStrategy: strategy,
            capacity: cap.value ?? 10,
            members,
          }),
        (t) => `${t.name} created`,
      );
      onClose();
    } catch (err) {
      const field = err instanceof ApiError ? (err.field?.split('.')[0] as Field | undefined) : undefined;
      if (field && order.includes(field) && err instanceof ApiError) show({ [field]: messageOf(err) });
      else setError(err);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setMembers((m) => (on ? [...m, id] : m.filter((x) => x !== id)));
  return (
    <form ref={form} className="form team-dialog" onSubmit={submit} noValidate>
      <div className="grid-2">
        <FormField id="team-name" label="Name" error={errors.name}>
          {(c) => <input {...c} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <FormField
          id="team-key"
          label="Key"
          error={errors.key}
          hint="In addresses and scenarios; cannot change"
        >
          {(c) => (
            <input
              {...c}
              value={teamKey}
              spellCheck={false}
              className="mono"
              onChange={(e) => setKey(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="grid-2">
        <LeadSelect
          id="team-leadId"
          memberIds={members}
          value={leadId}
          onChange={setLeadId}
          error={errors.leadId}
        />
        <FormField
          id="team-capacity"
          label="Default capacity"
          error={errors.capacity}
          hint="Open handoffs per member"
        >
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={1000}
              inputMode="numeric"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <StrategySelect id="team-strategy" value={strategy} onChange={setStrategy} explain />
      <fieldset className="fieldset" aria-describedby={errors.members ? 'team-members-error' : undefined}>
        <legend>
          Members <span className="opt">optional</span>
        </legend>
        <div className="member-choices">
          {s.people
            .filter((p) => p.active)
            .map((p) => (
              <label key={p.id}>
                <input
                  type="checkbox"
                  id={p.id === members[0] ? 'team-members' : undefined}
                  checked={members.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                {p.name}
              </label>
            ))}
        </div>
        {errors.members ? (
          <span className="field-error" id="team-members-error">
            {errors.members}
          </span>
        ) : null}
      </fieldset>
      <ErrorNote error={error} title="Team not created" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
