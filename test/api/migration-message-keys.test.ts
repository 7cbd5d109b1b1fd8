import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, migrateToLatest, migrateUpTo } from '../../server/db/migrate.ts';
import { type Message, renderMessage, storedText } from '../../server/platform/i18n/index.ts';
import { registerModulePolicies } from '../../server/services.ts';
import { databases, openTestDatabase } from '../support/app.ts';
import { SITES, seedFixture, USERS } from '../support/fixture.ts';

registerModulePolicies();

const names = Object.keys(allMigrations());
const K7 = SITES.K7.id;

/** Titles stored as sentences before 0018, by the platform and by OHS, with the key each should become. */
const OLD_TITLES: { kind: string; title: string; key: string | null }[] = [
  {
    kind: 'certification.renewal',
    title: 'Renew ISO 45001 certificate of K7',
    key: 'platform.certification.renew',
  },
  {
    kind: 'certification.renewal',
    title: 'Renew ISO 14001 certificate of ASE',
    key: 'platform.certification.renew',
  },
  {
    kind: 'meeting.minutes',
    title: 'Minutes of K7 OHS committee: Q2 2026 meeting',
    key: 'platform.meeting.minutes',
  },
  { kind: 'action.due', title: 'Action: Fit a guard on press 4', key: 'platform.action.due' },
  {
    kind: 'ohs.hazard_review',
    title: 'Review the risk of "Chemical splash" (Filling the acid tank)',
    key: 'ohs.obligation.hazardReview',
  },
  { kind: 'ohs.health_followup', title: 'Health record review', key: 'ohs.obligation.healthReview' },
  {
    kind: 'ohs.qualification_expiry',
    title: '陳大文: confined space qualification expires',
    key: 'ohs.obligation.qualificationExpiry',
  },
  {
    kind: 'ohs.authority_notice',
    title: 'Notify the labour authority of K7-2026-0012 within 8 hours',
    key: 'ohs.obligation.authorityNotice',
  },
  // Typed by someone, or of a shape no release wrote: kept as it is.
  { kind: 'action.due', title: 'Call the insurer', key: null },
  { kind: 'certification.renewal', title: 'Renouveler le certificat', key: null },
];

const OLD_DESCRIPTIONS: { source: string; description: string; key: string | null }[] = [
  {
    source: 'meeting',
    description: 'Decision 2 of K7 OHS committee, Q2 2026 meeting (2026-06-18): Buy two more gas detectors',
    key: 'platform.action.fromDecision',
  },
  {
    source: 'ohs_root_cause',
    description: 'From the investigation of K7-2026-0012: the guard was removed for cleaning.',
    key: 'ohs.action.fromInvestigation',
  },
  { source: 'ohs_root_cause', description: 'Check with the supplier first.', key: null },
];

describe.each(databases())('migrations 0018_message_keys and 0020_ohs_message_keys (%s)', (kind) => {
  let scratch: Awaited<ReturnType<typeof openTestDatabase>>;
  const obligationIds = OLD_TITLES.map(() => randomUUID());
  const actionIds = OLD_DESCRIPTIONS.map(() => randomUUID());

  beforeAll(async () => {
    scratch = await openTestDatabase(kind);
    await migrateUpTo(scratch.database.db, names[names.indexOf('0018_message_keys') - 1]);
    await seedFixture(scratch.database.db);
    const db = scratch.database.db;
    await db
      .insertInto('obligations')
      .values(
        OLD_TITLES.map((o, i) => ({
          id: obligationIds[i],
          kind: o.kind,
          source_type: 'old',
          source_id: String(i),
          site_id: K7,
          owner_id: USERS.k7Officer.id,
          title: o.title,
          due_date: '2026-06-30',
        })),
      )
      .execute();
    // Only the columns that existed before 0018.
    for (const [i, a] of OLD_DESCRIPTIONS.entries())
      await db
        .insertInto('actions')
        .values({
          id: actionIds[i],
          site_id: K7,
          program: 'ohs',
          kind: 'corrective',
          title: `Typed title ${i}`,
          description: a.description,
          source_type: a.source,
          source_id: randomUUID(),
          due_date: '2026-07-31',
        })
        .execute();
  });
  afterAll(async () => {
    await scratch?.close();
  });

  it('turns the sentences the server wrote into keys that render the same English, and keeps typed text', async () => {
    const db = scratch.database.db;
    const applied = await migrateToLatest(db);
    expect(applied).toEqual(expect.arrayContaining(['0018_message_keys', '0020_ohs_message_keys']));

    const rows = await db
      .selectFrom('obligations')
      .select(['id', 'title', 'title_key', 'title_params'])
      .where('id', 'in', obligationIds)
      .execute();
    expect(rows).toHaveLength(OLD_TITLES.length);
    for (const [i, old] of OLD_TITLES.entries()) {
      const row = rows.find((r) => r.id === obligationIds[i]);
      expect(row?.title_key ?? null, old.title).toBe(old.key);
      if (old.key === null) {
        expect(row?.title).toBe(old.title);
        continue;
      }
      expect(row?.title, old.title).toBeNull();
      const message = storedText(row?.title_key ?? null, row?.title_params, null);
      // The key and parameters say exactly what the sentence said, and now say it in Chinese too.
      expect(renderMessage('en', message as Message)).toBe(old.title);
      expect(renderMessage('zh-TW', message as Message)).not.toBe(old.title);
    }
    const qualification = rows.find((r) => r.id === obligationIds[6]);
    expect(qualification?.title_params).toEqual({
      worker: '陳大文',
      kind: { key: 'ohs.qualificationKind.confined_space' },
    });
    expect(rows.find((r) => r.id === obligationIds[7])?.title_params).toEqual({
      reference: 'K7-2026-0012',
      hours: 8,
    });

    const actions = await db
      .selectFrom('actions')
      .select(['id', 'title', 'description', 'description_key', 'description_params'])
      .where('id', 'in', actionIds)
      .execute();
    for (const [i, old] of OLD_DESCRIPTIONS.entries()) {
      const row = actions.find((r) => r.id === actionIds[i]);
      expect(row?.title).toBe(`Typed title ${i}`);
      expect(row?.description_key ?? null, old.description).toBe(old.key);
      if (old.key === null) {
        expect(row?.description).toBe(old.description);
        continue;
      }
      expect(row?.description).toBeNull();
      const message = storedText(row?.description_key ?? null, row?.description_params, null);
      expect(renderMessage('en', message as Message)).toBe(old.description);
    }
    expect(actions.find((r) => r.id === actionIds[0])?.description_params).toMatchObject({ seq: 2 });
  });

  it('refuses a row with neither a typed title nor a key', async () => {
    await expect(
      scratch.database.db
        .updateTable('obligations')
        .set({ title: null, title_key: null })
        .where('id', '=', obligationIds[8])
        .execute(),
    ).rejects.toThrow(/obligations_title_present/);
  });
});
