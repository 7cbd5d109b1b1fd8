import type { Db } from '../../../db/types.ts';
import { type Actor, scopeIsEmpty, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { CertificationsService } from '../../../platform/certifications/service.ts';
import type { ReportLocale } from '../../../platform/reports/definition.ts';
import { type ReportFormat, render } from '../../../platform/reports/service.ts';
import type { createGoalsService } from '../goals/service.ts';
import type { HealthService } from '../health/service.ts';
import * as investigationsRepo from '../investigations/repo.ts';
import type { OhsStatisticsService } from '../statistics/service.ts';
import type { WellbeingService } from '../wellbeing/service.ts';
import { ohsBoardReport } from './board-report.ts';

const PROGRAM = 'ohs' as const;

/** The OHS Board report: the year's figures gathered through the module's services, in the reader's scope. */
export function createOhsReportsService(d: {
  db: Db;
  statistics: OhsStatisticsService;
  health: HealthService;
  wellbeing: WellbeingService;
  goals: ReturnType<typeof createGoalsService>;
  certifications: CertificationsService;
  now: () => Date;
}) {
  return {
    async board(actor: Actor, year: number, format: ReportFormat, locale: ReportLocale = actor.locale) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const stats = (q: {
        from: number;
        to: number;
        by: 'group' | 'subsidiary' | 'site';
        period: 'year' | 'month';
        yearToDate?: 'true';
      }) => d.statistics.statistics(actor, q);
      const [
        current,
        previous,
        bySubsidiary,
        bySite,
        monthly,
        toDate,
        health,
        wellbeing,
        goals,
        certificates,
        investigations,
      ] = await Promise.all([
        stats({ from: year, to: year, by: 'group', period: 'year' }),
        stats({ from: year - 1, to: year - 1, by: 'group', period: 'year' }),
        stats({ from: year, to: year, by: 'subsidiary', period: 'year' }),
        stats({ from: year, to: year, by: 'site', period: 'year' }),
        stats({ from: year, to: year, by: 'group', period: 'month' }),
        stats({ from: year - 1, to: year, by: 'group', period: 'year', yearToDate: 'true' }),
        // A section the reader may not see is withheld and says so; one that fails fails the report.
        scopeIsEmpty(sitesWith(actor, 'health.read', PROGRAM)) ? null : d.health.summary(actor, year),
        d.wellbeing.summary(actor, year),
        d.goals.list(actor),
        scopeIsEmpty(sitesWith(actor, 'certifications.read'))
          ? null
          : d.certifications.list(actor, {
              standard: 'ISO 45001',
              page: 1,
              pageSize: 200,
              sort: 'site',
              order: 'asc',
              includeSuperseded: 'false',
            }),
        investigationsRepo.openAndClosed(d.db, scope, year),
      ]);
      const def = ohsBoardReport(
        {
          year,
          rounding: current.rounding,
          group: current.rows[0] ?? null,
          previous: previous.rows[0] ?? null,
          // The year still running is compared with the same days of last year, not the whole of it.
          toDate:
            toDate.yearToDate && Number(toDate.yearToDate.today.slice(0, 4)) === year
              ? {
                  current: toDate.rows.find((r) => r.period === String(year)) ?? null,
                  previous: toDate.rows.find((r) => r.period === String(year - 1)) ?? null,
                  through: toDate.yearToDate.through,
                  timeZone: toDate.yearToDate.timeZone,
                }
              : null,
          bySubsidiary: bySubsidiary.rows,
          bySite: bySite.rows,
          monthly: monthly.rows,
          health: health && {
            peopleScreened: health.peopleScreened,
            costMinor: health.costMinor,
            abnormal: health.abnormal,
            followUpsOpen: health.followUpsOpen,
          },
          wellbeing: wellbeing.kinds,
          certificates:
            certificates?.items.map((c) => ({
              site: c.siteName ?? c.siteCode ?? c.subsidiaryCode ?? '',
              validUntil: c.validUntil,
              status: c.status,
            })) ?? null,
          goals: goals
            .filter((g) => g.toYear >= year && g.fromYear <= year)
            .map((g) => ({
              title: g.title,
              target: `${g.comparison === 'at_most' ? '≤' : '≥'} ${g.target}`,
              actual: g.actual,
              actualOf: g.actualOf,
              met: g.met,
            })),
          investigations: { open: Number(investigations.open), closed: Number(investigations.closed) },
        },
        { locale, generatedAt: d.now(), author: actor.label.replace(/\s*<[^>]*>$/, '') },
      );
      return render(def, `ohs-board-report-${year}`, format);
    },
  };
}
