import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { CopyField } from '../app/CopyField.tsx';
import { counted, formatDateTime } from '../app/format.ts';
import { fieldMessage } from '../app/InputField.tsx';
import { Badge } from '../app/ui.tsx';
import { type DomainProof, type SsoSettings, ssoApi } from './sso-api.ts';

/** What checking a domain's record came to, in words, with what DNS answered when it was wrong. */
type Outcome = { domain: string; good: boolean; text: string; found?: string[] };

/**
 * The single sign-on domains as saved, each with its proof: a domain signs its people in only once
 * proved. An unproved one shows the DNS TXT record to publish, to copy, and **Check DNS record**,
 * which asks Baton to look it up now and says what it found when it is not right yet. A proved one
 * whose record the daily check no longer finds says when it will stop signing in, with the same.
 */
export function DomainProofs({
  domains,
  proofAsked,
  onProved,
}: {
  domains: DomainProof[];
  proofAsked: boolean;
  onProved: (answer: SsoSettings) => void;
}) {
  const [checking, setChecking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (domains.length === 0 || (!proofAsked && domains.every((d) => d.proved && !d.missingSince))) return null;

  const check = async (domain: string) => {
    setChecking(domain);
    setOutcome(null);
    try {
      const answer = await ssoApi.prove(domain);
      onProved(answer);
      const ended = answer.passwordSessionsEnded
        ? ` ${counted(answer.passwordSessionsEnded, 'password session')} of its people ${answer.passwordSessionsEnded === 1 ? 'was' : 'were'} signed out.`
        : '';
      const wasMissing = domains.find((d) => d.domain === domain)?.missingSince;
      setOutcome({
        domain,
        good: true,
        text: wasMissing
          ? `${domain}’s record is back: it stays proved.`
          : `${domain} is proved: its people now sign in with single sign-on.${ended}`,
      });
    } catch (err) {
      const found =
        err instanceof ApiError && Array.isArray(err.details.found) ? (err.details.found as string[]) : [];
      setOutcome({
        domain,
        good: false,
        text: fieldMessage(err instanceof Error ? err.message : String(err)),
        found,
      });
    } finally {
      setChecking(null);
    }
  };

  return (
    <fieldset className="fieldset field" data-testid="sso-domain-proofs">
      <legend>Domain ownership</legend>
      <p className="small muted">
        {proofAsked
          ? 'Several organisations share this Baton: a domain signs people in only once you prove you own it, with a DNS TXT record.'
          : 'Domains saved while this Baton asks no proof sign in at once.'}
      </p>
      <ul className="domain-proofs">
        {domains.map((d, i) => (
          <li key={d.domain}>
            <div className="domain-proof-head">
              <strong className="address">{d.domain}</strong>{' '}
              {d.proved && d.missingSince ? (
                <Badge tone="warn">Proved, record missing</Badge>
              ) : d.proved ? (
                <Badge tone="good">{d.provedBy === 'dns' ? 'Proved by DNS' : 'Signs in'}</Badge>
              ) : (
                <Badge tone="warn">Not proved: signs nobody in</Badge>
              )}
              {d.proved && d.provedBy === 'dns' && d.provedAt ? (
                <span className="small muted"> {formatDateTime(d.provedAt)}</span>
              ) : null}
            </div>
            {d.proved && d.missingSince && d.stopsSigningInAt ? (
              <div className="note note-warn" role="alert">
                <span>
                  Baton’s daily check has not found the TXT record since {formatDateTime(d.missingSince)}. Put
                  it back: on {formatDateTime(d.stopsSigningInAt)} {d.domain} stops signing anyone in, until
                  it is proved again.
                </span>
              </div>
            ) : null}
            {d.proved && !d.missingSince ? null : (
              <>
                <CopyField id={`sso-proof-name-${i}`} label="TXT record name" value={d.record.name} />
                <CopyField id={`sso-proof-value-${i}`} label="TXT record value" value={d.record.value} />
                <button
                  type="button"
                  className="button domain-proof-check"
                  disabled={checking !== null}
                  onClick={() => void check(d.domain)}
                >
                  {checking === d.domain ? 'Checking…' : `Check DNS record for ${d.domain}`}
                </button>
              </>
            )}
            {outcome?.domain === d.domain ? (
              <div className={`note ${outcome.good ? 'note-good' : 'note-error'}`} role="status">
                <span>
                  {outcome.text}
                  {outcome.found?.length ? (
                    <> DNS answers: {outcome.found.map((f) => `“${f}”`).join(', ')}.</>
                  ) : null}
                </span>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
