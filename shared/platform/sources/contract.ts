import { z } from 'zod';

/** A record that another record comes from (an action's source, an obligation's), by type and id. */
export const sourceParams = z
  .object({
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, 'A source type is lower-case letters, digits and underscores'),
    id: z.string().uuid(),
  })
  .strict();

/** A source as a reader sees it: its human name, and the record whose page shows it. */
export const sourceView = z.object({
  type: z.string(),
  id: z.string(),
  label: z.string(),
  page: z.object({ type: z.string(), id: z.string() }),
});
export type SourceView = z.infer<typeof sourceView>;
