import { z } from 'zod';

/** Field shapes shared by the OHS contracts. */

export const isoDateTime = z.string().datetime({ offset: true });
export const text = (max: number) => z.string().trim().min(1).max(max);
