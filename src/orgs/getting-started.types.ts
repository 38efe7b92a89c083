import { z } from 'zod';

/** `PUT /getting-started`: whether the organisation's admins see the guide. */
export const gettingStartedChoice = z.object({
  shown: z.boolean().describe('false puts the guide away for every admin; true shows it again'),
});
