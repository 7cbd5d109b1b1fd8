import type { ApiClient, TestApp } from '../../support/app.ts';
import type { FixtureUser } from '../../support/fixture.ts';
import type { Family, FamilySpec } from './family-kit.ts';
import type { Location } from './policy.ts';
import type { RegistrySample } from './route-kit.ts';
import { type SecuritySuite, SUITE } from './suite.ts';

/**
 * The records that parametrised routes act on: for each family (the platform's in platform-families.ts, each
 * module's in its security fixture), a record at each of its locations, seeded through the API the first
 * time it is asked for.
 */
export class Resources {
  readonly t: TestApp;
  readonly families: Record<Family, FamilySpec>;
  /** The program the shared registries' records are filed under. */
  readonly registries: RegistrySample;
  /** The fixture's group administrator (seeds most records). */
  admin!: ApiClient;
  /** A medical user over the whole group (seeds health records). */
  doctor!: ApiClient;
  /** User ids that may be added to committees, one at a time. */
  memberPool: string[] = [];
  private cache = new Map<string, Promise<string>>();
  private clients = new Map<FixtureUser, Promise<ApiClient>>();
  private counters = new Map<string, number>();
  private counter = 0;

  constructor(t: TestApp, suite: Pick<SecuritySuite, 'families' | 'registries'> = SUITE) {
    this.t = t;
    this.families = suite.families;
    this.registries = suite.registries;
  }

  async init(doctor: ApiClient, memberPool: string[]) {
    this.admin = await this.t.signInAs('groupAdmin');
    this.doctor = doctor;
    this.memberPool = [...memberPool];
  }

  /** A fixture user, signed in once (a family's records seeded by their reporter, say). */
  signedIn(user: FixtureUser): Promise<ApiClient> {
    let client = this.clients.get(user);
    if (!client) {
      client = this.t.signInAs(user);
      this.clients.set(user, client);
    }
    return client;
  }

  /** A number unique in this run, for codes and names. */
  next() {
    return ++this.counter;
  }

  /** The next of a count of its own, from 1: for a value that must stay small and unique (a year). */
  count(name: string) {
    const n = (this.counters.get(name) ?? 0) + 1;
    this.counters.set(name, n);
    return n;
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
    const spec = this.families[family];
    if (!spec)
      throw new Error(`No family ${family} in the security suite: declare it in its security fixture`);
    return spec.seed({ res: this, loc, n: this.next() });
  }
}
