import { type Ref, useId, useState } from 'react';
import type { CertificateSummary, ServiceProvider } from '../../../src/auth/saml.ts';
import { CopyField } from '../app/CopyField.tsx';
import { formatDateTime, formatDay } from '../app/format.ts';
import { InputField } from '../app/InputField.tsx';
import { Badge } from '../app/ui.tsx';
import { idpMetadataOf } from './saml-metadata.ts';

/** Days before a certificate's end when the page starts saying so: providers roll keys yearly. */
const warnDays = 30;

/**
 * A saved certificate's end in words when it is near or past: an expired one fails every sign-in
 * (the provider signs with its new key), so the admin hears of it before the day.
 */
function CertificateEnd({ validTo }: { validTo: string }) {
  const days = Math.floor((Date.parse(validTo) - Date.now()) / 86_400_000);
  if (days > warnDays) return null;
  return days < 0 ? (
    <p className="small">
      <Badge tone="bad">Expired</Badge> Responses signed with it are refused: paste the provider’s current
      certificate.
    </p>
  ) : (
    <p className="small">
      <Badge tone="warn">
        {days === 0 ? 'Expires today' : `Expires in ${days} day${days === 1 ? '' : 's'}`}
      </Badge>{' '}
      Paste the provider’s next certificate beside this one (both are accepted) before it rolls its key.
    </p>
  );
}

export type SamlDraft = {
  samlSignInUrl: string;
  samlIdpEntityId: string;
  samlCertificate: string;
  samlMetadataUrl: string;
};

/** The saved metadata address, when Baton last read it and why that failed. */
export type MetadataRead = { url: string; at: string | null; problem: string | null };

/** The saved certificates: whose, until when, their fingerprints, and a warning near their end. */
function CertificateList({ saved }: { saved: CertificateSummary[] }) {
  return (
    <ul className="saml-certificates" data-testid="saml-certificates">
      {saved.map((c) => (
        <li key={c.fingerprint}>
          <strong>{c.subject}</strong>, valid until {formatDay(c.validTo)}
          <br />
          <span className="small muted mono">SHA-256 {c.fingerprint}</span>
          <CertificateEnd validTo={c.validTo} />
        </li>
      ))}
    </ul>
  );
}

/**
 * With a metadata address, the fields are the provider's: the page says when Baton last read them
 * (or why it could not), and shows what it read.
 */
function FromMetadata({
  draft,
  read,
  saved,
}: {
  draft: SamlDraft;
  read?: MetadataRead;
  saved: CertificateSummary[];
}) {
  const draftUrl = draft.samlMetadataUrl;
  const current = read && read.url === draftUrl.trim() ? read : undefined;
  if (!current)
    return (
      <p className="small" role="status">
        Baton reads the sign-in URL, entity ID and signing certificates from this address when you save, then
        again every day, so the provider’s key rollovers need nobody.
      </p>
    );
  return (
    <fieldset className="fieldset field" data-testid="saml-metadata-read">
      <legend>Read from the metadata</legend>
      {current.problem ? (
        <p className="small" role="alert">
          <Badge tone="bad">Last read failed</Badge> {current.problem} Baton keeps what it read before and
          tries again within the hour.
        </p>
      ) : (
        <p className="small">
          <Badge tone="good">Read</Badge> {current.at ? formatDateTime(current.at) : ''}; read again every
          day.
        </p>
      )}
      <p className="small">
        Sign-in URL <code>{draft.samlSignInUrl}</code>
        {draft.samlIdpEntityId ? (
          <>
            {' '}
            · entity ID <code>{draft.samlIdpEntityId}</code>
          </>
        ) : null}
      </p>
      <CertificateList saved={saved} />
    </fieldset>
  );
}

/**
 * The SAML 2.0 half of single sign-on's settings: what to register at the identity provider
 * (Baton's entity ID, reply URL and metadata, to copy), then the provider's sign-in URL, entity ID
 * and signing certificate, typed or filled in from its metadata XML. A saved certificate shows as
 * whose it is, until when and its fingerprint, with Replace; a pasted one is sent as it is.
 */
export function SamlFields({
  draft,
  onChange,
  saved,
  metadataRead,
  serviceProvider,
  errors,
  refs,
}: {
  draft: SamlDraft;
  onChange: (patch: Partial<SamlDraft>) => void;
  saved: CertificateSummary[];
  metadataRead?: MetadataRead;
  serviceProvider: ServiceProvider;
  errors: Partial<Record<keyof SamlDraft, string>>;
  refs: {
    samlSignInUrl: Ref<HTMLInputElement>;
    samlIdpEntityId: Ref<HTMLInputElement>;
    samlCertificate: Ref<HTMLTextAreaElement>;
    samlMetadataUrl: Ref<HTMLInputElement>;
  };
}) {
  const id = useId();
  const [replacing, setReplacing] = useState(false);
  const [metadata, setMetadata] = useState('');
  const [metadataNote, setMetadataNote] = useState<{ good: boolean; text: string } | null>(null);
  const certificateField = saved.length === 0 || replacing || draft.samlCertificate !== '';
  const fillIn = () => {
    const found = idpMetadataOf(metadata);
    if ('problem' in found) {
      setMetadataNote({ good: false, text: found.problem });
      return;
    }
    onChange({
      samlSignInUrl: found.signInUrl,
      samlIdpEntityId: found.entityId,
      samlCertificate: found.certificate,
    });
    setReplacing(true);
    setMetadata('');
    setMetadataNote({ good: true, text: 'Filled in from the metadata: check the fields, then save.' });
  };
  const certError = errors.samlCertificate;
  return (
    <>
      <fieldset className="fieldset">
        <legend>Register Baton at your identity provider</legend>
        <CopyField
          id="saml-acs-url"
          label="Reply URL (Assertion Consumer Service)"
          value={serviceProvider.acsUrl}
        />
        <CopyField id="saml-entity-id" label="Entity ID (audience)" value={serviceProvider.entityId} />
        <p className="small muted">
          Or give the provider Baton’s metadata:{' '}
          <a href={serviceProvider.metadataUrl}>{serviceProvider.metadataUrl}</a>. Name ID: the person’s
          e-mail address.
        </p>
      </fieldset>
      <InputField
        id="saml-metadata-url"
        ref={refs.samlMetadataUrl}
        required={false}
        label="Metadata URL"
        autoComplete="off"
        value={draft.samlMetadataUrl}
        onChange={(samlMetadataUrl) => onChange({ samlMetadataUrl })}
        hint="Where the provider publishes its SAML metadata (Okta, Entra ID and Keycloak give one). Leave empty to paste the metadata or type the fields."
        error={errors.samlMetadataUrl}
      />
      {draft.samlMetadataUrl.trim() ? (
        <FromMetadata draft={draft} read={metadataRead} saved={saved} />
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-metadata`}>Identity provider metadata (optional)</label>
            <textarea
              id={`${id}-metadata`}
              rows={3}
              value={metadata}
              placeholder="<EntityDescriptor …>"
              aria-describedby={`${id}-metadata-hint`}
              onChange={(e) => {
                setMetadata(e.target.value);
                setMetadataNote(null);
              }}
            />
            <p className="small muted" id={`${id}-metadata-hint`}>
              Paste the XML your provider offers to download to fill in the three fields below.
            </p>
            <div>
              <button type="button" className="button" disabled={!metadata.trim()} onClick={fillIn}>
                Fill in from metadata
              </button>
            </div>
            {metadataNote ? (
              <p
                className={metadataNote.good ? 'small' : 'field-error'}
                role={metadataNote.good ? 'status' : 'alert'}
              >
                {metadataNote.text}
              </p>
            ) : null}
          </div>
          <InputField
            id="saml-sign-in-url"
            ref={refs.samlSignInUrl}
            label="Sign-in URL"
            autoComplete="off"
            value={draft.samlSignInUrl}
            onChange={(samlSignInUrl) => onChange({ samlSignInUrl })}
            hint="The provider's single sign-on URL (HTTP-Redirect), such as https://acme.okta.com/app/…/sso/saml"
            error={errors.samlSignInUrl}
          />
          <InputField
            id="saml-idp-entity-id"
            ref={refs.samlIdpEntityId}
            required={false}
            label="Identity provider entity ID (issuer)"
            autoComplete="off"
            value={draft.samlIdpEntityId}
            onChange={(samlIdpEntityId) => onChange({ samlIdpEntityId })}
            hint="Given, a response from another issuer is refused. Leave empty to accept any issuer the certificate signs for."
            error={errors.samlIdpEntityId}
          />
          {certificateField ? (
            <div className={certError ? 'field field-invalid' : 'field'}>
              <label htmlFor="saml-certificate">
                {saved.length ? 'New signing certificate' : 'Signing certificate'}
              </label>
              <textarea
                id="saml-certificate"
                ref={refs.samlCertificate}
                rows={5}
                className="mono"
                value={draft.samlCertificate}
                placeholder="-----BEGIN CERTIFICATE-----"
                aria-invalid={certError ? true : undefined}
                aria-describedby={`saml-certificate-hint${certError ? ' saml-certificate-error' : ''}`}
                onChange={(e) => onChange({ samlCertificate: e.target.value })}
              />
              <p className="small muted" id="saml-certificate-hint">
                The X.509 certificate the provider signs with, as PEM or its base64 text. Paste both while the
                provider rolls its key over.
              </p>
              {certError ? (
                <p className="field-error" id="saml-certificate-error" role="alert">
                  {certError}
                </p>
              ) : null}
            </div>
          ) : (
            <fieldset className="fieldset field">
              <legend>Signing certificate</legend>
              <CertificateList saved={saved} />
              <p>
                <button type="button" className="link-button" onClick={() => setReplacing(true)}>
                  Replace certificate
                </button>
              </p>
            </fieldset>
          )}
        </>
      )}
    </>
  );
}
