/** Document kinds compare loosely: "Invoice", "invoice " and "invoices" are one kind. */
export function normaliseKind(kind: string): string {
  const k = kind
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return k.length > 3 && k.endsWith('s') && !k.endsWith('ss') ? k.slice(0, -1) : k;
}

export type OnFile = { id?: string; kind: string; name: string; providedAt: Date };

/** The document on file that a request for `kind` would ask for again, if any (invariant 3). */
export function findOnFile<T extends Pick<OnFile, 'kind'>>(
  onFile: readonly T[],
  kind: string,
): T | undefined {
  const wanted = normaliseKind(kind);
  return onFile.find((d) => normaliseKind(d.kind) === wanted);
}

/**
 * The kinds a packet asks the customer for that are on file already (invariant 3), each once, with
 * the document on file: a send flags them as asked for again without a reason.
 */
export function askedAgain<T extends Pick<OnFile, 'kind'>>(
  required: readonly string[],
  onFile: readonly T[],
): { kind: string; document: T }[] {
  const seen = new Set<string>();
  return required.flatMap((kind) => {
    const document = findOnFile(onFile, kind);
    if (!document || seen.has(normaliseKind(kind))) return [];
    seen.add(normaliseKind(kind));
    return [{ kind, document }];
  });
}
