import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { ConflictError } from '../http/errors.ts';
import { MissingRateError, type Rate, rateOn } from './money.ts';
import * as repo from './repo.ts';

export type RateView = { id: string; currency: string; validFrom: string; perUsd: string; version: number };

const view = (r: repo.RateRow): RateView => ({
  id: r.id,
  currency: r.currency,
  validFrom: r.valid_from,
  perUsd: r.per_usd,
  version: r.version,
});

/** The rate of a currency on a day, or the explicit state that none is kept on or before it. */
export type RateOn =
  | { state: 'found'; currency: string; validFrom: string; perUsd: string }
  | { state: 'missing'; currency: string; on: string };

/**
 * Dated exchange rates shared by every program: units of a currency per US dollar from a date on. Rates are
 * group data, not a site's, so reading them needs no scope; who may add one is the calling program's decision
 * (it checks its own permission first), as with group settings.
 */
export function createRatesService(db: Db) {
  async function all(handle: Db = db): Promise<Rate[]> {
    return (await repo.allRates(handle)).map((r) => ({
      currency: r.currency,
      validFrom: r.valid_from,
      perUsd: r.per_usd,
    }));
  }

  return {
    /** Every rate, for conversions with `server/platform/rates/money.ts`. */
    all,

    /** Every rate as the API shows it. */
    async list(handle: Db = db): Promise<RateView[]> {
      return (await repo.allRates(handle)).map(view);
    },

    /** The latest rate on or before `on`; US dollars are 1 by definition, any other currency may be missing. */
    async on(currency: string, on: string, handle: Db = db): Promise<RateOn> {
      if (currency === 'USD') return { state: 'found', currency, validFrom: on, perUsd: '1' };
      try {
        const r = rateOn(await all(handle), currency, on);
        return { state: 'found', currency, validFrom: r.validFrom, perUsd: r.perUsd };
      } catch (e) {
        if (e instanceof MissingRateError) return { state: 'missing', currency, on };
        throw e;
      }
    },

    /**
     * Adds a dated rate, audited, inside the caller's transaction; 409 when that currency already has a rate
     * from that day (a kept rate is never overwritten: figures already reported used it).
     */
    async add(trx: Db, actor: Actor, input: { currency: string; validFrom: string; perUsd: string }) {
      const row = await repo.insertRate(trx, input, actor.userId);
      if (!row) throw new ConflictError(`A ${input.currency} rate from ${input.validFrom} is already kept.`);
      await recordAudit(trx, actor, {
        action: 'exchange_rate.created',
        entityType: 'exchange_rate',
        entityId: row.id,
        siteId: null,
        after: row,
      });
      return view(row);
    },
  };
}

export type RatesService = ReturnType<typeof createRatesService>;
