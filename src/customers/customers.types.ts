import { z } from 'zod';

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

/** Per organisation: what "high value" means and the risk score that pages a supervisor. */
export const riskSettingsSchema = z
  .object({
    pageThreshold: z.number().int().min(1).max(100),
    /** A customer worth at least this much a year is high value (null: value alone never makes one). */
    highValueMinAnnual: z.number().min(0).max(1e12).nullable(),
    /** Tiers that make a customer high value whatever their amount (`enterprise`, `gold`). */
    highValueTiers: z.array(z.string().trim().toLowerCase().min(1).max(200)).max(50),
  })
  .partial();
export type RiskSettingsInput = z.infer<typeof riskSettingsSchema>;
export type RiskSettings = Required<RiskSettingsInput>;

/** Until a lead says otherwise: page at a score of 60 for customers worth 10,000 a year or more. */
export const defaultRiskSettings: RiskSettings = {
  pageThreshold: 60,
  highValueMinAnnual: 10_000,
  highValueTiers: [],
};
