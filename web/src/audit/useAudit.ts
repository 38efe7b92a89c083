import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditFormat, AuditMessage, AuditReport, AuditRequest } from './audit-messages.ts';

export type AuditRun =
  | { state: 'idle' }
  | { state: 'reading'; file: string; size: number; bytes: number; rows: number }
  | { state: 'done'; file: string; report: AuditReport; html: string; seconds: number }
  | { state: 'failed'; file: string; message: string }
  | { state: 'cancelled'; file: string; size: number; bytes: number };

/** One audit at a time, run by a worker; a new start or leaving the page stops the one before. */
export function useAudit() {
  const [run, setRun] = useState<AuditRun>({ state: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (file: File, format?: AuditFormat) => {
      stop();
      const w = new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setRun({ state: 'reading', file: file.name, size: file.size, bytes: 0, rows: 0 });
      w.onmessage = (e: MessageEvent<AuditMessage>) => {
        const m = e.data;
        if (m.type === 'progress')
          setRun((r) => (r.state === 'reading' ? { ...r, bytes: m.bytes, rows: m.rows } : r));
        else {
          stop();
          setRun(
            m.type === 'done'
              ? { state: 'done', file: file.name, report: m.report, html: m.html, seconds: m.seconds }
              : { state: 'failed', file: file.name, message: m.message },
          );
        }
      };
      w.onerror = (e) => {
        stop();
        setRun({ state: 'failed', file: file.name, message: e.message || 'the audit stopped unexpectedly' });
      };
      w.postMessage({ file, format } satisfies AuditRequest);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setRun((r) =>
      r.state === 'reading' ? { state: 'cancelled', file: r.file, size: r.size, bytes: r.bytes } : r,
    );
  }, [stop]);

  return { run, start, cancel };
}
