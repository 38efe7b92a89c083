import { get, post } from '../api/client.ts';

/**
 * The person's two-step sign-in as `GET /me/two-step` answers it; `required` when the organisation
 * requires it of them (then only an admin turns it off).
 */
export type TwoStepStatus = {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
};

const v1 = '/api/v1/me/two-step';

export const twoStepApi = {
  status: (signal?: AbortSignal) => get<TwoStepStatus>(v1, signal),
  setUp: () => post<{ secret: string; uri: string }>(`${v1}/setup`),
  enable: (code: string) => post<{ enabled: true; recoveryCodes: string[] }>(`${v1}/enable`, { code }),
  disable: (password: string) => post<{ enabled: false }>(`${v1}/disable`, { password }),
  /** An admin turns it off for someone who lost their phone. */
  disableFor: (personId: string) =>
    post<{ enabled: false }>(`/api/v1/people/${encodeURIComponent(personId)}/two-step/disable`),
};
