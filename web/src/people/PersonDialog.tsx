import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Person, Role } from '../api/types.ts';
import { useSession } from '../app/session.tsx';
import { Dialog, ErrorNote } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { FormField } from './FormField.tsx';
import {
  checkDraft,
  draftOf,
  emptyDraft,
  type FieldErrors,
  fieldOfError,
  messageOf,
  minPassword,
  newPersonBody,
  type PersonDraft,
  type PersonField,
  personChange,
  roleChoices,
  suggestPassword,
  teamMoves,
  timeZones,
} from './person-form.ts';
import { TimeZoneOptions } from './TimeZoneOptions.tsx';
import { TwoStepOff } from './TwoStepOff.tsx';
import type { AdminRun } from './useAdminRun.ts';

const order: PersonField[] = ['name', 'email', 'roles', 'skills', 'timezone', 'password', 'teams'];

/** "Add person" and "Edit person" (admins): one form, the same fields; a password is optional on edit. */
export function PersonDialog({
  open,
  person,
  admin,
  onClose,
}: {
  open: boolean;
  /** The person edited; none to add one. */
  person?: Person;
  admin: AdminRun;
  onClose: () => void;
}) {
  return (
    <Dialog title={person ? `Edit ${person.name}` : 'Add a person'} open={open} onClose={onClose}>
      <PersonForm person={person} admin={admin} onClose={onClose} />
    </Dialog>
  );
}

function PersonForm({ person, admin, onClose }: { person?: Person; admin: AdminRun; onClose: () => void }) {
  const s = useSession();
  const [d, setD] = useState<PersonDraft>(() => (person ? draftOf(person) : emptyDraft()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const form = useRef<HTMLFormElement>(null);
  const [zones] = useState(() => timeZones([person?.timezone ?? '', s.me.organisation.timezone ?? '']));
  const busy = admin.busy === 'person';
  const isSelf = person && person.id === s.me.person?.id;
  const orgZone = s.me.organisation.timezone;
  const noAccess = person ? !person.active : false;
  // Whether this Baton e-mails links to set a password (an SMTP server and its public address).
  const invites = useResource('auth-session', (signal) => api.session(signal)).data?.passwordReset === true;
  const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => {
    setD((x) => ({ ...x, [key]: value }));
    if (key in errors) setErrors(({ [key as PersonField]: _, ...rest }) => rest);
  };
  const toggle = <T extends string>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = order.find((f) => found[f]);
    // Focus the first field at fault: a keyboard or screen-reader user lands on what to fix.
    requestAnimationFrame(() =>
      form.current
        ?.querySelector<HTMLElement>(`[data-field="person-${first}"] input, #person-${first}`)
        ?.focus(),
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const found = checkDraft(d, !person, invites);
    if (Object.keys(found).length) return showErrors(found);
    try {
      if (!person) {
        await admin.run(
          'person',
          async () => {
            const added = await api.addPerson(newPersonBody(d));
            if (d.password) return { added, invite: '' };
            // Without a password, they choose their own from an e-mailed invitation. The person is
            // added either way: a failed e-mail is said, not thrown (a retry would add them twice).
            const invite = await api.sendPasswordLink(added.id).then(
              (r) => `; an invitation to choose a password was e-mailed to ${r.sentTo}`,
              (e: unknown) =>
                `, but the invitation could not be e-mailed (${e instanceof Error ? e.message : String(e)}): edit them to send a link again`,
            );
            return { added, invite };
          },
          ({ added: p, invite }) =>
            `${p.name} added${p.teams.length ? ` to ${p.teams.map((t) => t.name).join(', ')}` : ''}${invite}`,
        );
      } else {
        const change = personChange(person, d);
        const { join, leave } = teamMoves(person, d);
        if (!Object.keys(change).length && !join.length && !leave.length) return onClose();
        await admin.run(
          'person',
          async () => {
            if (Object.keys(change).length) await api.changePerson(person.id, change);
            for (const key of join) await api.addMember(key, person.id);
            for (const key of leave) await api.removeMember(key, person.id);
          },
          () => `${d.name.trim()} saved`,
        );
      }
      onClose();
    } catch (err) {
      const field = fieldOfError(err);
      if (field && err instanceof ApiError) showErrors({ [field]: messageOf(err) });
      else setError(err);
    }
  };

  const teamOf = (key: string) => s.teams.find((t) => t.key === key)?.name ?? key;
  const leaving = person ? teamMoves(person, d).leave : [];
  return (
    <form ref={form} className="form person-form" onSubmit={submit} noValidate>
      <div className="grid-2">
        <FormField id="person-name" label="Name" error={errors.name}>
          {(c) => (
            <input {...c} value={d.name} autoComplete="off" onChange={(e) => set('name', e.target.value)} />
          )}
        </FormField>
        <FormField id="person-email" label="Work email" error={errors.email}>
          {(c) => (
            <input
              {...c}
              type="email"
              value={d.email}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set('email', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <fieldset
        className={`fieldset${errors.roles ? ' field-invalid' : ''}`}
        data-field="person-roles"
        aria-describedby={errors.roles ? 'person-roles-error' : undefined}
      >
        <legend>Roles</legend>
        <div className="role-choices">
          {roleChoices.map((r) => (
            <label key={r.role} className="role-choice">
              <input
                type="checkbox"
                checked={d.roles.includes(r.role)}
                onChange={(e) => set('roles', toggle<Role>(d.roles, r.role, e.target.checked))}
              />
              <span>
                {r.label} <span className="muted small">· {r.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.roles ? (
          <span className="field-error" id="person-roles-error">
            {errors.roles}
          </span>
        ) : null}
        {isSelf && person.roles.includes('admin') && !d.roles.includes('admin') ? (
          <span className="hint">Without Admin you can no longer add or edit people.</span>
        ) : null}
      </fieldset>
      <div className="grid-2">
        <FormField
          id="person-skills"
          label="Skills"
          optional
          hint="Comma separated; the skills-match rule reads them."
          error={errors.skills}
        >
          {(c) => (
            <input
              {...c}
              value={d.skills}
              placeholder="billing, refunds"
              onChange={(e) => set('skills', e.target.value)}
            />
          )}
        </FormField>
        <FormField id="person-timezone" label="Time zone" error={errors.timezone}>
          {(c) => (
            <select {...c} value={d.timezone} onChange={(e) => set('timezone', e.target.value)}>
              {person ? null : (
                <option value="">{orgZone ? `The organisation's (${orgZone})` : "The organisation's"}</option>
              )}
              <TimeZoneOptions zones={zones} />
            </select>
          )}
        </FormField>
      </div>
      <FormField
        id="person-password"
        label={person ? 'Set a new password' : 'Initial password'}
        error={errors.password}
        optional={Boolean(person) || invites}
        hint={
          person
            ? `Leave blank to keep theirs. A new one (${minPassword}+ characters) signs them out everywhere${isSelf ? ', you included' : ''}.`
            : invites
              ? `Leave blank to e-mail them an invitation to choose their own (it works for 7 days), or give one (${minPassword}+ characters) to pass on yourself.`
              : `At least ${minPassword} characters. This Baton sends no e-mail: pass it on to them yourself.`
        }
      >
        {(c) => (
          <div className="input-with-button">
            {/* Shown as typed: an admin hands it on, and a password box would invite the browser to fill in the admin's own. */}
            <input
              {...c}
              type="text"
              value={d.password}
              autoComplete="off"
              spellCheck={false}
              className="mono"
              onChange={(e) => set('password', e.target.value)}
            />
            <button type="button" className="button" onClick={() => set('password', suggestPassword())}>
              Generate
            </button>
          </div>
        )}
      </FormField>
      {person && invites && !noAccess ? (
        <div className="password-link">
          <button
            type="button"
            className="button"
            disabled={admin.busy !== null}
            onClick={() =>
              void admin
                .run(
                  'link',
                  () => api.sendPasswordLink(person.id),
                  (r) =>
                    r.kind === 'invite'
                      ? `An invitation to choose a password was e-mailed to ${r.sentTo} (it works for 7 days)`
                      : `A link to set a new password was e-mailed to ${r.sentTo} (it works for 30 minutes)`,
                )
                .then(onClose, setError)
            }
          >
            E-mail {firstName(person.name)} a link instead
          </button>
          <p className="small muted">They choose a password themselves; earlier links stop working.</p>
        </div>
      ) : null}
      {person?.twoStep ? (
        <TwoStepOff person={person} admin={admin} onDone={onClose} onError={setError} />
      ) : null}
      <fieldset className="fieldset" data-field="person-teams">
        <legend>
          Teams <span className="opt">optional</span>
        </legend>
        <div className="team-choices">
          {s.teams.map((t) => (
            <label key={t.key}>
              <input
                type="checkbox"
                // Someone without access takes no work: they join teams once reactivated.
                disabled={noAccess && !d.teams.includes(t.key)}
                checked={d.teams.includes(t.key)}
                onChange={(e) => set('teams', toggle(d.teams, t.key, e.target.checked))}
              />
              {t.name}
            </label>
          ))}
        </div>
        {errors.teams ? <span className="field-error">{errors.teams}</span> : null}
        {noAccess ? <span className="hint">They have no access: reactivate them to add teams.</span> : null}
        {leaving.length ? (
          <span className="hint">
            Leaving {leaving.map(teamOf).join(', ')} hands on their open handoffs there to the next owner.
          </span>
        ) : null}
      </fieldset>
      <ErrorNote error={error} title={person ? 'Not saved' : 'Not added'} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : person ? 'Save changes' : 'Add person'}
        </button>
      </div>
    </form>
  );
}
