import type { GettingStartedFacts, StepState } from '../../../src/orgs/getting-started.ts';
import { get, put } from '../api/client.ts';

/** `GET /getting-started`: the guide of an organisation set up new, read now (admins). */
export type GettingStarted = {
  shown: boolean;
  steps: StepState[];
  done: number;
  total: number;
  next: StepState['step'] | null;
  facts: GettingStartedFacts;
};

const path = '/api/v1/getting-started';

export const gettingStartedApi = {
  get: (signal?: AbortSignal) => get<GettingStarted>(path, signal),
  show: (shown: boolean) => put<GettingStarted>(path, { shown }),
};
