import type { z } from 'zod';

/**
 * A schema's issues as the fields at fault and what is wrong with each. Inside a union only the
 * branch the input was meant for speaks: a calendar whose Monday overlaps is "hours.mon: interval
 * 13:15-17:30 overlaps the one before it", not "must be 24/7 or hours per weekday". Pure.
 */
export function meantIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch that failed at its root (wrong type, wrong literal) is not the one meant.
      const meant = issue.errors.find((branch) => branch.some((i) => i.path.length > 0));
      if (meant) return meantIssues(meant, path);
    }
    return [{ path, message: issue.message }];
  });
}
