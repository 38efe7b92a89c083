import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { evenOutTeam } from './even-out.commands.ts';

export const evenOutSchema = z.object({
  reason: z.string().trim().max(1000).optional(),
  dryRun: z.boolean().optional(),
  keep: z.array(z.string().min(1).max(100)).max(1000).optional(),
});

export function registerOwnershipRoutes(app: App) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/teams/{key}/even-out',
      tags: ['teams'],
      middleware: [requireRole('lead', 'supervisor')],
      description:
        'Evens out the team’s waiting (sent) handoffs among the members who can take work now: those of someone away, offline or off shift go to the others, then the oldest move from the most loaded to the least, within each one’s capacity, until no move would narrow the gap. Accepted handoffs stay. With `dryRun`, only says what it would move. `staying` names the waiting handoffs left where they are for a reason: `nobody_free` (their holder cannot take work and nobody who can has room), `skills` (someone has room but lacks the `skills` the handoff asks for) or `limit` (the run stopped at 100 moves: even out again), or `kept` for those named in `keep` (handoff ids the supervisor leaves where they are; still counted in their holder’s load; ids not waiting in the team are ignored). `reason` goes into each owner change (default: evening out the team’s load).',
      request: { params: z.object({ key: z.string().min(1).max(100) }), body: json(evenOutSchema) },
      responses: {
        200: ok(
          '`{team, dryRun, moves: [{handoffId, caseId, subject, from, to}], staying: [{handoffId, caseId, subject, holder, reason, skills?}], members: [{id, name, able, capacity, waiting, before, after}]}`',
        ),
        404: ok('not_found: no such team'),
      },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      return c.json(
        await evenOutTeam(database.db, c.req.valid('param').key, c.req.valid('json'), {
          principal: c.var.principal,
          now: clock(),
        }),
        200,
      );
    },
  );
}
