import type { Packet, PacketField } from './packet.types.ts';

/** A required text must be non-blank and a required list non-empty; `documents` may hold empty lists. */
export function isFieldPresent(packet: Packet, field: PacketField): boolean {
  const value = packet[field];
  if (value === undefined || value === null) return false;
  if (field === 'documents') return typeof value === 'object';
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && v.trim().length > 0);
  return true;
}

/** The required fields a packet lacks, in the scenario's order (invariant 2). */
export function missingFields(packet: Packet, required: readonly PacketField[]): PacketField[] {
  return required.filter((f) => !isFieldPresent(packet, f));
}

/**
 * Completeness 0-100: the weighted share of the scenario's fields that are present. Required
 * fields weigh 1 unless the scenario says otherwise; `summary` counts when a weight is given.
 */
export function completeness(
  packet: Packet,
  required: readonly PacketField[],
  weights: Partial<Record<PacketField, number>> = {},
): number {
  const fields = new Set<PacketField>([...required, ...(Object.keys(weights) as PacketField[])]);
  let total = 0;
  let present = 0;
  for (const f of fields) {
    const w = weights[f] ?? 1;
    total += w;
    if (isFieldPresent(packet, f)) present += w;
  }
  return total === 0 ? 100 : Math.round((present / total) * 100);
}
