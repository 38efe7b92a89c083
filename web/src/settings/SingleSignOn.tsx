import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { PasswordSignIn, SsoProtocol } from '../../../src/auth/single-sign-on.ts';
import { ApiError } from '../api/client.ts';
import { CopyField } from '../app/CopyField.tsx';
import { counted } from '../app/format.ts';
import { fieldMessage, InputField } from '../app/InputField.tsx';
import { ErrorNote, Loading, Section } from '../app/ui.tsx';
import { useResource } from '../app/useResource.ts';
import { DomainProofs } from './DomainProofs.tsx';
import { SamlFields } from './SamlFields.tsx';
import { type SsoSettings, ssoApi } from './sso-api.ts';
import { domainsOf, fieldOf, type SsoField } from './sso-form.ts';

const passwordChoices: { value: PasswordSignIn; label: string; hint: string }[] = [
  { value: 'everyone', label: 'Everyone', hint: 'Single sign-on is offered beside the password.' },
  {
    value: 'admins_only',
    label: 'Admins only',
    hint: 'Everyone of these domains signs in with single sign-on; admins keep their password as the way in when the identity provider is down. Others signed in with a password are signed out on saving.',
  },
];

const protocolChoices: { value: SsoProtocol; label: string; hint: string }[] = [
  {
    value: 'oidc',
    label: 'OpenID Connect',
    hint: 'Okta, Microsoft Entra ID, Google Workspace, Keycloak, Auth0: an issuer URL and a client.',
  },
  {
    value: 'saml',
    label: 'SAML 2.0',
    hint: 'ADFS, Okta, Entra ID, Google Workspace, OneLogin, PingFederate: a sign-in URL and a signing certificate.',
  },
];

type Draft = {
  enabled: boolean;
  protocol: SsoProtocol;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  passwordSignIn: PasswordSignIn;
  /** The role someone unknown is added with on their first sign-in; '' refuses them. */
  addPeopleAs: string;
  samlSignInUrl: string;
  samlIdpEntityId: string;
  /** A certificate pasted now; '' keeps the saved one. */
  samlCertificate: string;
  /** Where the provider publishes its metadata; '' when the fields are typed. */
  samlMetadataUrl: string;
};

const firstSignInChoices = [
  { value: '', label: 'Refused until an admin (or SCIM) adds them' },
  { value: 'agent', label: 'Added as agents' },
  { value: 'lead', label: 'Added as team leads' },
  { value: 'supervisor', label: 'Added as supervisors' },
  { value: 'qa', label: 'Added as QA reviewers' },
];
const draftOf = (s: SsoSettings): Draft => ({
  enabled: s.enabled,
  protocol: s.protocol,
  samlSignInUrl: s.samlSignInUrl ?? '',
  samlIdpEntityId: s.samlIdpEntityId ?? '',
  samlCertificate: '',
  samlMetadataUrl: s.samlMetadataUrl ?? '',
  issuer: s.issuer ?? '',
  clientId: s.clientId ?? '',
  clientSecret: '',
  domains: s.emailDomains.join(', '),
  passwordSignIn: s.passwordSignIn,
  addPeopleAs: s.addPeopleAs ?? '',
});

/**
 * Settings > Security's single sign-on (admins): the organisation's identity provider, OpenID
 * Connect or SAML 2.0 (SamlFields), the e-mail domains it signs in, and who may still use a
 * password. The client secret is write-only: the page says one is stored and offers to replace it.
 * Errors show at the field the API names. What to register at the provider is there to copy.
 */
export function SingleSignOn() {
  const saved = useResource('single-sign-on', (signal) => ssoApi.get(signal));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<SsoField, string>>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const refs = {
    issuer: useRef<HTMLInputElement>(null),
    clientId: useRef<HTMLInputElement>(null),
    clientSecret: useRef<HTMLInputElement>(null),
    emailDomains: useRef<HTMLInputElement>(null),
    samlSignInUrl: useRef<HTMLInputElement>(null),
    samlIdpEntityId: useRef<HTMLInputElement>(null),
    samlCertificate: useRef<HTMLTextAreaElement>(null),
    samlMetadataUrl: useRef<HTMLInputElement>(null),
  };
  const firstError = (Object.keys(errors) as SsoField[])[0];
  // The field at fault takes the focus once its error is on the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the refs are stable
  useEffect(() => {
    if (firstError && firstError in refs) refs[firstError as keyof typeof refs].current?.focus();
  }, [firstError, errors]);

  if (!saved.data)
    return (
      <Section title="Single sign-on">
        {saved.error ? <ErrorNote error={saved.error} /> : <Loading />}
      </Section>
    );
  const current = saved.data;
  const d = draft ?? draftOf(current);
  const secretField = !current.clientSecretSet || replacing;
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...d, ...patch });
    setDone(null);
    setError(undefined);
    setErrors({});
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setError(undefined);
    setDone(null);
    try {
      const provider =
        d.protocol === 'saml' && d.samlMetadataUrl.trim()
          ? { samlMetadataUrl: d.samlMetadataUrl.trim() }
          : d.protocol === 'saml'
            ? {
                samlMetadataUrl: null,
                samlSignInUrl: d.samlSignInUrl.trim(),
                samlIdpEntityId: d.samlIdpEntityId.trim() || null,
                ...(d.samlCertificate.trim() ? { samlCertificate: d.samlCertificate.trim() } : {}),
              }
            : {
                issuer: d.issuer.trim(),
                clientId: d.clientId.trim(),
                ...(secretField && d.clientSecret ? { clientSecret: d.clientSecret } : {}),
              };
      const answer = await ssoApi.save({
        enabled: d.enabled,
        protocol: d.protocol,
        ...provider,
        emailDomains: domainsOf(d.domains),
        passwordSignIn: d.passwordSignIn,
        addPeopleAs: (d.addPeopleAs || null) as SsoSettings['addPeopleAs'],
      });
      saved.set(answer);
      setDraft(null);
      setReplacing(false);
      const ended = answer.passwordSessionsEnded
        ? ` ${counted(answer.passwordSessionsEnded, 'password session')} of people who must now use single sign-on ${answer.passwordSessionsEnded === 1 ? 'was' : 'were'} signed out.`
        : '';
      const unproved = answer.domains.filter((x) => !x.proved).length
        ? ' Prove each new domain under Domain ownership before its people can sign in.'
        : '';
      setDone(
        `${answer.enabled ? 'Saved: single sign-on is on.' : 'Saved: single sign-on is off.'}${ended}${unproved}`,
      );
    } catch (err) {
      const field = err instanceof ApiError ? fieldOf(err.field) : undefined;
      if (err instanceof ApiError && field && field in refs)
        setErrors({ [field]: fieldMessage(err.message) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Single sign-on">
      <p className="muted">
        People sign in at your organisation’s identity provider (OpenID Connect or SAML 2.0: Okta, Microsoft
        Entra ID, Google Workspace, ADFS, Keycloak…) with their work e-mail. A person signs in if they have an
        active account here with the same address, or, when you choose so below, is added on their first
        sign-in.
      </p>
      <form
        className="security-form form"
        onSubmit={(e) => void save(e)}
        noValidate
        data-testid="single-sign-on"
      >
        <div className="field field-inline">
          <input
            type="checkbox"
            role="switch"
            id="sso-enabled"
            checked={d.enabled}
            aria-checked={d.enabled}
            onChange={(e) => change({ enabled: e.target.checked })}
            aria-describedby="sso-enabled-hint"
          />
          <label htmlFor="sso-enabled">Sign people in with single sign-on</label>
          <p className="small muted" id="sso-enabled-hint">
            {d.protocol === 'oidc'
              ? 'Turning it on reads the provider’s discovery document, so the issuer must answer.'
              : 'Try it with one person before choosing “Admins only” below.'}
          </p>
        </div>
        <fieldset className="fieldset">
          <legend>Protocol</legend>
          <ul className="security-options">
            {protocolChoices.map((o) => (
              <li key={o.value}>
                <input
                  type="radio"
                  id={`sso-protocol-${o.value}`}
                  name="protocol"
                  value={o.value}
                  checked={d.protocol === o.value}
                  onChange={() => change({ protocol: o.value })}
                  aria-describedby={`sso-protocol-${o.value}-hint`}
                />
                <label htmlFor={`sso-protocol-${o.value}`}>{o.label}</label>
                <span className="hint" id={`sso-protocol-${o.value}-hint`}>
                  {o.hint}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        {d.protocol === 'saml' ? (
          <SamlFields
            // A certificate saved anew shows as saved, not as the field it was pasted in.
            key={current.samlCertificates.map((c) => c.fingerprint).join()}
            draft={d}
            onChange={change}
            saved={current.samlCertificates}
            metadataRead={
              current.samlMetadataUrl
                ? {
                    url: current.samlMetadataUrl,
                    at: current.samlMetadataCheckedAt,
                    problem: current.samlMetadataProblem,
                  }
                : undefined
            }
            serviceProvider={current.serviceProvider}
            errors={errors}
            refs={refs}
          />
        ) : (
          <>
            <InputField
              id="sso-issuer"
              ref={refs.issuer}
              label="Issuer"
              autoComplete="off"
              value={d.issuer}
              onChange={(issuer) => change({ issuer })}
              hint="The provider's issuer URL, such as https://acme.okta.com"
              error={errors.issuer}
            />
            <InputField
              id="sso-client-id"
              ref={refs.clientId}
              label="Client ID"
              autoComplete="off"
              value={d.clientId}
              onChange={(clientId) => change({ clientId })}
              error={errors.clientId}
            />
            {secretField ? (
              <InputField
                id="sso-client-secret"
                ref={refs.clientSecret}
                type="password"
                label={current.clientSecretSet ? 'New client secret' : 'Client secret'}
                autoComplete="new-password"
                value={d.clientSecret}
                onChange={(clientSecret) => change({ clientSecret })}
                hint="Kept to exchange sign-ins with the provider; never shown again."
                error={errors.clientSecret}
              />
            ) : (
              <fieldset className="fieldset field">
                <legend>Client secret</legend>
                <p data-testid="sso-secret-set">
                  A client secret is set (it is never shown).{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setReplacing(true);
                      requestAnimationFrame(() => refs.clientSecret.current?.focus());
                    }}
                  >
                    Replace secret
                  </button>
                </p>
              </fieldset>
            )}
            <CopyField
              id="sso-redirect-uri"
              label="Redirect URI to register at the provider"
              value={current.redirectUri}
            />
          </>
        )}
        <CopyField
          id="sso-sign-in-link"
          label="Sign-in link for the Baton tile in your provider’s dashboard"
          value={current.signInLink}
        />
        <InputField
          id="sso-domains"
          ref={refs.emailDomains}
          label="E-mail domains"
          autoComplete="off"
          value={d.domains}
          onChange={(domains) => change({ domains })}
          hint="Addresses ending in these sign in here, separated by commas: acme.com, eu.acme.com"
          error={errors.emailDomains}
        />
        <DomainProofs
          domains={current.domains}
          proofAsked={current.domainProofAsked}
          onProved={(answer) => {
            saved.set(answer);
            setDone(null);
          }}
        />
        <fieldset className="fieldset">
          <legend>Who may still sign in with a password</legend>
          <ul className="security-options">
            {passwordChoices.map((o) => (
              <li key={o.value}>
                <input
                  type="radio"
                  id={`sso-password-${o.value}`}
                  name="passwordSignIn"
                  value={o.value}
                  checked={d.passwordSignIn === o.value}
                  onChange={() => change({ passwordSignIn: o.value })}
                  aria-describedby={`sso-password-${o.value}-hint`}
                />
                <label htmlFor={`sso-password-${o.value}`}>{o.label}</label>
                <span className="hint" id={`sso-password-${o.value}-hint`}>
                  {o.hint}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="field">
          <label htmlFor="sso-first-sign-in">People of these domains whom Baton does not know yet</label>
          <select
            id="sso-first-sign-in"
            value={d.addPeopleAs}
            onChange={(e) => change({ addPeopleAs: e.target.value })}
            aria-describedby="sso-first-sign-in-hint"
          >
            {firstSignInChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <span className="hint" id="sso-first-sign-in-hint">
            Added on their first sign-in, with no team: a lead puts them in teams. Someone deactivated stays
            out.
          </span>
        </div>
        <ErrorNote error={error} title="Not saved" />
        {done ? (
          <div className="note note-good" role="status">
            {done}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save single sign-on'}
          </button>
        </div>
      </form>
    </Section>
  );
}
