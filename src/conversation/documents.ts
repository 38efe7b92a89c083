import { splitSentences } from './nlp.ts';

/** The kinds of documents a case can hold; packets and document requests use these names. */
export const DOCUMENT_KINDS = [
  'invoice',
  'receipt',
  'screenshot',
  'id_document',
  'bank_statement',
  'order_number',
  'tracking_number',
  'contract',
  'photo',
  'log',
  'error_message',
  'proof_of_address',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type Role = 'customer' | 'agent' | 'bot';

// Checked in this order; a phrase that matched is blanked so that "photo ID" is not also a photo.
const PATTERNS: [DocumentKind, RegExp][] = [
  [
    'id_document',
    /\b(?:passports?|driv(?:er'?s?|ing) licen[cs]es?|(?:photo|government|national|state) id|id cards?|identity (?:cards?|documents?)|identification)\b/gi,
  ],
  ['id_document', /\bIDs?\b/g],
  ['bank_statement', /\b(?:bank|card|account) statements?\b|\bstatements? from (?:my|your|the) bank\b/gi],
  ['proof_of_address', /\b(?:proof of (?:address|residence)|utility bills?)\b/gi],
  [
    'order_number',
    /\b(?:order|confirmation|booking|reservation|ticket) (?:number|no\.?|#|id|reference|ref)|\border #?\d{4,}|\bbooking reference\b/gi,
  ],
  ['tracking_number', /\btracking (?:number|no\.?|#|id|code|link)\b/gi],
  ['invoice', /\binvoices?\b/gi],
  ['receipt', /\breceipts?\b|\bproof of (?:purchase|payment)\b/gi],
  ['screenshot', /\bscreen ?shots?\b|\bscreen ?caps?\b|\bscreen ?grabs?\b/gi],
  ['error_message', /\berror (?:messages?|codes?|screens?|popups?)\b/gi],
  [
    'log',
    /\blog ?files?\b|\blogs\b|\b(?:crash|diagnostic|error) (?:reports?|logs?)\b|\bsysdiagnose\b|\bhar files?\b/gi,
  ],
  ['contract', /\bcontracts?\b|\b(?:signed|rental|service|lease|loan) agreements?\b|\bleases?\b/gi],
  ['photo', /\bphotos?\b|\bpictures?\b|\bpics?\b|\bimages?\b/gi],
];

const REQUEST =
  /\b(?:please|pls|kindly|can you|could you|would you|will you|need|require|send|share|provide|attach|upload|forward|include|reply with|dm us|dm me|let us know|what is|what's|do you have)\b/i;
const PROVIDED =
  /\b(?:attached|attaching|enclosed|here (?:is|are)|here's|i(?:'ve| have)? (?:just |already )?(?:sent|uploaded|forwarded|emailed|shared|included|attached|provided|dm'?e?d)|we(?:'ve| have)? (?:sent|emailed|issued|attached)|sending|see (?:the )?(?:attached|below|above)|find (?:attached|enclosed)|already (?:sent|gave|provided))\b/i;

/** The document kinds named in `text`, in order of first mention, each once. */
export function documentKinds(text: string): DocumentKind[] {
  let rest = text.replace(/[’‘]/g, "'");
  const found: [number, DocumentKind][] = [];
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    let first = -1;
    rest = rest.replace(pattern, (match, offset: number) => {
      if (first < 0) first = offset;
      return ' '.repeat(match.length);
    });
    if (first >= 0 && !found.some(([, k]) => k === kind)) found.push([first, kind]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, kind]) => kind);
}

export interface DocumentMention {
  /** index of the turn */
  turn: number;
  role: Role;
  kind: DocumentKind;
  action: 'provided' | 'requested' | 'mentioned';
}

/** Who provided and who asked for which document, sentence by sentence. */
export function documentMentions(turns: readonly { role: Role; text: string }[]): DocumentMention[] {
  const mentions: DocumentMention[] = [];
  turns.forEach((turn, index) => {
    for (const sentence of splitSentences(turn.text)) {
      const kinds = documentKinds(sentence);
      if (kinds.length === 0) continue;
      const clean = sentence.replace(/[’‘]/g, "'");
      const action = PROVIDED.test(clean)
        ? 'provided'
        : turn.role !== 'customer' && (REQUEST.test(clean) || clean.trim().endsWith('?'))
          ? 'requested'
          : 'mentioned';
      for (const kind of kinds) mentions.push({ turn: index, role: turn.role, kind, action });
    }
  });
  return mentions;
}

export interface DialogDocuments {
  /** kinds the agent or bot asked for that are not on file */
  required: DocumentKind[];
  /** kinds someone provided in the conversation */
  onFile: DocumentKind[];
  /** kinds asked for again after they were provided */
  rerequested: DocumentKind[];
}

/** The packet's documents from a conversation. */
export function dialogDocuments(turns: readonly { role: Role; text: string }[]): DialogDocuments {
  const onFile = new Set<DocumentKind>();
  const required = new Set<DocumentKind>();
  const rerequested = new Set<DocumentKind>();
  for (const m of documentMentions(turns)) {
    if (m.action === 'provided') {
      onFile.add(m.kind);
      required.delete(m.kind);
    } else if (m.action === 'requested') {
      if (onFile.has(m.kind)) rerequested.add(m.kind);
      else required.add(m.kind);
    }
  }
  return { required: [...required], onFile: [...onFile], rerequested: [...rerequested] };
}

/** The kinds an agent's message asks for although they are already on file. */
export function rerequestedKinds(onFile: readonly string[], agentText: string): DocumentKind[] {
  const asked = documentMentions([{ role: 'agent', text: agentText }]).filter(
    (m) => m.action === 'requested',
  );
  return [...new Set(asked.map((m) => m.kind))].filter((kind) => onFile.includes(kind));
}
