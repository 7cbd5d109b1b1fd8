// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import type { ApiClient, ApiResponse, TestApp } from '../../support/app.ts';
import {
  AREAS,
  CONTRACTOR_COMPANY,
  CONTRACTOR_WORKERS,
  EMPLOYEES,
  EXTERNAL_PERSONS,
  SITES,
  SUBSIDIARIES,
  USERS,
} from '../../support/fixture.ts';
import type { Location, SiteCode } from './policy.ts';

/**
 * The resource table: for each family of records that a parametrised route acts on, where a record of it
 * can be found (or seeded) at each location. Records are seeded through the API by fixture users who are
 * not matrix actors, so that no matrix actor is the owner, reporter or member of anything it is asked about.
 */
export type Family =
  | 'subsidiary'
  | 'site'
  | 'area'
  | 'employee'
  | 'contractorCompany'
  | 'contractorWorker'
  | 'external'
  | 'user'
  | 'obligation'
  | 'certification'
  | 'action'
  | 'committee'
  | 'committeeMember'
  | 'meeting'
  | 'document'
  | 'course'
  | 'incident'
  | 'injury'
  | 'investigation'
  | 'rootCause'
  | 'hazard'
  | 'permit'
  | 'qualification'
  | 'screening'
  | 'followup'
  | 'wellbeing'
  | 'goal'
  | 'ipFamily'
  | 'ipMatter'
  | 'trademark'
  | 'academiaPartner'
  | 'academiaAgreement'
  | 'academiaProject'
  | 'academiaMilestone'
  | 'academiaIntern'
  | 'securityIncident'
  | 'securitySystem'
  | 'csfAssessment'
  | 'smartSensor'
  | 'smartAlarm'
  /** Personal records: another user's (they must not exist for anyone else). */
  | 'token'
  | 'notification'
  | 'import';

/** The locations each family has a record at. */
export const FAMILY_LOCATIONS: Record<Family, Location[]> = {
  subsidiary: ['group'],
  site: ['K7', 'PG', 'TC'],
  area: ['K7', 'PG', 'TC'],
  employee: ['K7', 'PG', 'TC'],
  contractorCompany: ['group'],
  contractorWorker: ['K7', 'PG', 'TC'],
  external: ['K7', 'PG', 'TC', 'group'],
  user: ['group'],
  obligation: ['K7', 'PG', 'TC', 'group'],
  certification: ['K7', 'PG', 'TC', 'ASE'],
  action: ['K7', 'PG', 'TC', 'group'],
  committee: ['K7', 'PG', 'TC', 'group'],
  committeeMember: ['K7', 'PG', 'TC', 'group'],
  meeting: ['K7', 'PG', 'TC', 'group'],
  document: ['K7', 'PG', 'TC', 'group'],
  course: ['K7', 'PG', 'TC', 'group'],
  incident: ['K7', 'PG', 'TC'],
  injury: ['K7', 'PG', 'TC'],
  investigation: ['K7', 'PG', 'TC'],
  rootCause: ['K7', 'PG', 'TC'],
  hazard: ['K7', 'PG', 'TC'],
  permit: ['K7', 'PG', 'TC'],
  qualification: ['K7', 'PG', 'TC'],
  screening: ['K7', 'PG', 'TC'],
  followup: ['K7', 'PG', 'TC'],
  wellbeing: ['K7', 'PG', 'TC', 'group'],
  goal: ['K7', 'PG', 'TC', 'group'],
  ipFamily: ['K7', 'PG', 'TC'],
  ipMatter: ['K7', 'PG', 'TC'],
  trademark: ['K7', 'PG', 'TC'],
  academiaPartner: ['group'],
  academiaAgreement: ['K7', 'PG', 'TC'],
  academiaProject: ['K7', 'PG', 'TC'],
  academiaMilestone: ['K7', 'PG', 'TC'],
  academiaIntern: ['K7', 'PG', 'TC'],
  securityIncident: ['K7', 'PG', 'TC'],
  securitySystem: ['K7', 'PG', 'TC'],
  csfAssessment: ['K7', 'PG', 'TC'],
  smartSensor: ['K7', 'PG', 'TC'],
  smartAlarm: ['K7', 'PG', 'TC'],
  token: ['group'],
  notification: ['group'],
  import: ['group'],
};

/** A person of each site (not the one the fixture's employee user is). */
export const EMPLOYEE_AT: Record<SiteCode, string> = {
  K7: EMPLOYEES['K7-0002'].id,
  PG: EMPLOYEES['PG-0001'].id,
  TC: EMPLOYEES['TC-0001'].id,
};

const siteId = (loc: Location) => (loc === 'group' || loc === 'ASE' ? null : SITES[loc].id);

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** A multipart/form-data body with one file in the field "file". */
export async function multipart(filename: string, bytes: Buffer | string, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(Buffer.from(bytes))]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

export function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function ok(res: ApiResponse, what: string) {
  if (res.status >= 300) throw new Error(`Seeding ${what} failed: ${res.status} ${res.text.slice(0, 400)}`);
  return res.body;
}

export class Resources {
  readonly t: TestApp;
  /** The fixture's group administrator (seeds most records). */
  admin!: ApiClient;
  /** The fixture's OHS program owner (reports incidents). */
  ohs!: ApiClient;
  /** A medical user over the whole group (seeds health records). */
  doctor!: ApiClient;
  /** User ids that may be added to committees, one at a time. */
  memberPool: string[] = [];
  private cache = new Map<string, Promise<string>>();
  private counter = 0;
  private csfCampaigns = 0;

  constructor(t: TestApp) {
    this.t = t;
  }

  async init(doctor: ApiClient, memberPool: string[]) {
    this.admin = await this.t.signInAs('groupAdmin');
    this.ohs = await this.t.signInAs('ohsOwner');
    this.doctor = doctor;
    this.memberPool = [...memberPool];
  }

  /** A number unique in this run, for codes and names. */
  next() {
    return ++this.counter;
  }

  /** The id of a record of `family` at `loc`, seeded the first time it is asked for. */
  id(family: Family, loc: Location): Promise<string> {
    const key = `${family}@${loc}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.seed(family, loc);
      this.cache.set(key, found);
    }
    return found;
  }

  /** A new record of `family` at `loc`, for a route that uses it up (a delete without a version). */
  fresh(family: Family, loc: Location): Promise<string> {
    return this.seed(family, loc);
  }

  private async seed(family: Family, loc: Location): Promise<string> {
    const admin = this.admin;
    const n = this.next();
    const site = siteId(loc);
    switch (family) {
      case 'subsidiary':
        return SUBSIDIARIES.ASE.id;
      case 'site':
        return SITES[loc as SiteCode].id;
      case 'area': {
        if (loc === 'K7') return AREAS.K7_B1_F3_L2.id;
        if (loc === 'TC') return AREAS.TC_FAB.id;
        return ok(
          await admin.post('/api/org/areas', {
            siteId: site,
            parentId: null,
            kind: 'building',
            code: `M${n}`,
            name: `Matrix building ${n}`,
          }),
          'area',
        ).id;
      }
      case 'employee':
        return EMPLOYEE_AT[loc as SiteCode];
      case 'contractorCompany':
        return CONTRACTOR_COMPANY.id;
      case 'contractorWorker': {
        if (loc === 'K7') return CONTRACTOR_WORKERS.KS_001.id;
        if (loc === 'TC') return CONTRACTOR_WORKERS.KS_003.id;
        return ok(
          await admin.post('/api/people/contractor-workers', {
            companyId: CONTRACTOR_COMPANY.id,
            siteId: site,
            workerNo: `MX-${n}`,
            fullName: `Matrix Worker ${n}`,
          }),
          'contractor worker',
        ).id;
      }
      case 'external': {
        if (loc === 'K7') return EXTERNAL_PERSONS.STUDENT.id;
        if (loc === 'group') return EXTERNAL_PERSONS.SUPPLIER.id;
        return ok(
          await admin.post('/api/people/externals', {
            siteId: site,
            kind: 'visitor',
            fullName: `Matrix Visitor ${n}`,
            organisation: 'Matrix Ltd',
          }),
          'external person',
        ).id;
      }
      case 'user':
        return USERS.board.id;
      case 'obligation': {
        const actionId = await this.id('action', loc);
        const list = ok(
          await admin.get('/api/obligations', {
            query: { view: 'scope', kind: 'action.due', pageSize: 500 },
          }),
          'obligations',
        );
        const found = list.items.find((o: any) => o.sourceId === actionId);
        if (!found) throw new Error(`No obligation for the action at ${loc}`);
        return found.id;
      }
      case 'certification':
        return ok(
          await admin.post('/api/certifications', {
            standard: 'ISO 45001',
            ...(loc === 'ASE' ? { subsidiaryId: SUBSIDIARIES.ASE.id } : { siteId: site }),
            certificateNo: `MX-${n}`,
            issuer: 'Matrix Cert',
            issuedOn: isoDay(-300),
            validUntil: isoDay(700),
          }),
          'certificate',
        ).id;
      case 'action':
        return ok(
          await admin.post('/api/actions', {
            siteId: site,
            program: 'ohs',
            kind: 'corrective',
            title: `Matrix action ${n}`,
            ownerId: USERS.ohsOwner.id,
            dueDate: isoDay(30),
          }),
          'action',
        ).id;
      case 'committee':
        return ok(
          await admin.post(
            '/api/committees',
            loc === 'group'
              ? { name: `Matrix group committee ${n}`, program: 'ohs', level: 'group' }
              : { name: `Matrix committee ${n}`, program: 'ohs', level: 'site', siteId: site },
          ),
          'committee',
        ).id;
      case 'committeeMember': {
        const committeeId = await this.id('committee', loc);
        const userId = this.memberPool.shift();
        if (!userId) throw new Error('The pool of committee members ran out');
        const committee = ok(
          await admin.post(`/api/committees/${committeeId}/members`, { userId, role: 'member' }),
          'committee member',
        );
        return committee.members.find((m: any) => m.userId === userId).id;
      }
      case 'meeting':
        return ok(
          await admin.post('/api/meetings', {
            committeeId: await this.id('committee', loc),
            title: `Matrix meeting ${n}`,
            location: 'Room 2',
            scheduledAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          }),
          'meeting',
        ).id;
      case 'document': {
        const { body, contentType } = await multipart(`evidence-${n}.png`, PNG);
        return ok(
          await admin.post('/api/documents', body, {
            contentType,
            query: { entityType: 'action', entityId: await this.id('action', loc) },
          }),
          'document',
        ).id;
      }
      case 'course':
        return ok(
          await admin.post('/api/training/courses', {
            code: `MX-${n}`,
            title: `Matrix course ${n}`,
            domain: 'safety',
            audience: 'all_employees',
            hours: '1.5',
            siteId: site,
          }),
          'course',
        ).id;
      case 'securityIncident':
        return ok(
          await admin.post('/api/infosec/incidents', {
            siteId: site,
            title: `Matrix security incident ${n}`,
            description: 'Seeded for the authorization matrix',
            awareAt: new Date(Date.now() - 600_000).toISOString(),
          }),
          'securityIncident',
        ).id;
      case 'securitySystem':
        return ok(
          await admin.post('/api/infosec/systems', {
            siteId: site,
            name: `Matrix system ${n}`,
            domain: 'it',
            criticality: 'high',
          }),
          'securitySystem',
        ).id;
      case 'csfAssessment': {
        // A campaign of its own for each one (a campaign a year): years from 2101 on, apart from the matrix's
        // own campaign creations (2000–2099).
        const year = 2100 + ++this.csfCampaigns;
        const campaign = ok(
          await admin.post('/api/infosec/csf/campaigns', {
            year,
            name: `Matrix campaign ${year}`,
            scope: [{ siteId: site, domain: 'it' }],
          }),
          'csf campaign',
        );
        const listed = ok(
          await admin.get('/api/infosec/csf/assessments', { query: { campaignId: campaign.id } }),
          'csf assessments',
        );
        return listed.items[0].id;
      }
      case 'smartSensor':
        return ok(
          await admin.post('/api/smart/sensors', {
            siteId: site,
            tag: `MX-${n}`,
            name: `Matrix sensor ${n}`,
            kind: 'temperature',
            unit: '°C',
            limitH: 30,
          }),
          'smart sensor',
        ).id;
      case 'smartAlarm': {
        // A reading beyond the sensor's high limit, sent by the administrator's gateway token, raises it.
        const sensorId = await this.fresh('smartSensor', loc);
        const token = ok(await admin.post('/api/auth/tokens', { name: `matrix gateway ${n}` }), 'token');
        const sent = ok(
          await this.t
            .withToken(token.token)
            .post('/api/smart/readings', [
              { sensorId, at: new Date(Date.now() - 60_000).toISOString(), value: 40 },
            ]),
          'smart readings',
        );
        if (sent.alarmsRaised !== 1) throw new Error('The matrix reading raised no alarm');
        const alarms = ok(await admin.get('/api/smart/alarms', { query: { sensorId } }), 'smart alarms');
        return alarms.items[0].id;
      }
      case 'incident':
        return ok(
          await this.ohs.post('/api/ohs/incidents', {
            siteId: site,
            kind: 'near_miss',
            occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
            title: `Matrix incident ${n}`,
            description: 'Seeded for the authorization matrix',
          }),
          'incident',
        ).id;
      case 'injury': {
        const incidentId = await this.id('incident', loc);
        const view = ok(
          await admin.post(`/api/ohs/incidents/${incidentId}/injuries`, {
            personType: 'employee',
            personId: EMPLOYEE_AT[loc as SiteCode],
            injuryType: 'cut',
            bodyPart: 'hand',
            classification: 'first_aid',
            treatment: `Matrix plaster ${n}`,
          }),
          'injury',
        );
        // Found by its treatment: other injuries may be added to the same incident at the same time.
        return view.injuries.find((j: any) => j.treatment === `Matrix plaster ${n}`).id;
      }
      case 'investigation':
        return ok(
          await admin.post(`/api/ohs/incidents/${await this.id('incident', loc)}/investigation`),
          'investigation',
        ).id;
      case 'rootCause': {
        const inv = ok(
          await admin.post(`/api/ohs/investigations/${await this.id('investigation', loc)}/root-causes`, {
            method: 'fishbone',
            category: 'machine',
            statement: `Matrix cause ${n}`,
          }),
          'root cause',
        );
        return inv.rootCauses.find((r: any) => r.statement === `Matrix cause ${n}`).id;
      }
      case 'ipFamily':
        return ok(
          await admin.post('/api/ip/families', {
            siteId: site,
            reference: `MX-FAM-${n}`,
            title: `Matrix family ${n}`,
            technology: 'sip',
          }),
          'ipFamily',
        ).id;
      case 'ipMatter':
        return ok(
          await admin.post('/api/ip/matters', {
            familyId: await this.id('ipFamily', loc),
            office: 'TW',
            kind: 'invention',
            applicationNo: `MX${n}`,
            filingDate: '2020-03-02',
            grantDate: '2022-05-01',
            status: 'granted',
          }),
          'ipMatter',
        ).id;
      case 'trademark':
        return ok(
          await admin.post('/api/ip/trademarks', {
            siteId: site,
            mark: `MATRIX ${n}`,
            office: 'TW',
            niceClasses: [40],
            applicationNo: `MXT${n}`,
            filingDate: '2020-03-02',
            status: 'filed',
          }),
          'trademark',
        ).id;
      case 'hazard':
        return ok(
          await admin.post('/api/ohs/hazards', {
            siteId: site,
            activity: 'Matrix activity',
            hazard: `Matrix hazard ${n}`,
            consequence: 'Bruise',
            likelihood: 2,
            severity: 2,
            residualLikelihood: 1,
            residualSeverity: 2,
          }),
          'hazard',
        ).id;
      case 'permit': {
        const areaId = loc === 'K7' ? AREAS.K7_B1.id : await this.id('area', loc);
        return ok(
          await admin.post('/api/ohs/permits', {
            siteId: site,
            areaId,
            type: 'hot_work',
            companyId: CONTRACTOR_COMPANY.id,
            workerIds: [await this.id('contractorWorker', loc)],
            description: `Matrix permit ${n}`,
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          }),
          'permit',
        ).id;
      }
      case 'qualification':
        return ok(
          await admin.post('/api/ohs/qualifications', {
            workerId: await this.id('contractorWorker', loc),
            kind: 'hot_work',
            certificateNo: `MXQ-${n}`,
            validUntil: isoDay(365),
          }),
          'qualification',
        ).id;
      case 'screening':
        return ok(
          await this.doctor.post('/api/ohs/health/screenings', {
            siteId: site,
            personType: 'employee',
            personId: EMPLOYEE_AT[loc as SiteCode],
            kind: 'general',
            screenedOn: isoDay(-10),
            abnormal: true,
            findings: 'Matrix finding',
          }),
          'screening',
        ).id;
      case 'followup': {
        const view = ok(
          await this.doctor.get(`/api/ohs/health/screenings/${await this.id('screening', loc)}`),
          'screening',
        );
        return view.followups[0].id;
      }
      case 'wellbeing':
        return ok(
          await admin.post('/api/ohs/wellbeing/programs', {
            siteId: site,
            kind: 'club',
            name: `Matrix club ${n}`,
            startedOn: isoDay(-100),
          }),
          'wellbeing program',
        ).id;
      case 'goal':
        return ok(
          await admin.post('/api/ohs/goals', {
            siteId: site,
            title: `Matrix goal ${n}`,
            horizon: 'short',
            metric: 'fatalities',
            comparison: 'at_most',
            target: 0,
            fromYear: 2026,
            toYear: 2026,
          }),
          'goal',
        ).id;
      case 'academiaPartner':
        return ok(
          await admin.post('/api/academia/partners', {
            name: `Matrix University ${n}`,
            country: 'TW',
            kind: 'university',
          }),
          'academia partner',
        ).id;
      case 'academiaAgreement':
        return ok(
          await admin.post('/api/academia/agreements', {
            siteId: site,
            partnerId: await this.id('academiaPartner', 'group'),
            kind: 'mou',
            title: `Matrix agreement ${n}`,
            startsOn: isoDay(-100),
            endsOn: isoDay(500),
          }),
          'academia agreement',
        ).id;
      case 'academiaProject':
        return ok(
          await admin.post('/api/academia/projects', {
            siteId: site,
            partnerId: await this.id('academiaPartner', 'group'),
            title: `Matrix project ${n}`,
            line: 'packaging',
            principalInvestigator: 'Prof. Matrix',
            status: 'active',
            startsOn: isoDay(-100),
            currency: 'USD',
          }),
          'academia project',
        ).id;
      case 'academiaMilestone':
        return ok(
          await admin.post(`/api/academia/projects/${await this.id('academiaProject', loc)}/milestones`, {
            title: `Matrix milestone ${n}`,
            dueDate: isoDay(60),
          }),
          'academia milestone',
        ).id;
      case 'academiaIntern':
        return ok(
          await admin.post('/api/academia/interns', {
            siteId: site,
            partnerId: await this.id('academiaPartner', 'group'),
            fullName: `Matrix intern ${n}`,
            program: 'onsite_internship',
            startedOn: isoDay(-30),
          }),
          'academia intern',
        ).id;
      case 'token': {
        const board = await this.t.signInAs('board');
        return ok(await board.post('/api/auth/tokens', { name: `matrix ${n}` }), 'token').id;
      }
      case 'notification': {
        const row = await this.t.db
          .insertInto('notifications')
          .values({
            user_id: USERS.board.id,
            kind: 'matrix',
            title: 'For the Board only',
            body: 'Not yours',
            link: null,
            obligation_id: null,
            site_id: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      }
      case 'import': {
        const { body, contentType } = await multipart(
          'completions.csv',
          'employee_no,course_code,completed_on\nK7-0001,MX-1,2026-01-05\n',
        );
        return ok(
          await admin.post('/api/imports', body, { contentType, query: { kind: 'training_completions' } }),
          'import',
        ).id;
      }
    }
  }
}
