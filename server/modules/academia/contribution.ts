import type { z } from 'zod';
import type * as c from '#shared/modules/academia/contract.ts';
import { paymentCategories } from '#shared/modules/academia/contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { ConflictError } from '../../platform/http/errors.ts';
import { convertMinor, MissingRateError, type Rate, toUsdCents } from '../../platform/rates/money.ts';
import { type AcademiaDeps, num, PROGRAM } from './deps.ts';
import { placementTotals } from './placement-repo.ts';
import { cooperationFigures, type SiteLabels } from './placements.ts';
import * as repo from './repo.ts';
import { conversion } from './rules/conversion.ts';

type Contribution = z.infer<typeof c.contributionView>;
type Category = (typeof paymentCategories)[number];

/** The currencies the program reports in: US dollars and New Taiwan dollars. */
export const REPORT_CURRENCIES = ['USD', 'TWD'] as const;
export type ReportCurrency = (typeof REPORT_CURRENCIES)[number];

/**
 * The year's payments summed in one currency, each at the rate of its date: by category and partner, or the
 * first rate missing (a sum with a payment left out would be wrong, so there is none).
 */
export type PaymentSums =
  | { state: 'computed'; total: number; byCategory: Map<Category, number>; byPartner: Map<string, number> }
  | { state: 'missing'; currency: string; on: string };

function sumIn(
  payments: readonly {
    partner_id: string;
    category: Category;
    paid_on: string;
    amount_minor: unknown;
    currency: string;
  }[],
  target: ReportCurrency,
  rates: readonly Rate[],
): PaymentSums {
  const byCategory = new Map<Category, number>(paymentCategories.map((k) => [k, 0]));
  const byPartner = new Map<string, number>();
  let total = 0;
  for (const p of payments) {
    let amount: number;
    try {
      amount = convertMinor(num(p.amount_minor), p.currency, target, p.paid_on, rates);
    } catch (e) {
      if (e instanceof MissingRateError) return { state: 'missing', currency: e.currency, on: e.on };
      throw e;
    }
    total += amount;
    byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + amount);
    byPartner.set(p.partner_id, (byPartner.get(p.partner_id) ?? 0) + amount);
  }
  return { state: 'computed', total, byCategory, byPartner };
}

/**
 * The year's contribution, computed from the rows at the reader's sites: every payment converted to US
 * dollars at the rate of its date, by category, country and partner; the research projects active in the
 * year; the interns who started in it; the schools involved; the intern-to-hire conversion; and the students
 * placed under internship cooperation (a figure of their own, not among the interns recruited).
 */
export function createContributionService(deps: AcademiaDeps) {
  const { db } = deps;

  async function internFigures(
    rows: Awaited<ReturnType<typeof repo.contributionRows>>,
    year: number,
    known?: SiteLabels,
  ) {
    const labels = known ?? (await deps.org.siteLabels(rows.internsStarted.map((i) => i.site_id)));
    const bySubsidiary = new Map<string, number>();
    let recruited = 0;
    for (const i of rows.internsStarted) {
      const code = labels.get(i.site_id)?.subsidiaryCode;
      if (!code) throw new Error(`Site ${i.site_id} has no subsidiary`);
      bySubsidiary.set(code, (bySubsidiary.get(code) ?? 0) + num(i.n));
      recruited += num(i.n);
    }
    return {
      internsRecruited: recruited,
      internsBySubsidiary: [...bySubsidiary.entries()]
        .map(([subsidiaryCode, interns]) => ({ subsidiaryCode, interns }))
        .sort((a, b) => a.subsidiaryCode.localeCompare(b.subsidiaryCode)),
      conversion: conversion(
        rows.internsEnded.map((i) => ({
          outcome: i.outcome,
          endedOn: i.ended_on,
          hired: Boolean(i.hired),
          count: num(i.n),
        })),
        `${year}-01-01`,
        `${year}-12-31`,
      ),
    };
  }
  return {
    /**
     * The year's payments in US dollars and New Taiwan dollars (minor units), each at the rate of its date,
     * with the partners paid and the payments by category; a currency whose rate is missing for a payment's
     * date says so instead of a sum.
     */
    async amounts(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const [rows, rates] = await Promise.all([repo.contributionRows(db, scope, year), deps.rates.all()]);
      const paid = [...new Set(rows.payments.map((p) => p.partner_id))];
      const partnerRows = paid.length ? await repo.partnerRows(db).where('p.id', 'in', paid).execute() : [];
      const payments = new Map<Category, number>(paymentCategories.map((k) => [k, 0]));
      for (const p of rows.payments) payments.set(p.category, (payments.get(p.category) ?? 0) + 1);
      return {
        year,
        payments,
        partners: partnerRows.map((p) => ({ id: p.id, name: p.name, nameZh: p.name_zh, country: p.country })),
        sums: Object.fromEntries(
          REPORT_CURRENCIES.map((cur) => [cur, sumIn(rows.payments, cur, rates)]),
        ) as Record<ReportCurrency, PaymentSums>,
      };
    },

    async year(actor: Actor, year: number): Promise<Contribution> {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const [rows, rates, placements] = await Promise.all([
        repo.contributionRows(db, scope, year),
        deps.rates.all(),
        placementTotals(db, scope, year),
      ]);

      const byCategory = new Map(paymentCategories.map((k) => [k, { usdCents: 0, payments: 0 }]));
      const byPartner = new Map<string, number>();
      let total = 0;
      for (const p of rows.payments) {
        let usd: number;
        try {
          usd = toUsdCents(num(p.amount_minor), p.currency, p.paid_on, rates);
        } catch (e) {
          // A payment that cannot be converted fails the report: its total would be wrong.
          if (e instanceof MissingRateError)
            throw new ConflictError(e.message, { currency: e.currency, on: e.on });
          throw e;
        }
        total += usd;
        const cat = byCategory.get(p.category) as { usdCents: number; payments: number };
        cat.usdCents += usd;
        cat.payments += 1;
        byPartner.set(p.partner_id, (byPartner.get(p.partner_id) ?? 0) + usd);
      }

      const involved = new Set<string>([
        ...rows.payments.map((p) => p.partner_id),
        ...rows.projects.map((p) => p.partner_id),
        ...rows.internsStarted.map((i) => i.partner_id),
        ...rows.scholarships.map((s) => s.partner_id),
        ...placements.map((p) => p.partner_id),
      ]);
      // The partners and the sites' labels at once: the interns' and the placements' sites in one read.
      const [partnerRows, labels] = await Promise.all([
        involved.size
          ? repo
              .partnerRows(db)
              .where('p.id', 'in', [...involved])
              .execute()
          : [],
        deps.org.siteLabels([
          ...new Set([...rows.internsStarted.map((i) => i.site_id), ...placements.map((p) => p.site_id)]),
        ]),
      ]);
      const partners = new Map(partnerRows.map((p) => [p.id, p]));
      const byCountry = new Map<string, { usdCents: number; partners: number }>();
      for (const id of involved) {
        const country = (partners.get(id) as repo.PartnerRow).country;
        const entry = byCountry.get(country) ?? { usdCents: 0, partners: 0 };
        entry.partners += 1;
        entry.usdCents += byPartner.get(id) ?? 0;
        byCountry.set(country, entry);
      }

      const interns = await internFigures(rows, year, labels);

      return {
        year,
        totalUsdCents: total,
        byCategory: [...byCategory.entries()].map(([category, v]) => ({ category, ...v })),
        byCountry: [...byCountry.entries()]
          .map(([country, v]) => ({ country, ...v }))
          .sort((a, b) => b.usdCents - a.usdCents || a.country.localeCompare(b.country)),
        byPartner: [...byPartner.entries()]
          .map(([id, usdCents]) => {
            const p = partners.get(id) as repo.PartnerRow;
            return { partnerId: id, name: p.name, nameZh: p.name_zh, country: p.country, usdCents };
          })
          .sort((a, b) => b.usdCents - a.usdCents || a.name.localeCompare(b.name)),
        researchCollaborations: rows.projects.reduce((sum, p) => sum + num(p.n), 0),
        researchUsdCents: byCategory.get('research')?.usdCents ?? 0,
        scholarshipsUsdCents: byCategory.get('scholarship')?.usdCents ?? 0,
        internsRecruited: interns.internsRecruited,
        internsBySubsidiary: interns.internsBySubsidiary,
        partnersInvolved: involved.size,
        countries: [...byCountry.keys()].sort(),
        conversion: interns.conversion,
        internshipCooperation: await cooperationFigures(deps, placements, labels),
      };
    },

    /** The interns who started in the year, by subsidiary, and the intern-to-hire conversion of the year. */
    async interns(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      return internFigures(await repo.contributionRows(db, scope, year), year);
    },
  };
}

export type ContributionService = ReturnType<typeof createContributionService>;
