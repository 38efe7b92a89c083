import { normaliseKind } from '../documents/on-file.ts';
import { type DocumentKind, documentKinds } from './documents.ts';
import { splitSentences } from './nlp.ts';

// An agent asks the customer for a document: a question or an instruction aimed at them. Telling
// them what the agent does with it ("I'll forward your invoice to Finance"), thanking them for it
// ("we received your invoice, thanks") or saying it is not needed is not asking.
const VERBS =
  '(?:send|re-?send|share|provide|attach|upload|forward|email|e-mail|submit|dm|give|reply with|text)';
const ASKS: RegExp[] = [
  new RegExp(`\\b(?:can|could|would|will) you\\b(?:\\s+\\w+){0,3}?\\s+(?:please\\s+)?${VERBS}\\b`, 'i'),
  new RegExp(
    `^(?:(?:ok(?:ay)?|so|and|also|then|now|next|first|lastly|finally),?\\s+)*(?:please\\s+|kindly\\s+|just\\s+)?${VERBS}\\b`,
    'i',
  ),
  new RegExp(`\\b(?:please|kindly)\\b(?:\\s+\\w+){0,2}?\\s+${VERBS}\\b`, 'i'),
  /\b(?:we|i)(?:'ll| will| would| do)? (?:still |also |just )?(?:need|require)\b/i,
  /\b(?:we|i)(?:'d| would) (?:like|love) (?:to (?:see|have|get)|a copy)\b/i,
  /\b(?:do|would) you (?:have|mind)\b/i,
  /\bwhat(?:'s| is) (?:your|the)\b/i,
  /\b(?:is|are) there (?:an?|any)\b/i,
  /\b(?:need|require)s? (?:a|an|the|your|another|a new|a copy of)\b/i,
  /\bplease\W*$/i,
];
const NOT_ASKING: RegExp[] = [
  /\b(?:no|not|never|don't|do not|doesn't|does not|won't|no longer) (?:\w+ )?(?:need|require|necessary|have to)\b/i,
  /\bno need\b/i,
  /\bnot necessary\b/i,
  /\b(?:thanks|thank you) for (?:the|your|sending|sharing|providing|attaching|uploading)\b/i,
  /\b(?:we|i)(?:'ve| have)? (?:just |already )?(?:received|got|have|found|see|can see|checked|reviewed|opened)\b/i,
  /\b(?:i|we)(?:'ll| will| am going to|'m going to| can) (?:\w+ )?(?:send|forward|email|share|pass|attach)\b/i,
  /\b(?:already on file|on file)\b.*\bthanks?\b/i,
];

export type DocumentAsk = { kind: DocumentKind; sentence: string };

/** The document kinds an agent's message asks the customer for, with the sentence that asks. */
export function documentAsks(text: string): DocumentAsk[] {
  const out: DocumentAsk[] = [];
  for (const raw of splitSentences(text.replace(/[’‘]/g, "'"))) {
    const sentence = raw.trim();
    const kinds = documentKinds(sentence);
    if (kinds.length === 0) continue;
    if (NOT_ASKING.some((p) => p.test(sentence))) continue;
    // A question about the document ("when was the invoice issued?") is not a request for it.
    if (!ASKS.some((p) => p.test(sentence))) continue;
    for (const kind of kinds) if (!out.some((a) => a.kind === kind)) out.push({ kind, sentence });
  }
  return out;
}

export type OnFileDocument = { id: string; kind: string; name: string };

export type DocumentReRequest = DocumentAsk & { document: OnFileDocument };

/** A registry kind ("Invoices", "passport", "utility_bill") read as a detected kind. */
export function sameKind(registryKind: string, kind: DocumentKind): boolean {
  return (
    normaliseKind(registryKind) === kind || documentKinds(registryKind.replace(/_/g, ' ')).includes(kind)
  );
}

/**
 * Invariant 3 in the conversation: what an agent's message asks for again although a document of
 * that kind is on file, each with the document on file.
 */
export function documentReRequests(
  onFile: readonly OnFileDocument[],
  agentText: string,
): DocumentReRequest[] {
  const out: DocumentReRequest[] = [];
  for (const ask of documentAsks(agentText)) {
    const document = onFile.find((d) => sameKind(d.kind, ask.kind));
    if (document) out.push({ ...ask, document });
  }
  return out;
}
