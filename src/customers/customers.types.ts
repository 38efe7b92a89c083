import { z } from 'zod';
import { loweringReasons, type RiskCaps, type RiskReasonId, riskReasonIds } from '../continuity/risk.ts';

/** One customer's tenure and value as a CSV row or a helpdesk payload gives them. */
export type CustomerProfile = {
  line?: number;
  externalId: string;
  name?: string;
  email?: string;
  customerSince?: string;
  annualValue?: number;
  tier?: string;
  timezone?: string;
  language?: string;
};

/** A problem with an import: its line (1 is the header), the column at fault when known. */
export type ImportIssue = { line: number; column?: string; message: string };

export const importBodySchema = z.object({
  /** The CSV text, header row first (columns in docs/customers.md). */
  csv: z.string().min(1).max(10_000_000),
});

/** Tenure and value a helpdesk payload may carry with its customer, where the vendor has them. */
export const customerProfileFields = {
  customerSince: z.string().date().optional(),
  annualValue: z.number().min(0).max(1e12).optional(),
  tier: z.string().trim().min(1).max(200).optional(),
};

/** One reason's cap: whole points, positive for the reasons that raise the score; null: the model's again. */
const capOf = (id: RiskReasonId) =>
  (loweringReasons.has(id) ? z.number().int().min(-100).max(0) : z.number().int().min(0).max(100))
    .nullable()
    .optional();
const capsSchema = z.strictObject(
  Object.fromEntries(riskReasonIds.map((id) => [id, capOf(id)])) as Record<
    RiskReasonId,
    ReturnType<typeof capOf>
  >,
);

/** Per organisation: what "high value" means, the risk score that pages a supervisor, and the reasons' caps. */
export const riskSettingsSchema = z
  .object({
    pageThreshold: z.number().int().min(1).max(100),
    /** A customer worth at least this much a year is high value (null: value alone never makes one). */
    highValueMinAnnual: z.number().min(0).max(1e12).nullable(),
    /** Tiers that make a customer high value whatever their amount (`enterprise`, `gold`). */
    highValueTiers: z.array(z.string().trim().toLowerCase().min(1).max(200)).max(50),
    /**
     * The most points each reason of the churn-risk model may add (`long_tenure`: take off, so 0 or
     * less); reasons left out keep their cap, null puts the model's back, 0 turns a reason off.
     */
    caps: capsSchema,
  })
  .partial();
export type RiskSettingsInput = z.infer<typeof riskSettingsSchema>;
export type RiskSettings = Required<Omit<RiskSettingsInput, 'caps'>> & { caps: RiskCaps };

/** Until a lead says otherwise: page at a score of 60 for customers worth 10,000 a year or more. */
export const defaultRiskSettings: RiskSettings = {
  pageThreshold: 60,
  highValueMinAnnual: 10_000,
  highValueTiers: [],
  caps: {},
};
