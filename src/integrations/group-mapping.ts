import type { GroupMapping, VendorEvent } from './adapters.types.ts';

type Group = NonNullable<NonNullable<VendorEvent['assignment']>['group']>;

/** The scenario a helpdesk group maps to: by its id first, then by its name ignoring case. */
export function scenarioFor(
  mappings: readonly Pick<GroupMapping, 'group' | 'scenario'>[],
  group: Group | null,
) {
  if (!group) return undefined;
  const byId = group.id ? mappings.find((m) => m.group === group.id) : undefined;
  if (byId) return byId.scenario;
  const name = group.name?.trim().toLowerCase();
  return name ? mappings.find((m) => m.group.trim().toLowerCase() === name)?.scenario : undefined;
}
