import { outcomeKinds } from '#shared/modules/academia/contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { convertMinor, MissingRateError } from '../../platform/rates/money.ts';
import { REPORT_CURRENCIES, type ReportCurrency } from './contribution.ts';
import { type AcademiaDeps, num, PROGRAM } from './deps.ts';
import * as repo from './repo.ts';

type Converted = { state: 'computed'; amount: number } | { state: 'missing'; currency: string; on: string };

/**
 * The year's research and scholarship figures at the reader's sites: research projects active in the year
 * (as the contribution counts them), those started and those completed in it, the outcomes recorded in it by
 * kind; scholarships awarded in the year with their amounts in US and New Taiwan dollars at the award's date.
 */
export function createYearFiguresService(deps: AcademiaDeps) {
  const { db } = deps;
  return {
    async research(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const rows = await repo.researchYearRows(db, scope, year);
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const outcomes = new Map(outcomeKinds.map((k) => [k, 0]));
      for (const o of rows.outcomes) outcomes.set(o.kind, num(o.n));
      return {
        year,
        active: rows.projects.length,
        started: rows.projects.filter((p) => p.starts_on >= from).length,
        completed: rows.projects.filter(
          (p) => p.status === 'completed' && p.ends_on !== null && p.ends_on <= to,
        ).length,
        outcomes,
      };
    },

    async scholarships(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const [awards, rates] = await Promise.all([
        repo.scholarshipsAwarded(db, scope, year),
        deps.rates.all(),
      ]);
      const amounts = {} as Record<ReportCurrency, Converted>;
      for (const target of REPORT_CURRENCIES) {
        let amount = 0;
        let result: Converted | null = null;
        for (const a of awards) {
          try {
            amount += convertMinor(num(a.amount_minor), a.currency, target, a.awarded_on, rates);
          } catch (e) {
            if (!(e instanceof MissingRateError)) throw e;
            result = { state: 'missing', currency: e.currency, on: e.on };
            break;
          }
        }
        amounts[target] = result ?? { state: 'computed', amount };
      }
      return {
        year,
        awards: awards.length,
        schools: new Set(awards.map((a) => a.partner_id)).size,
        amounts,
      };
    },
  };
}

export type YearFiguresService = ReturnType<typeof createYearFiguresService>;
