import { Type, type Static } from '@sinclair/typebox';
import { Page } from '#src/platform/pagination.ts';
import {
  Language,
  Literals,
  LongText,
  Nullable,
  PartialDate,
  ShortText,
  Url,
  Uuid,
  When,
  WhenInput,
} from '#src/platform/schemas.ts';

/** The direction of a list in time: oldest first (the default) or newest first; undated entries come last either way. */
export const ListOrder = Literals(['oldest', 'newest'], { default: 'oldest' });
export type ListOrder = Static<typeof ListOrder>;

export const SourceKind = Literals(['organisation', 'outlet', 'account', 'person']);
export const CreateSourceBody = Type.Object(
  {
    kind: SourceKind,
    name: ShortText,
    platform: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    handle: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    url: Type.Optional(Url),
    description: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Source = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  kind: SourceKind,
  name: Type.String(),
  platform: Nullable(Type.String()),
  handle: Nullable(Type.String()),
  url: Nullable(Type.String()),
  description: Type.String(),
  isDemo: Type.Boolean(),
});
export type Source = Static<typeof Source>;

export const CreateStatementBody = Type.Object(
  {
    sourceId: Uuid,
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    language: Language,
    stated: Type.Optional(WhenInput),
    url: Type.Optional(Url),
    quote: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Statement = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  sourceId: Type.String(),
  text: Type.String(),
  language: Type.String(),
  stated: Nullable(When),
  url: Nullable(Type.String()),
  quote: Nullable(Type.String()),
  isDemo: Type.Boolean(),
});
export type Statement = Static<typeof Statement>;

export const PlaceKind = Literals(['region', 'city', 'town', 'site', 'building', 'floor', 'zone']);
export const PlaceName = Type.Object({ lang: Language, name: ShortText }, { additionalProperties: false });
export const Coordinates = Type.Object(
  {
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    precisionM: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'radius in metres' }),
    ),
    approximate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const CreatePlaceBody = Type.Object(
  {
    kind: PlaceKind,
    parentId: Type.Optional(Uuid),
    names: Type.Array(PlaceName, { minItems: 1, maxItems: 20 }),
    coordinates: Type.Optional(Coordinates),
    description: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Place = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  kind: PlaceKind,
  parentId: Nullable(Type.String()),
  names: Type.Array(Type.Object({ lang: Type.String(), name: Type.String() })),
  coordinates: Nullable(
    Type.Object({
      latitude: Type.Number(),
      longitude: Type.Number(),
      precisionM: Nullable(Type.Integer()),
      approximate: Type.Boolean(),
    }),
  ),
  description: Type.String(),
  isDemo: Type.Boolean(),
});
export type Place = Static<typeof Place>;

export const SweepResult = Literals(['ongoing', 'nothing_found', 'people_found', 'remains_found']);
export const CreateSweepBody = Type.Object(
  {
    placeId: Uuid,
    sourceId: Type.Optional(Uuid),
    team: Type.Optional(ShortText),
    started: Type.Optional(WhenInput),
    ended: Type.Optional(WhenInput),
    result: SweepResult,
    notes: Type.Optional(LongText),
    statementId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const Sweep = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  placeId: Type.String(),
  sourceId: Nullable(Type.String()),
  team: Nullable(Type.String()),
  started: Nullable(When),
  ended: Nullable(When),
  result: SweepResult,
  notes: Type.String(),
  statementId: Nullable(Type.String()),
  isDemo: Type.Boolean(),
});
export type Sweep = Static<typeof Sweep>;

export const FigureQualifier = Literals(['exact', 'approximately', 'at_least', 'at_most']);
export const CreateFigureBody = Type.Object(
  {
    label: ShortText,
    value: Type.Optional(Type.Number()),
    low: Type.Optional(Type.Number()),
    high: Type.Optional(Type.Number()),
    qualifier: Type.Optional(FigureQualifier),
    unit: Type.String({ minLength: 1, maxLength: 50 }),
    periodFrom: Type.Optional(PartialDate),
    periodTo: Type.Optional(PartialDate),
    sourceId: Type.Optional(Uuid),
    statementId: Type.Optional(Uuid),
    method: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Figure = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  label: Type.String(),
  value: Nullable(Type.Number()),
  low: Nullable(Type.Number()),
  high: Nullable(Type.Number()),
  qualifier: FigureQualifier,
  unit: Type.String(),
  period: Type.Object({ from: Nullable(Type.String()), to: Nullable(Type.String()) }),
  sourceId: Nullable(Type.String()),
  statementId: Nullable(Type.String()),
  method: Type.String(),
  isDemo: Type.Boolean(),
});
export type Figure = Static<typeof Figure>;

/** Corrections: any subset of a created entry's fields (at least one). */
export const UpdateSourceBody = Type.Partial(CreateSourceBody, {
  additionalProperties: false,
  minProperties: 1,
});
export const UpdateStatementBody = Type.Partial(Type.Omit(CreateStatementBody, ['sourceId']), {
  additionalProperties: false,
  minProperties: 1,
});
export const UpdateSweepBody = Type.Partial(Type.Omit(CreateSweepBody, ['placeId']), {
  additionalProperties: false,
  minProperties: 1,
});

export const SourcePage = Page('sources', Source);
export const StatementPage = Page('statements', Statement);
export const PlacePage = Page('places', Place);
export const SweepPage = Page('sweeps', Sweep);
export const FigurePage = Page('figures', Figure);

/** Corrections to a figure: any of its fields; null clears an optional one. */
export const UpdateFigureBody = Type.Object(
  {
    label: Type.Optional(ShortText),
    value: Type.Optional(Nullable(Type.Number())),
    low: Type.Optional(Nullable(Type.Number())),
    high: Type.Optional(Nullable(Type.Number())),
    qualifier: Type.Optional(FigureQualifier),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    periodFrom: Type.Optional(Nullable(PartialDate)),
    periodTo: Type.Optional(Nullable(PartialDate)),
    sourceId: Type.Optional(Nullable(Uuid)),
    statementId: Type.Optional(Nullable(Uuid)),
    method: Type.Optional(LongText),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Corrections to a place: any of its fields; null clears coordinates or the parent. */
export const UpdatePlaceBody = Type.Object(
  {
    kind: Type.Optional(PlaceKind),
    parentId: Type.Optional(Nullable(Uuid)),
    names: Type.Optional(Type.Array(PlaceName, { minItems: 1, maxItems: 20 })),
    coordinates: Type.Optional(Nullable(Coordinates)),
    description: Type.Optional(LongText),
  },
  { additionalProperties: false, minProperties: 1 },
);
