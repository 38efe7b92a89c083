import { findOnFile } from '../../../src/documents/on-file.ts';
import { completeness, missingFields } from '../../../src/packets/completeness.ts';
import type { CaseDetail, Emotion, Packet, PacketField, Scenario, Urgency } from '../api/types.ts';
import { kindKey, kindWords } from '../cases/document-kinds.ts';

/**
 * The hand-off form's state and its packet. Lists are edited one item per line. The completeness
 * rule is the server's own (src/packets/completeness.ts), so the meter and the 422 always agree.
 */
export type PacketDraft = {
  whatHappened: string;
  attempted: string;
  emotion: Emotion | '';
  required: string;
  onFile: string[];
  urgency: Urgency | '';
  nextSteps: string;
  summary: string;
};

export const emptyDraft = (onFile: string[] = []): PacketDraft => ({
  whatHappened: '',
  attempted: '',
  emotion: '',
  required: '',
  onFile,
  urgency: '',
  nextSteps: '',
  summary: '',
});

export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The kinds typed, comma-separated and in words, as the keys a packet keeps ("Bank statement" → `bank_statement`). */
export const kinds = (text: string) => [
  ...new Set(
    text
      .split(/[,\n]/)
      .filter((k) => k.trim())
      .map(kindKey),
  ),
];

export function toPacket(d: PacketDraft): Packet {
  const p: Packet = { documents: { required: kinds(d.required), onFile: d.onFile } };
  if (d.whatHappened.trim()) p.whatHappened = d.whatHappened.trim();
  if (lines(d.attempted).length) p.attempted = lines(d.attempted);
  if (d.emotion) p.emotion = d.emotion;
  if (d.urgency) p.urgency = d.urgency;
  if (lines(d.nextSteps).length) p.nextSteps = lines(d.nextSteps);
  if (d.summary.trim()) p.summary = d.summary.trim();
  return p;
}

/** Fills the empty fields of a draft from a suggested packet; what the agent typed wins. */
export function prefill(d: PacketDraft, s: Partial<Packet> | undefined): PacketDraft {
  if (!s) return d;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '');
  return {
    whatHappened: d.whatHappened || text(s.whatHappened),
    attempted: d.attempted || list(s.attempted),
    emotion: d.emotion || (s.emotion ?? ''),
    required: d.required || (s.documents?.required ?? []).map(kindWords).join(', '),
    onFile: d.onFile.length ? d.onFile : (s.documents?.onFile ?? []),
    urgency: d.urgency || (s.urgency ?? ''),
    nextSteps: d.nextSteps || list(s.nextSteps),
    summary: d.summary || text(s.summary),
  };
}

export type Completeness = { missing: PacketField[]; percent: number; required: PacketField[] };

export function measure(d: PacketDraft, scenario: Scenario | undefined): Completeness {
  const required = (scenario?.required ?? []) as PacketField[];
  const packet = toPacket(d);
  return {
    required,
    missing: missingFields(packet, required),
    percent: completeness(packet, required, scenario?.weights ?? {}),
  };
}

/** Kinds the packet asks for that the case already has on file (invariant 3: warn, never silently). */
export function alreadyOnFile(d: PacketDraft, c: CaseDetail) {
  return kinds(d.required)
    .map((k) => findOnFile(c.documents, k))
    .filter((x): x is CaseDetail['documents'][number] => Boolean(x));
}

/** The scenario to start with: the tagger's, else the one the case's issue type triggers, else one from my team. */
export function initialScenario(
  scenarios: Scenario[],
  c: CaseDetail,
  myTeams: string[],
  suggested?: string,
): string {
  if (suggested && scenarios.some((s) => s.id === suggested)) return suggested;
  const byType = c.issueType
    ? scenarios.find((s) => s.trigger?.issueTypes?.some((t) => c.issueType?.startsWith(t)))
    : undefined;
  if (byType) return byType.id;
  return (scenarios.find((s) => s.fromTeam && myTeams.includes(s.fromTeam)) ?? scenarios[0])?.id ?? '';
}
