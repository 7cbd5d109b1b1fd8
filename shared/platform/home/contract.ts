import { z } from 'zod';

export const attentionItem = z.object({
  kind: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  count: z.number().int(),
  /** An i18n key for the web app, with `count` as its variable. */
  messageKey: z.string(),
  /** Where the web app takes the user to act on it. */
  link: z.string(),
});

export const homeView = z.object({
  sites: z.array(
    z.object({
      id: z.string().uuid(),
      code: z.string(),
      name: z.string(),
      nameZh: z.string().nullable(),
      country: z.string(),
      timeZone: z.string(),
      subsidiaryCode: z.string(),
      activeEmployees: z.number().int(),
    }),
  ),
  attention: z.array(attentionItem),
});

export type HomeAttention = z.infer<typeof attentionItem>;
