import { z } from 'zod';
import { templatePlaceholders, unknownPlaceholders } from './placeholders.ts';

// Kept in a pure file of their own so the web app checks templates as the API does, without zod.
export { templatePlaceholders, unknownPlaceholders };

const templateText = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((t) => unknownPlaceholders(t).length === 0, {
    message: `unknown placeholder; use {${templatePlaceholders.join('}, {')}}`,
  })
  .refine((t) => t.includes('{replyBy}'), { message: 'the template must state the reply time: {replyBy}' });

/** A language tag: `en`, `es`, `pt-BR`. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag like en or pt-BR');

/**
 * The warm-handoff message of a scenario, versioned like its packet template: one text per language
 * of the conversation, a version and the date a lead last reviewed it.
 */
export const customerUpdateTemplateSchema = z.object({
  version: z.number().int().min(1),
  lastReviewed: z.string().date(),
  templates: z
    .record(languageTag, templateText)
    .refine((t) => Object.keys(t).length > 0, { message: 'at least one language' }),
  /** Whether the owner's first name may be shared with the customer (policy per scenario). */
  shareOwnerName: z.boolean().default(true),
});
export type CustomerUpdateTemplate = z.infer<typeof customerUpdateTemplateSchema>;

/** What a lead sends to edit the templates: the version is the next one, the review date today unless given. */
export const customerUpdateEditSchema = customerUpdateTemplateSchema
  .omit({ version: true, lastReviewed: true })
  .extend({ lastReviewed: z.string().date().optional() });
export type CustomerUpdateEdit = z.infer<typeof customerUpdateEditSchema>;

/** The draft kept on a sent handoff; `template` records which text (and version) it came from. */
export type CustomerUpdateDraft = {
  text: string;
  replyBy: string;
  template: { scenario: string; version: number | null; language: string };
};
