import { z } from 'zod';

const week = z
  .string()
  .trim()
  .regex(/^\d{4}-W\d{2}$/, 'an ISO week: YYYY-Www, for example 2026-W48');
const bound = z.string().trim().min(1).max(40);
const filters = {
  team: z.string().trim().min(1).max(100).optional(),
  scenario: z.string().trim().min(1).max(100).optional(),
  issueType: z.string().trim().min(1).max(200).optional(),
};

/** `from`/`to`: a date (whole local days, `to` included) or an ISO instant; the last 30 days by default. */
export const metricsQuery = z.object({ from: bound.optional(), to: bound.optional(), ...filters });

/** Two periods, each `START/END` as in `metricsQuery`. */
export const compareQuery = z.object({
  before: z.string().trim().min(3).max(100),
  after: z.string().trim().min(3).max(100),
  ...filters,
});

export const reviewQuery = z.object({
  /** The previous whole week when left out. */
  week: week.optional(),
  format: z.enum(['json', 'html']).default('json'),
});

export const weekParams = z.object({ week });

/** Where the stored weekly review is sent: a Slack-compatible incoming webhook and/or e-mail addresses. */
export const reviewDeliverySchema = z.object({
  slackUrl: z
    .string()
    .trim()
    .url()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
    .nullable(),
  emails: z.array(z.string().trim().email().max(320)).max(20),
});

export type ReviewDelivery = z.infer<typeof reviewDeliverySchema>;
export type MetricsQuery = z.infer<typeof metricsQuery>;
export type CompareQuery = z.infer<typeof compareQuery>;
