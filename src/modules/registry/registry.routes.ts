import { Type } from '@sinclair/typebox';
import { CaseParams } from '#src/modules/cases/index.ts';
import type { Router } from '#src/platform/http/router.ts';
import { CaseRef, Uuid } from '#src/platform/schemas.ts';
import { addEvent, addPerson, listPersons, showPerson, updatePerson } from './persons.ts';
import { showPersonById } from './by-id.ts';
import {
  CreateEventBody,
  CreatePersonBody,
  ExportBody,
  ImportQuery,
  ImportReport,
  LinkInput,
  PersonLinks,
  Person,
  PersonDetail,
  PersonEvent,
  PersonListQuery,
  PersonPage,
  ReleaseDecisionBody,
  ReleaseListQuery,
  ReleaseLists,
  ReleaseListView,
  SearchQuery,
  SearchResults,
  UpdatePersonBody,
} from './schemas.ts';
import { searchPersons } from './search.ts';
import { linkPersons, personLinks, unlinkPersons } from './links.ts';
import { importPersons } from './import.ts';
import { exportPersons } from './export.ts';
import { addReleaseList, decideReleaseLine, listReleaseLists, reviewReleaseList } from './release-lists.ts';
import { Readable } from 'node:stream';
import { invalid } from '#src/platform/errors.ts';

const ItemParams = Type.Object({ caseId: CaseRef, id: Uuid });
// Persons are the caseworkers' and the case admins' alone (person.read / person.write).
const read = { kind: 'case', permission: 'person.read' } as const;
const write = { kind: 'case', permission: 'person.write' } as const;

/** The registry of a case: persons, their events, search. */
export function registryRoutes(r: Router): void {
  const C = '/api/cases/:caseId/persons';
  r.get(
    C,
    {
      access: read,
      tags: ['registry'],
      summary: 'Persons of a case, in the order they were recorded (the list is recorded)',
      params: CaseParams,
      querystring: PersonListQuery,
      response: PersonPage,
      transaction: true,
    },
    (ctx, { scope, query }) => listPersons(ctx, scope, query),
  );
  r.post(
    C,
    {
      access: write,
      tags: ['registry'],
      summary: 'Record a person (names by part in Arabic script and Latin letters)',
      params: CaseParams,
      body: CreatePersonBody,
      response: Person,
      status: 201,
    },
    (ctx, { scope, body }) => addPerson(ctx, scope, body),
  );
  r.post(
    `${C}/import`,
    {
      access: write,
      tags: ['registry'],
      summary: 'Import persons from a CSV file (all or nothing; a dry run reports what it would do)',
      description:
        "Send the file as the body with Content-Type: application/octet-stream (UTF-8, with or without a byte-order mark, or Windows-1256). The answer is the report: rows accepted, rejected (line and reason), likely duplicates; `imported` says whether anything was stored. One audit event per import with the file's SHA-256 and the counts.",
      params: CaseParams,
      querystring: ImportQuery,
      response: ImportReport,
      transaction: false,
    },
    (ctx, { scope, query }, { request }) => {
      if (!(request.body instanceof Readable))
        throw invalid(
          'import.body',
          'send the file itself as the body, with Content-Type: application/octet-stream',
        );
      return importPersons(ctx, scope, request.body, {
        dryRun: query.dryRun ?? false,
        skipInvalid: query.skipInvalid ?? false,
        updateBy: query.updateBy ?? null,
        map: query.map ?? [],
        format: query.format,
      });
    },
  );
  r.post(
    `${C}/export`,
    {
      access: { kind: 'case', permission: 'person.export' },
      tags: ['registry'],
      summary: "The case's persons as one file (case admins; recorded before it is sent)",
      description:
        "CSV: UTF-8 with a byte-order mark, one row per person, cells that a spreadsheet would run as a formula prefixed with '. JSON: every person with their events. Headers x-athar-export-id, x-athar-sha256 and x-athar-persons describe the file; the export is on the audit trail with its SHA-256.",
      params: CaseParams,
      body: ExportBody,
      transaction: false,
    },
    async (ctx, { scope, body }, { reply }) => {
      const x = await exportPersons(ctx, scope, body.format);
      void reply
        .type(x.contentType)
        .header('content-disposition', `attachment; filename="${x.fileName}"`)
        .header('content-length', String(x.size))
        .header('x-athar-export-id', x.exportId)
        .header('x-athar-sha256', x.sha256)
        .header('x-athar-persons', String(x.persons))
        .header('cache-control', 'no-store');
      return x.stream;
    },
  );
  r.get(
    `${C}/search`,
    {
      access: read,
      tags: ['registry'],
      summary: 'Search persons by name in either script, with parents’ names and birth year (recorded)',
      params: CaseParams,
      querystring: SearchQuery,
      response: SearchResults,
      transaction: true,
    },
    (ctx, { scope, query }) => searchPersons(ctx, scope, query),
  );
  r.get(
    `${C}/:id`,
    {
      access: read,
      tags: ['registry'],
      summary: 'One person with their events (the opening is recorded)',
      params: ItemParams,
      response: PersonDetail,
      transaction: true,
    },
    (ctx, { scope, params }) => showPerson(ctx, scope, params.id),
  );
  r.patch(
    `${C}/:id`,
    {
      access: write,
      tags: ['registry'],
      summary: 'Correct a person',
      params: ItemParams,
      body: UpdatePersonBody,
      response: Person,
    },
    (ctx, { scope, params, body }) => updatePerson(ctx, scope, params.id, body),
  );
  r.post(
    `${C}/:id/events`,
    {
      access: write,
      tags: ['registry'],
      summary: 'Add an event (reported missing, arrested, seen, released, …); the status follows',
      params: ItemParams,
      body: CreateEventBody,
      response: Type.Object({ event: PersonEvent, person: Person }),
      status: 201,
    },
    (ctx, { scope, params, body }) => addEvent(ctx, scope, params.id, body),
  );
  r.get(
    `${C}/:id/links`,
    {
      access: read,
      tags: ['registry'],
      summary:
        "A person's links, likely duplicates not linked yet, and the combined view of a 'same person' group (recorded)",
      params: ItemParams,
      response: PersonLinks,
      transaction: true,
    },
    (ctx, { scope, params }) => personLinks(ctx, scope, params.id),
  );
  r.post(
    `${C}/:id/links`,
    {
      access: write,
      tags: ['registry'],
      summary: "Link two records as 'same person', 'possible duplicate' or 'distinct' (never a merge)",
      params: ItemParams,
      body: LinkInput,
      response: PersonLinks,
      status: 201,
    },
    (ctx, { scope, params, body }) => linkPersons(ctx, scope, params.id, body),
  );
  r.delete(
    `${C}/:id/links/:otherId`,
    {
      access: write,
      tags: ['registry'],
      summary: 'Unlink two records (the link stays in the history, marked removed)',
      params: Type.Object({ caseId: CaseRef, id: Uuid, otherId: Uuid }),
      response: PersonLinks,
    },
    (ctx, { scope, params }) => unlinkPersons(ctx, scope, params.id, params.otherId),
  );
  const L = '/api/cases/:caseId/release-lists';
  r.post(
    L,
    {
      access: write,
      tags: ['registry'],
      summary: 'Match a release list against the registry (text, one person per line, or CSV)',
      description:
        'Send the list as the body with Content-Type: application/octet-stream: text with one person per line in either script (the list’s own numbering is taken off), or a CSV with the import’s columns. Every line is matched at once; the candidates wait for a caseworker.',
      params: CaseParams,
      querystring: ReleaseListQuery,
      response: ReleaseListView,
      status: 201,
      transaction: false,
    },
    (ctx, { scope, query }, { request }) => {
      if (!(request.body instanceof Readable))
        throw invalid(
          'release_list.body',
          'send the list itself as the body, with Content-Type: application/octet-stream',
        );
      return addReleaseList(ctx, scope, request.body, {
        title: query.title,
        kind: query.kind ?? 'released',
        date: query.date,
        source: query.source,
      });
    },
  );
  r.get(
    L,
    {
      access: read,
      tags: ['registry'],
      summary: 'Release lists of a case, newest first',
      params: CaseParams,
      response: ReleaseLists,
    },
    async (ctx, { scope }) => ({ lists: await listReleaseLists(ctx, scope) }),
  );
  r.get(
    `${L}/:id`,
    {
      access: read,
      tags: ['registry'],
      summary: 'A release list with each line’s candidates and decisions (the review is recorded)',
      params: ItemParams,
      response: ReleaseListView,
      transaction: true,
    },
    (ctx, { scope, params }) => reviewReleaseList(ctx, scope, params.id),
  );
  r.post(
    `${L}/:id/lines/:line/decision`,
    {
      access: write,
      tags: ['registry'],
      summary: 'Confirm a line’s candidate (adds the list’s event to the person) or reject it (remembered)',
      params: Type.Object({
        caseId: CaseRef,
        id: Uuid,
        line: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      }),
      body: ReleaseDecisionBody,
      response: ReleaseListView,
    },
    (ctx, { scope, params, body }) => decideReleaseLine(ctx, scope, params.id, params.line, body),
  );
  r.get(
    '/api/persons/:id',
    {
      access: { kind: 'authenticated' },
      tags: ['registry'],
      summary: 'A person by id alone (caseworkers and admins of its case; the opening is recorded)',
      params: Type.Object({ id: Uuid }),
      response: PersonDetail,
    },
    (ctx, { params }) => showPersonById(ctx, params.id),
  );
}
