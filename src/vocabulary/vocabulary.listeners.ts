import { onEventInTransaction } from '../events/events.commands.ts';
import { EventType } from '../events/names.ts';
import { recordRoutingError, recordTerm } from './corrections.commands.ts';
import { normaliseTerm } from './normalise.ts';
import { teamOfPerson } from './tagging.queries.ts';
import { loadTaxonomy } from './vocabulary.queries.ts';

let registered = false;

/**
 * In the emitting transaction: a `wrong_team` bounce is recorded as a tagging error; the tag a case
 * is created with is recorded as its team's term (for drift).
 */
export function registerVocabularyListener() {
  if (registered) return;
  registered = true;
  onEventInTransaction(async (tx, event) => {
    if (event.type === EventType.handoffBounced && event.data.reason === 'wrong_team' && event.handoffId) {
      const note = typeof event.data.note === 'string' ? event.data.note : null;
      await recordRoutingError(tx, {
        orgId: event.orgId,
        caseId: event.caseId,
        handoffId: event.handoffId,
        at: event.at,
        note,
      });
      return;
    }
    if (event.type === EventType.caseCreated) {
      // The event carries the issue type the case was created with (src/cases/cases.commands.ts).
      const tag = typeof event.data.issueType === 'string' ? event.data.issueType : null;
      if (!tag) return;
      const taxonomy = await loadTaxonomy(tx, event.orgId);
      if (taxonomy.types.size === 0) return;
      const team = await teamOfPerson(tx, event.orgId, event.actorId);
      const result = normaliseTerm(taxonomy, tag, { team: team ?? undefined });
      await recordTerm(tx, event.orgId, result, { team, caseId: event.caseId, now: event.at });
    }
  });
}
