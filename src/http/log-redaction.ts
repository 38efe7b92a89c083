import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * Secrets never reach the logs. Two nets: fields named like a secret are censored wherever a log
 * call puts them (one level deep, and in request/response headers), and error messages and stacks
 * are scrubbed of what tends to hide in them: bearer tokens, Baton's own token, session and reset link
 * formats, credentials in URLs, and the parameters a failed SQL query echoes.
 */
const secretFields = [
  'password',
  'token',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  'signature',
  'adminToken',
  'webhookSecret',
  'smtpUrl',
  'recoveryCodes',
  'totpSecret',
  'totpPendingSecret',
];

export const redactPaths = [
  ...secretFields,
  ...secretFields.map((f) => `*.${f}`),
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-baton-signature"]',
  '*.llm.apiKey',
  'config.llm.apiKey',
];

export function scrub(text: string): string {
  return text
    .replace(/(Bearer|Basic)\s+[^\s"',]+/gi, '$1 [redacted]')
    .replace(/\b(btn|ses|rst|scim)_[A-Za-z0-9_-]{16,}/g, '$1_[redacted]')
    .replace(/(\w+:\/\/)[^\s/@:]+:[^\s/@]+@/g, '$1[redacted]@')
    .replace(/(sha256=|v1=)[0-9a-f]{16,}/gi, '$1[redacted]')
    .replace(/(\n|^)\s*params: .*/g, '$1params: [redacted]');
}

function errSerializer(error: unknown) {
  if (typeof error === 'string') return scrub(error);
  const out = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack'] as const)
    if (typeof out[key] === 'string') out[key] = scrub(out[key] as string);
  return out;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: errSerializer, error: errSerializer },
  };
}

/** The process logger: JSON lines with the redaction above, to stdout unless told otherwise. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
