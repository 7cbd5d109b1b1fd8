import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { TrainingDueView } from '#shared/platform/training/contract.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { NotFoundError } from '../http/errors.ts';
import type { SelfPerson } from '../people/self.ts';
import { courseConcerns, dueStateOrder, trainingDue } from './rules/due.ts';

type DuePerson =
  | { kind: 'employee'; id: string; siteId: string; fullName: string; hireDate: string }
  | { kind: 'contractor_worker'; id: string; siteId: string; fullName: string };

/** What training a person owes: the courses that concern them and, from their completions, when each is due. */
export function createTrainingDueService(db: Db, now: () => Date) {
  async function dueFor(person: DuePerson): Promise<TrainingDueView> {
    const site = await db
      .selectFrom('sites')
      .select('time_zone')
      .where('id', '=', person.siteId)
      .executeTakeFirstOrThrow();
    const today = localDate(now(), site.time_zone);
    const courses = (
      await db
        .selectFrom('training_courses')
        .selectAll()
        .where('active', '=', true)
        .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', person.siteId)]))
        .execute()
    ).filter((c) => courseConcerns(c.audience, person, today));
    const completions = courses.length
      ? await db
          .selectFrom('training_completions')
          .select(['course_id', 'completed_on', 'result'])
          .where('person_type', '=', person.kind)
          .where('person_id', '=', person.id)
          .where(
            'course_id',
            'in',
            courses.map((c) => c.id),
          )
          .execute()
      : [];
    const items = courses
      .map((c) => {
        const due = trainingDue(
          completions
            .filter((x) => x.course_id === c.id)
            .map((x) => ({ completedOn: x.completed_on, result: x.result })),
          c.recurrence_months,
          today,
        );
        return {
          courseId: c.id,
          code: c.code,
          title: c.title,
          titleZh: c.title_zh,
          domain: c.domain,
          hours: String(c.hours),
          recurrenceMonths: c.recurrence_months,
          ...due,
        };
      })
      .sort(
        (a, b) =>
          dueStateOrder[a.state] - dueStateOrder[b.state] ||
          (a.dueOn ?? '').localeCompare(b.dueOn ?? '') ||
          a.code.localeCompare(b.code),
      );
    const count = (s: keyof typeof dueStateOrder) => items.filter((i) => i.state === s).length;
    return {
      person: { kind: person.kind, id: person.id, fullName: person.fullName },
      items,
      counts: {
        overdue: count('overdue'),
        notTaken: count('not_taken'),
        dueSoon: count('due_soon'),
        done: count('done'),
      },
    };
  }

  return {
    /** The actor's own training; `person` is the account's person (people.personOf), null if none. */
    async myTraining(_actor: Actor, person: SelfPerson | null): Promise<TrainingDueView> {
      if (!person)
        return { person: null, items: [], counts: { overdue: 0, notTaken: 0, dueSoon: 0, done: 0 } };
      return dueFor(person);
    },

    /** One employee's training, for the staff who read training records at the employee's site. */
    async employeeTraining(actor: Actor, employeeId: string): Promise<TrainingDueView> {
      const e = await db
        .selectFrom('employees')
        .select(['id', 'site_id', 'full_name', 'hire_date'])
        .where('id', '=', employeeId)
        .executeTakeFirst();
      if (!e) throw new NotFoundError('employee');
      access.assert(actor, { permission: 'training.read', siteId: e.site_id, what: 'employee' });
      return dueFor({
        kind: 'employee',
        id: e.id,
        siteId: e.site_id,
        fullName: e.full_name,
        hireDate: e.hire_date,
      });
    },
  };
}
