import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '#src/app.ts';
import {
  CreateFigureBody, CreatePlaceBody, CreateSourceBody, CreateStatementBody, CreateSweepBody, Figure, Place, Source, Statement, Sweep,
  UpdateSourceBody, UpdateStatementBody, UpdateSweepBody,
} from '#src/schemas/case.ts';
import { CaseRef, Uuid } from '#src/schemas/common.ts';
import { actorOf, scopeOf } from '../plugins/auth.ts';
import { CaseParams } from './cases.routes.ts';

const ItemParams = Type.Object({ caseId: CaseRef, id: Uuid });
const read = { kind: 'case', permission: 'case.read' } as const;
const write = { kind: 'case', permission: 'case.write' } as const;

/** Sources, statements, places, sweeps and figures of a case. */
export function caseFileRoutes(fastify: FastifyInstance, athar: App): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { caseFile } = athar.services;

  app.get('/api/cases/:caseId/sources', {
    config: { access: read },
    schema: { tags: ['sources'], summary: 'Sources of a case', params: CaseParams, response: { 200: Type.Object({ sources: Type.Array(Source) }) } },
  }, async (req) => ({ sources: await caseFile.listSources(scopeOf(req)) }));

  app.post('/api/cases/:caseId/sources', {
    config: { access: write },
    schema: { tags: ['sources'], summary: 'Add a source (organisation, outlet, account)', params: CaseParams, body: CreateSourceBody, response: { 201: Source } },
  }, async (req, reply) => reply.status(201).send(await caseFile.addSource(actorOf(req), scopeOf(req), req.body)));

  app.patch('/api/cases/:caseId/sources/:id', {
    config: { access: write },
    schema: { tags: ['sources'], summary: 'Correct a source', params: ItemParams, body: UpdateSourceBody, response: { 200: Source } },
  }, async (req) => caseFile.updateSource(actorOf(req), scopeOf(req), req.params.id, req.body));

  app.get('/api/cases/:caseId/statements', {
    config: { access: read },
    schema: {
      tags: ['sources'], summary: 'What sources said', params: CaseParams,
      querystring: Type.Object({ sourceId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: { 200: Type.Object({ statements: Type.Array(Statement) }) },
    },
  }, async (req) => ({ statements: await caseFile.listStatements(scopeOf(req), req.query.sourceId) }));

  app.post('/api/cases/:caseId/statements', {
    config: { access: write },
    schema: { tags: ['sources'], summary: 'Record a statement with the time as the source gave it', params: CaseParams, body: CreateStatementBody, response: { 201: Statement } },
  }, async (req, reply) => reply.status(201).send(await caseFile.addStatement(actorOf(req), scopeOf(req), req.body)));

  app.patch('/api/cases/:caseId/statements/:id', {
    config: { access: write },
    schema: { tags: ['sources'], summary: 'Correct a statement', params: ItemParams, body: UpdateStatementBody, response: { 200: Statement } },
  }, async (req) => caseFile.updateStatement(actorOf(req), scopeOf(req), req.params.id, req.body));

  app.get('/api/cases/:caseId/places', {
    config: { access: read },
    schema: { tags: ['places'], summary: 'Places (site → building → floor → zone)', params: CaseParams, response: { 200: Type.Object({ places: Type.Array(Place) }) } },
  }, async (req) => ({ places: await caseFile.listPlaces(scopeOf(req)) }));

  app.post('/api/cases/:caseId/places', {
    config: { access: write },
    schema: { tags: ['places'], summary: 'Add a place', params: CaseParams, body: CreatePlaceBody, response: { 201: Place } },
  }, async (req, reply) => reply.status(201).send(await caseFile.addPlace(actorOf(req), scopeOf(req), req.body)));

  app.get('/api/cases/:caseId/sweeps', {
    config: { access: read },
    schema: { tags: ['places'], summary: 'Searches of places', params: CaseParams, response: { 200: Type.Object({ sweeps: Type.Array(Sweep) }) } },
  }, async (req) => ({ sweeps: await caseFile.listSweeps(scopeOf(req)) }));

  app.post('/api/cases/:caseId/sweeps', {
    config: { access: write },
    schema: { tags: ['places'], summary: 'Record a search of a place', params: CaseParams, body: CreateSweepBody, response: { 201: Sweep } },
  }, async (req, reply) => reply.status(201).send(await caseFile.addSweep(actorOf(req), scopeOf(req), req.body)));

  app.patch('/api/cases/:caseId/sweeps/:id', {
    config: { access: write },
    schema: { tags: ['places'], summary: 'Record how a search went on (end, result, notes) or correct it', params: ItemParams, body: UpdateSweepBody, response: { 200: Sweep } },
  }, async (req) => caseFile.updateSweep(actorOf(req), scopeOf(req), req.params.id, req.body));

  app.get('/api/cases/:caseId/figures', {
    config: { access: read },
    schema: { tags: ['figures'], summary: 'Figures with their period, source and method', params: CaseParams, response: { 200: Type.Object({ figures: Type.Array(Figure) }) } },
  }, async (req) => ({ figures: await caseFile.listFigures(scopeOf(req)) }));

  app.post('/api/cases/:caseId/figures', {
    config: { access: write },
    schema: { tags: ['figures'], summary: 'Record a figure', params: CaseParams, body: CreateFigureBody, response: { 201: Figure } },
  }, async (req, reply) => reply.status(201).send(await caseFile.addFigure(actorOf(req), scopeOf(req), req.body)));
}
