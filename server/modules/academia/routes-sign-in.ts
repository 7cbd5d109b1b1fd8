import { internEvaluationView } from '#shared/modules/academia/evaluation-contract.ts';
import * as c from '#shared/modules/academia/sign-in-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { userDirectory, userDirectoryQuery } from '#shared/platform/users/contract.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import type { AcademiaModule } from './module.ts';

const tags = ['academia'];

/**
 * A student's own sign-in: the staff give it (academia.manage at the intern's site); the student's routes are
 * open to every signed-in user and the service answers only for internships granted to the caller (404 else).
 */
export function registerAcademiaSignInRoutes(app: TypedApp, academia: AcademiaModule) {
  const { studentSignIn, investigatorSignIn } = academia;
  app.get(
    '/api/academia/outsiders',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary:
          'People outside the company, by name or e-mail, to be given a student’s or an investigator’s sign-in',
        querystring: userDirectoryQuery,
        response: { 200: userDirectory },
      },
    },
    async (request) => academia.outsiders(actorOf(request), request.query),
  );
  app.get(
    '/api/academia/interns/:id/sign-in',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Who signs in as the student of this internship',
        params: idParams,
        response: { 200: c.recordSignInView },
      },
    },
    async (request) => studentSignIn.signIn(actorOf(request), request.params.id),
  );
  app.put(
    '/api/academia/interns/:id/sign-in',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Give the student’s sign-in to a person outside the company, or take it back (userId null)',
        params: idParams,
        body: c.recordSignInInput,
        response: { 200: c.recordSignInView },
      },
    },
    async (request) => studentSignIn.setSignIn(actorOf(request), request.params.id, request.body.userId),
  );
  app.get(
    '/api/academia/my/internships',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'My internships (a student’s own sign-in)',
        response: { 200: c.myInternshipList },
      },
    },
    async (request) => studentSignIn.mine(actorOf(request)),
  );
  app.post(
    '/api/academia/my/internships/:id/evaluation',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Give my evaluation of my internship (once)',
        params: idParams,
        body: c.selfEvaluationInput,
        response: { 201: internEvaluationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await studentSignIn.evaluate(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/academia/projects/:id/sign-in',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Who signs in as the principal investigator of this research project',
        params: idParams,
        response: { 200: c.recordSignInView },
      },
    },
    async (request) => investigatorSignIn.signIn(actorOf(request), request.params.id),
  );
  app.put(
    '/api/academia/projects/:id/sign-in',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Give the principal investigator’s sign-in to a person outside the company, or take it back',
        params: idParams,
        body: c.recordSignInInput,
        response: { 200: c.recordSignInView },
      },
    },
    async (request) => investigatorSignIn.setSignIn(actorOf(request), request.params.id, request.body.userId),
  );
  app.get(
    '/api/academia/my/projects',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'My research projects (a principal investigator’s own sign-in)',
        response: { 200: c.myProjectList },
      },
    },
    async (request) => investigatorSignIn.mine(actorOf(request)),
  );
}
