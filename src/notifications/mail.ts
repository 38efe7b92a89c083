import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

const timeoutMs = 10_000;
const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    if (transports.size > 20) transports.clear();
    t = nodemailer.createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    transports.set(url, t);
  }
  return t;
}

/** Sends one plain-text e-mail through the configured SMTP server (one pooled transport per URL). */
export async function sendMail(
  config: Pick<Config, 'smtpFrom'> & { smtpUrl: string },
  mail: { to: string; subject: string; text: string },
) {
  await transportFor(config.smtpUrl).sendMail({ from: config.smtpFrom, ...mail });
}
