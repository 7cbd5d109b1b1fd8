import { idParams } from '#shared/platform/http/list.ts';
import {
  agendaBody,
  attendanceBody,
  committeeInput,
  committeeListQuery,
  committeePage,
  committeePatch,
  committeeView,
  decisionBody,
  meetingInput,
  meetingListQuery,
  meetingPage,
  meetingPatch,
  meetingTransitionBody,
  meetingView,
  memberInput,
} from '#shared/platform/meetings/contract.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['meetings'];

/**
 * Committees and their meetings. Members of a committee read it and its meetings, and its chair and
 * secretary run the meetings, without any other permission: those routes are open to every signed-in user
 * and the service decides.
 */
export function registerMeetingRoutes(app: TypedApp, { meetings }: Services) {
  app.get(
    '/api/committees',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Committees of the sites in your scope and of the group, or those you sit on (mine=true)',
        querystring: committeeListQuery,
        response: { 200: committeePage },
      },
    },
    async (request) => meetings.listCommittees(actorOf(request), request.query),
  );
  app.get(
    '/api/committees/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One committee with its members',
        params: idParams,
        response: { 200: committeeView },
      },
    },
    async (request) => meetings.getCommittee(actorOf(request), request.params.id),
  );
  app.post(
    '/api/committees',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: 'Set up a committee of the group, a subsidiary or a site, with its members',
        body: committeeInput,
        response: { 201: committeeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meetings.createCommittee(actorOf(request), request.body)),
  );
  app.patch(
    '/api/committees/:id',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: 'Change a committee: names, charter, frequency, quorum rule, active',
        params: idParams,
        body: committeePatch,
        response: { 200: committeeView },
      },
    },
    async (request) => meetings.updateCommittee(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/committees/:id/members',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: 'Seat a member on a committee: chair, secretary, member or employee representative',
        params: idParams,
        body: memberInput,
        response: { 201: committeeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meetings.addMember(actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/committee-members/:id',
    {
      config: { access: 'meetings.manage' },
      schema: {
        tags,
        summary: 'Remove a member from a committee',
        params: idParams,
        response: { 200: committeeView },
      },
    },
    async (request) => meetings.removeMember(actorOf(request), request.params.id),
  );

  app.get(
    '/api/meetings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Meetings in your scope, or of the committees you sit on (mine=true); filter by committee, status and days',
        querystring: meetingListQuery,
        response: { 200: meetingPage },
      },
    },
    async (request) => meetings.listMeetings(actorOf(request), request.query),
  );
  app.get(
    '/api/meetings/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One meeting with its agenda, attendance, quorum, minutes and decisions',
        params: idParams,
        response: { 200: meetingView },
      },
    },
    async (request) => meetings.getMeeting(actorOf(request), request.params.id),
  );
  app.post(
    '/api/meetings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Schedule a meeting of a committee; its secretary owes the minutes',
        body: meetingInput,
        response: { 201: meetingView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meetings.createMeeting(actorOf(request), request.body)),
  );
  app.patch(
    '/api/meetings/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Change a meeting: title, time and place (while planned), minutes (once held)',
        params: idParams,
        body: meetingPatch,
        response: { 200: meetingView },
      },
    },
    async (request) => meetings.updateMeeting(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/meetings/:id/transition',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Mark a meeting held, approve its minutes, or cancel it',
        params: idParams,
        body: meetingTransitionBody,
        response: { 200: meetingView },
      },
    },
    async (request) => meetings.transition(actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/meetings/:id/agenda',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Replace the agenda of a meeting (ordered items with presenters)',
        params: idParams,
        body: agendaBody,
        response: { 200: meetingView },
      },
    },
    async (request) => meetings.setAgenda(actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/meetings/:id/attendance',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Record attendance of members (present, absent, excused); the quorum follows',
        params: idParams,
        body: attendanceBody,
        response: { 200: meetingView },
      },
    },
    async (request) => meetings.setAttendance(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/meetings/:id/decisions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Record a decision, optionally followed up as an action with an owner and a due date',
        params: idParams,
        body: decisionBody,
        response: { 201: meetingView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meetings.addDecision(actorOf(request), request.params.id, request.body)),
  );
}
