import { z } from '@hono/zod-openapi';

/** A JSON request body validated by `schema` (the route's 400 `validation_failed` comes from it). */
export const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** A JSON answer described in the OpenAPI document. */
export const ok = (description: string) => ({
  content: { 'application/json': { schema: z.any() } },
  description,
});
