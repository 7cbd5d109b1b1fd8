import { idParams } from '#shared/platform/http/list.ts';
import {
  userDirectory,
  userDirectoryQuery,
  userInput,
  userListQuery,
  userPage,
  userPatch,
  userView,
} from '#shared/platform/users/contract.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['users'];

export function registerUsersRoutes(app: TypedApp, { users }: Services) {
  app.get(
    '/api/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        summary: 'Users and their roles',
        querystring: userListQuery,
        response: { 200: userPage },
      },
    },
    async (request) => users.list(actorOf(request), request.query),
  );
  app.get(
    '/api/users/directory',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Active users with a role at a site you see, or over the group, by name or email: to pick an owner, a delegate or a committee member',
        querystring: userDirectoryQuery,
        response: { 200: userDirectory },
      },
    },
    async (request) => users.directory(actorOf(request), request.query),
  );
  app.get(
    '/api/users/:id',
    {
      config: { access: 'users.read' },
      schema: { tags, summary: 'One user', params: idParams, response: { 200: userView } },
    },
    async (request) => users.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: { tags, summary: 'Create a user with roles', body: userInput, response: { 201: userView } },
    },
    async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Change a user: roles, activity, password, unlock',
        params: idParams,
        body: userPatch,
        response: { 200: userView },
      },
    },
    async (request) => users.update(actorOf(request), request.params.id, request.body),
  );
}
