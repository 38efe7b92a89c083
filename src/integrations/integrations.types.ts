import { z } from 'zod';
import { customerProfileFields } from '../customers/customers.types.ts';

export const subscriptionSchema = z.object({
  url: z
    .string()
    .url()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
  secret: z.string().min(8).max(500),
  events: z.array(z.string().min(1).max(100)).min(1).max(100),
});

export const inboundGenericSchema = z.object({
  eventId: z.string().min(1).max(300),
  type: z.enum(['case.created', 'message.created']),
  case: z.object({
    externalId: z.string().min(1).max(200),
    subject: z.string().min(1).max(500),
    channel: z.string().min(1).max(40),
    customer: z.object({
      externalId: z.string().min(1).max(200),
      name: z.string().min(1).max(200),
      ...customerProfileFields,
    }),
  }),
  message: z
    .object({
      role: z.enum(['customer', 'agent', 'bot']),
      text: z.string().min(1).max(20_000),
      at: z.string().datetime({ offset: true }).optional(),
    })
    .optional(),
});

export type Subscription = z.infer<typeof subscriptionSchema>;
export type InboundGeneric = z.infer<typeof inboundGenericSchema>;
