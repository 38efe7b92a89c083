import type { AuditFormat } from '../../../src/audit/audit.types.ts';
import type { AuditReport } from '../../../src/audit/report.ts';

export type { AuditFormat, AuditReport };

/** What the page asks the audit worker: one file, its format (guessed from the content when left out). */
export type AuditRequest = { file: File; format?: AuditFormat };

/** What the worker answers: progress while it reads, then the report or why it could not. */
export type AuditMessage =
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'done'; report: AuditReport; html: string; seconds: number }
  | { type: 'failed'; message: string };
