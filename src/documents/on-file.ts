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
