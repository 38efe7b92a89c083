// Audits a helpdesk export inside the browser, off the page's thread: the file is read as a stream
// (constant memory, as the command line does) and never leaves the machine. The engine is the one
// `baton audit` runs (src/audit), so the figures are the contract's.
import { inputKindOf, runAudit } from '../../../src/audit/audit.ts';
import { renderAuditHtml } from '../../../src/audit/report-html.ts';
import { AuditInputError } from '../../../src/audit/values.ts';
import type { AuditMessage, AuditRequest } from './audit-messages.ts';

/** How often, at most, the page hears how far the reading is. */
const PROGRESS_EVERY_MS = 100;

const post = (message: AuditMessage) => self.postMessage(message);

/** The file's text, chunk by chunk, counting the bytes read. */
async function* textOf(file: File, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    onBytes(bytes);
    yield decoder.decode(value, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

self.onmessage = async (e: MessageEvent<AuditRequest>) => {
  const { file, format } = e.data;
  const started = performance.now();
  let bytes = 0;
  let rows = 0;
  let told = 0;
  const tell = () => {
    const now = performance.now();
    if (now - told < PROGRESS_EVERY_MS) return;
    told = now;
    post({ type: 'progress', bytes, rows });
  };
  try {
    const report = await runAudit(
      textOf(file, (b) => {
        bytes = b;
        tell();
      }),
      {
        format,
        kind: inputKindOf(file.name),
        file: file.name,
        onProgress: (r) => {
          rows = r;
          tell();
        },
      },
    );
    post({ type: 'progress', bytes: file.size, rows });
    post({
      type: 'done',
      report,
      html: renderAuditHtml(report),
      seconds: (performance.now() - started) / 1000,
    });
  } catch (error) {
    post({
      type: 'failed',
      message:
        error instanceof AuditInputError
          ? error.message
          : `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
};
