import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import type { GrantsService } from '../../platform/grants/service.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import type { NoticesService } from '../../platform/notify/notices.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { RatesService } from '../../platform/rates/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import { partnerExists } from './repo.ts';

export const PROGRAM = 'academia' as const;

/** The platform services the program builds on. */
export type AcademiaDeps = {
  db: Db;
  /** Files attached to the program's records: the deliverables of a project's milestones. */
  documents: Pick<DocumentsService, 'registerOwner' | 'countsByOwner'>;
  /** Records granted one by one to people outside the company: a student's own internship. */
  grants: Pick<GrantsService, 'grant' | 'revoke' | 'holders' | 'outsiders' | 'isOutsider'>;
  /** Notices to the staff: a deliverable that the investigator sent. */
  notices: Pick<NoticesService, 'send' | 'escalationContacts'>;
  obligations: ObligationsService;
  org: Pick<OrgService, 'siteForWriting' | 'siteLabels' | 'sitesWithSubsidiary'>;
  people: Pick<PeopleService, 'employeeEssentials' | 'employeeEssentialsByEmail'>;
  /** The platform's dated exchange rates, which payments convert at. */
  rates: RatesService;
  settings: SettingsService;
  users: Pick<UsersService, 'displayNames' | 'assertActiveUsers'>;
  now: () => Date;
};

/** Site codes for rows already scoped: a row whose site has no code fails loudly, never shows a blank. */
export async function siteCodes(deps: AcademiaDeps, rows: readonly { site_id: string }[]) {
  const labels = await deps.org.siteLabels(rows.map((r) => r.site_id));
  return (siteId: string) => {
    const label = labels.get(siteId);
    if (!label) throw new Error(`Site ${siteId} has no label`);
    return label.code;
  };
}

/** The checks before writing a record at a site: the site exists (404) and the actor manages there (403/404). */
export async function assertManageAt(deps: AcademiaDeps, actor: Actor, siteId: string, handle?: Db) {
  await deps.org.siteForWriting(siteId, handle);
  access.assert(actor, { permission: 'academia.manage', siteId, what: 'site', program: PROGRAM });
}

export function assertReadAt(actor: Actor, siteId: string, what: string) {
  access.assert(actor, { permission: 'academia.read', siteId, what, program: PROGRAM });
}

export function assertManageRecord(actor: Actor, siteId: string, what: string) {
  access.assert(actor, { permission: 'academia.manage', siteId, what, program: PROGRAM });
}

/** A partner named in a body must exist: otherwise the field is wrong (422 naming it). */
export async function assertPartner(db: Db, partnerId: string) {
  if (!(await partnerExists(db, partnerId)))
    throw new ValidationError('No such partner.', [{ path: 'partnerId', message: 'Unknown partner' }]);
}

/** A date range whose end comes before its start: 422 naming the end. */
export function assertRange(from: string, to: string | null | undefined, path: string) {
  if (to && to < from)
    throw new ValidationError('The end comes before the start.', [
      { path, message: 'Before the start date' },
    ]);
}

/** A bigint sum or column as a number (exact below 2^53). */
export const num = (v: unknown) => Number(v ?? 0);
