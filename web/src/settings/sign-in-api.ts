import type { SignInSettingsInput, SignInSettingsSaved } from '../../../src/auth/sign-in-settings.types.ts';
import { get, put } from '../api/client.ts';

/** An active person without two-step sign-in; `setupDue` when the saved setting stops them now. */
export type WithoutTwoStep = { id: string; name: string; email: string; roles: string[]; setupDue: boolean };

/** `GET /settings/sign-in`: whom the organisation requires two-step sign-in of, and who has it off. */
export type SignInSettings = SignInSettingsSaved & { withoutTwoStep: WithoutTwoStep[] };

const path = '/api/v1/settings/sign-in';

export const signInApi = {
  get: (signal?: AbortSignal) => get<SignInSettings>(path, signal),
  /** 409 `own_two_step_off` when the setting would stop the admin saving it. */
  save: (input: SignInSettingsInput) => put<SignInSettings>(path, input),
};
