import { Type } from '@sinclair/typebox';
import { CaseParams } from '#src/modules/cases/index.ts';
import type { Router } from '#src/platform/http/router.ts';
import { PageQuery } from '#src/platform/pagination.ts';
import { CaseRef, Uuid } from '#src/platform/schemas.ts';
import { addFigure, listFigures, updateFigure } from './figures.ts';
import { getFigure, getPlace, getSource, getStatement, getSweep } from './read-one.ts';
import { addPlace, listPlaces, updatePlace } from './places.ts';
import {
  CreateFigureBody,
  CreatePlaceBody,
  CreateSourceBody,
  CreateStatementBody,
  CreateSweepBody,
  Figure,
  FigurePage,
  ListOrder,
  Place,
  PlacePage,
  Source,
  SourcePage,
  Statement,
  StatementPage,
  Sweep,
  SweepPage,
  UpdateSourceBody,
  UpdateStatementBody,
  UpdateSweepBody,
  UpdateFigureBody,
  UpdatePlaceBody,
} from './schemas.ts';
import { addSource, listSources, updateSource } from './sources.ts';
import { addStatement, listStatements, updateStatement } from './statements.ts';
import { addSweep, listSweeps, updateSweep } from './sweeps.ts';

const ItemParams = Type.Object({ caseId: CaseRef, id: Uuid });
const read = { kind: 'case', permission: 'case.read' } as const;
const write = { kind: 'case', permission: 'case.write' } as const;

/** Sources, statements, places, sweeps and figures of a case. */
export function caseFileRoutes(r: Router): void {
  const C = '/api/cases/:caseId';
  r.get(
    `${C}/sources`,
    {
      access: read,
      tags: ['sources'],
      summary: 'Sources of a case',
      params: CaseParams,
      querystring: PageQuery(),
      response: SourcePage,
    },
    (ctx, { scope, query }) => listSources(ctx, scope, query),
  );
  r.post(
    `${C}/sources`,
    {
      access: write,
      tags: ['sources'],
      summary: 'Add a source (organisation, outlet, account)',
      params: CaseParams,
      body: CreateSourceBody,
      response: Source,
      status: 201,
    },
    (ctx, { scope, body }) => addSource(ctx, scope, body),
  );
  r.patch(
    `${C}/sources/:id`,
    {
      access: write,
      tags: ['sources'],
      summary: 'Correct a source',
      params: ItemParams,
      body: UpdateSourceBody,
      response: Source,
    },
    (ctx, { scope, params, body }) => updateSource(ctx, scope, params.id, body),
  );

  r.get(
    `${C}/statements`,
    {
      access: read,
      tags: ['sources'],
      summary:
        'What sources said, in the order they said it (undated last); `order=newest` for the latest first',
      params: CaseParams,
      querystring: PageQuery({ sourceId: Type.Optional(Uuid), order: Type.Optional(ListOrder) }),
      response: StatementPage,
    },
    (ctx, { scope, query }) => listStatements(ctx, scope, query),
  );
  r.post(
    `${C}/statements`,
    {
      access: write,
      tags: ['sources'],
      summary: 'Record a statement with the time as the source gave it',
      params: CaseParams,
      body: CreateStatementBody,
      response: Statement,
      status: 201,
    },
    (ctx, { scope, body }) => addStatement(ctx, scope, body),
  );
  r.patch(
    `${C}/statements/:id`,
    {
      access: write,
      tags: ['sources'],
      summary: 'Correct a statement',
      params: ItemParams,
      body: UpdateStatementBody,
      response: Statement,
    },
    (ctx, { scope, params, body }) => updateStatement(ctx, scope, params.id, body),
  );

  r.get(
    `${C}/places`,
    {
      access: read,
      tags: ['places'],
      summary: 'Places (site → building → floor → zone)',
      params: CaseParams,
      querystring: PageQuery(),
      response: PlacePage,
    },
    (ctx, { scope, query }) => listPlaces(ctx, scope, query),
  );
  r.post(
    `${C}/places`,
    {
      access: write,
      tags: ['places'],
      summary: 'Add a place',
      params: CaseParams,
      body: CreatePlaceBody,
      response: Place,
      status: 201,
    },
    (ctx, { scope, body }) => addPlace(ctx, scope, body),
  );

  r.get(
    `${C}/sweeps`,
    {
      access: read,
      tags: ['places'],
      summary: 'Searches of places, by when they started (undated last); `order=newest` for the latest first',
      params: CaseParams,
      querystring: PageQuery({ order: Type.Optional(ListOrder) }),
      response: SweepPage,
    },
    (ctx, { scope, query }) => listSweeps(ctx, scope, query),
  );
  r.post(
    `${C}/sweeps`,
    {
      access: write,
      tags: ['places'],
      summary: 'Record a search of a place',
      params: CaseParams,
      body: CreateSweepBody,
      response: Sweep,
      status: 201,
    },
    (ctx, { scope, body }) => addSweep(ctx, scope, body),
  );
  r.patch(
    `${C}/sweeps/:id`,
    {
      access: write,
      tags: ['places'],
      summary: 'Record how a search went on (end, result, notes) or correct it',
      params: ItemParams,
      body: UpdateSweepBody,
      response: Sweep,
    },
    (ctx, { scope, params, body }) => updateSweep(ctx, scope, params.id, body),
  );

  r.get(
    `${C}/figures`,
    {
      access: read,
      tags: ['figures'],
      summary: 'Figures with their period, source and method',
      params: CaseParams,
      querystring: PageQuery(),
      response: FigurePage,
    },
    (ctx, { scope, query }) => listFigures(ctx, scope, query),
  );
  r.post(
    `${C}/figures`,
    {
      access: write,
      tags: ['figures'],
      summary: 'Record a figure',
      params: CaseParams,
      body: CreateFigureBody,
      response: Figure,
      status: 201,
    },
    (ctx, { scope, body }) => addFigure(ctx, scope, body),
  );

  r.patch(
    `${C}/places/:id`,
    {
      access: write,
      tags: ['places'],
      summary: 'Correct a place (kind, parent, names, position, description)',
      params: ItemParams,
      body: UpdatePlaceBody,
      response: Place,
    },
    (ctx, { scope, params, body }) => updatePlace(ctx, scope, params.id, body),
  );

  r.patch(
    `${C}/figures/:id`,
    {
      access: write,
      tags: ['figures'],
      summary: 'Correct a figure (null clears a field: a value becomes a range)',
      params: ItemParams,
      body: UpdateFigureBody,
      response: Figure,
    },
    (ctx, { scope, params, body }) => updateFigure(ctx, scope, params.id, body),
  );

  // One record by id, for links to it (the desk's timeline, evidence and history link here).
  const one = [
    ['sources', 'sources', Source, getSource],
    ['statements', 'sources', Statement, getStatement],
    ['places', 'places', Place, getPlace],
    ['sweeps', 'places', Sweep, getSweep],
    ['figures', 'figures', Figure, getFigure],
  ] as const;
  for (const [path, tag, response, get] of one) {
    r.get(
      `${C}/${path}/:id`,
      { access: read, tags: [tag], summary: `One of the ${path} by id`, params: ItemParams, response },
      (ctx, { scope, params }) => get(ctx, scope, params.id),
    );
  }
}
