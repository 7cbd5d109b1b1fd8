import type { Db } from '../../../db/types.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { personKey } from '../../../platform/people/lookups.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import type * as injuriesRepo from '../injuries/repo.ts';
import type { IncidentBaseRow } from './repo.ts';

export type NameLookups = {
  org: Pick<OrgService, 'sitesByIds' | 'areaNames' | 'siteIdsInCodeOrder'>;
  users: Pick<UsersService, 'displayNames'>;
  people: Pick<PeopleService, 'personNames'>;
};

type InjuryBaseRow = Awaited<ReturnType<typeof injuriesRepo.injuriesOf>>[number];

export type IncidentRow = IncidentBaseRow & {
  site_code: string;
  time_zone: string;
  area_name: string | null;
  reported_by_name: string | null;
};
export type InjuryRow = InjuryBaseRow & { person_name: string | null; person_no: string | null };

/** The names on a page of incidents and injuries, from the platform: one lookup per kind of name per page. */
export function createIncidentNames({ org, users, people }: NameLookups) {
  return {
    async incidents(rows: IncidentBaseRow[], handle?: Db): Promise<IncidentRow[]> {
      const [sites, areas, reporters] = await Promise.all([
        org.sitesByIds(
          rows.map((r) => r.site_id),
          handle,
        ),
        org.areaNames(
          rows.map((r) => r.area_id),
          handle,
        ),
        users.displayNames(
          rows.map((r) => r.reported_by),
          handle,
        ),
      ]);
      return rows.map((r) => {
        const site = sites.get(r.site_id);
        // The site is a foreign key of the incident: a missing one is a broken database, not an empty name.
        if (!site) throw new Error(`The site ${r.site_id} of incident ${r.id} is missing.`);
        return {
          ...r,
          site_code: site.code,
          time_zone: site.timeZone,
          area_name: r.area_id ? (areas.get(r.area_id) ?? null) : null,
          reported_by_name: r.reported_by ? (reporters.get(r.reported_by) ?? null) : null,
        };
      });
    },

    async injuries(rows: InjuryBaseRow[], handle?: Db): Promise<InjuryRow[]> {
      const names = await people.personNames(
        rows.map((r) => ({ type: r.person_type, id: r.person_id })),
        handle,
      );
      return rows.map((r) => {
        const person = names.get(personKey(r.person_type, r.person_id));
        return { ...r, person_name: person?.name ?? null, person_no: person?.no ?? null };
      });
    },
  };
}
