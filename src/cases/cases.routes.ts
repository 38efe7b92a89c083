import { createRoute } from '@hono/zod-openapi';
import type { App } from '../http/app.ts';
import { requireRole } from '../http/auth.ts';
import { json, ok } from '../http/openapi.ts';
import { registerCaseResolutionRoutes } from './case-resolution.routes.ts';
import { addDocument, addMessage, createCase, requestDocument, setIssueType } from './cases.commands.ts';
import { getCase, listCaseEvents, listCases } from './cases.queries.ts';
import {
  caseIdParams,
  documentRequestSchema,
  issueTypeSchema,
  listCasesQuery,
  newCaseSchema,
  newDocumentSchema,
  newMessageSchema,
} from './cases.types.ts';
import { registerRepeatContactRoutes } from './repeat-contact.routes.ts';

const tags = ['cases'];
const writers = requireRole('agent', 'lead', 'supervisor');

export function registerCaseRoutes(app: App) {
  registerRepeatContactRoutes(app);
  registerCaseResolutionRoutes(app);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases',
      tags,
      middleware: [writers],
      request: { body: json(newCaseSchema) },
      responses: { 201: ok('The case') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const id = await createCase(database.db, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(await getCase(database.db, c.var.principal.orgId, id), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases',
      tags,
      request: {
        query: listCasesQuery,
      },
      responses: {
        200: ok('Cases, newest first, each with where it is now; `nextCursor` fetches the next page'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listCases(c.var.services.database.db, c.var.principal.orgId, {
        ...q,
        before: q.before ? new Date(q.before) : undefined,
      });
      return c.json(page, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}',
      tags,
      request: { params: caseIdParams },
      responses: { 200: ok('The case with its conversation, documents and journey') },
    }),
    async (c) =>
      c.json(await getCase(c.var.services.database.db, c.var.principal.orgId, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/cases/{id}/events',
      tags,
      request: { params: caseIdParams },
      responses: { 200: ok('The append-only event log, oldest first') },
    }),
    async (c) => {
      const items = await listCaseEvents(
        c.var.services.database.db,
        c.var.principal.orgId,
        c.req.valid('param').id,
      );
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{id}/messages',
      tags,
      middleware: [writers],
      request: { params: caseIdParams, body: json(newMessageSchema) },
      responses: { 201: ok('The message') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const message = await addMessage(database.db, c.req.valid('param').id, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(message, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{id}/documents',
      tags,
      middleware: [writers],
      request: { params: caseIdParams, body: json(newDocumentSchema) },
      responses: { 201: ok('The document, now on file') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const doc = await addDocument(database.db, c.req.valid('param').id, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(doc, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{id}/document-requests',
      tags,
      middleware: [writers],
      request: { params: caseIdParams, body: json(documentRequestSchema) },
      responses: { 201: ok('The request'), 409: ok('document_on_file: that kind is already on file') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const r = await requestDocument(database.db, c.req.valid('param').id, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(r, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/cases/{id}/issue-type',
      tags,
      middleware: [writers],
      request: { params: caseIdParams, body: json(issueTypeSchema) },
      responses: { 200: ok('The issue type is set; repeat contacts it reveals are linked') },
    }),
    async (c) => {
      const { database, clock } = c.var.services;
      const r = await setIssueType(database.db, c.req.valid('param').id, c.req.valid('json'), {
        principal: c.var.principal,
        now: clock(),
      });
      return c.json(r, 200);
    },
  );
}
