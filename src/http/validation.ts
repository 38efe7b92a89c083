import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { AppEnv } from './context.ts';
import { ApiError } from './errors.ts';

export function validationError(error: ZodError, where: string): ApiError {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
  const first = issues[0];
  return new ApiError('validation_failed', `${first?.field}: ${first?.message}`, {
    field: first?.field,
    issues,
  });
}

/** zod-openapi's hook: every schema failure becomes our `validation_failed` error. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is generic over every route
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw validationError(result.error, result.target);
};
