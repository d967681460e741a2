import { Type, type Static } from '@sinclair/typebox';
import { Page } from '#src/platform/pagination.ts';
import { Literals, LongText, Nullable, PartialDate, Uuid } from '#src/platform/schemas.ts';
import { CERTAINTIES, EVENT_KINDS, STATUSES } from './status.ts';

const NamePart = Type.String({ minLength: 1, maxLength: 100 });

/** One spelling of a person's name, by part, as written. */
export const NameParts = Type.Object(
  {
    given: Type.Optional(NamePart),
    father: Type.Optional(NamePart),
    grandfather: Type.Optional(NamePart),
    family: Type.Optional(NamePart),
    motherGiven: Type.Optional(NamePart),
    motherFamily: Type.Optional(NamePart),
  },
  { additionalProperties: false },
);
export type NameParts = Static<typeof NameParts>;

/** The name in Arabic script (`ar`) and in Latin letters (`lat`), each as written; one at least. */
export const PersonNames = Type.Object(
  { ar: Type.Optional(NameParts), lat: Type.Optional(NameParts) },
  { additionalProperties: false },
);
export type PersonNames = Static<typeof PersonNames>;

export const Alias = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), kind: Literals(['alias', 'nickname']) },
  { additionalProperties: false },
);
export type Alias = Static<typeof Alias>;

export const Sex = Literals(['female', 'male', 'unknown']);

/** Birth as precisely as known: a (partial) date, or an age range at a (partial) date. */
export const BirthInput = Type.Object(
  {
    date: Type.Optional(PartialDate),
    ageFrom: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    ageTo: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    ageAsOf: Type.Optional(PartialDate),
  },
  { additionalProperties: false },
);
export type BirthInput = Static<typeof BirthInput>;

export const Birth = Type.Object({
  date: Nullable(Type.String()),
  ageFrom: Nullable(Type.Integer()),
  ageTo: Nullable(Type.Integer()),
  ageAsOf: Nullable(Type.String()),
  /** The birth years these allow (null: unknown). */
  yearFrom: Nullable(Type.Integer()),
  yearTo: Nullable(Type.Integer()),
});

export const CreatePersonBody = Type.Object(
  {
    names: PersonNames,
    aliases: Type.Optional(Type.Array(Alias, { maxItems: 50 })),
    sex: Type.Optional(Sex),
    birth: Type.Optional(BirthInput),
    birthplace: Type.Optional(Type.String({ maxLength: 300 })),
    description: Type.Optional(LongText),
    photoMediaId: Type.Optional(Uuid),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

/** Corrections to a person: any field; null clears an optional one. */
export const UpdatePersonBody = Type.Object(
  {
    names: Type.Optional(PersonNames),
    aliases: Type.Optional(Type.Array(Alias, { maxItems: 50 })),
    sex: Type.Optional(Sex),
    birth: Type.Optional(Nullable(BirthInput)),
    birthplace: Type.Optional(Type.String({ maxLength: 300 })),
    description: Type.Optional(LongText),
    photoMediaId: Type.Optional(Nullable(Uuid)),
    externalId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const EventKind = Literals(EVENT_KINDS);
export const Certainty = Literals(CERTAINTIES);
export const PersonStatus = Literals(STATUSES);

/** What an event rests on: a statement of the case file, a media item (and the seconds), a document. */
export const Evidence = Type.Union([
  Type.Object({ kind: Type.Literal('statement'), id: Uuid }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('media'),
      id: Uuid,
      fromS: Type.Optional(Type.Number({ minimum: 0 })),
      toS: Type.Optional(Type.Number({ minimum: 0 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('document'), description: Type.String({ minLength: 1, maxLength: 2000 }) },
    { additionalProperties: false },
  ),
]);
export type Evidence = Static<typeof Evidence>;

export const CreateEventBody = Type.Object(
  {
    kind: EventKind,
    date: Type.Optional(PartialDate),
    placeId: Type.Optional(Uuid),
    source: Type.Optional(Type.String({ maxLength: 500 })),
    sourceId: Type.Optional(Uuid),
    certainty: Certainty,
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 20 })),
    notes: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export type CreateEventBody = Static<typeof CreateEventBody>;

export const PersonEvent = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  kind: EventKind,
  date: Nullable(Type.String()),
  placeId: Nullable(Type.String()),
  source: Type.String(),
  sourceId: Nullable(Type.String()),
  certainty: Certainty,
  evidence: Type.Array(Evidence),
  notes: Type.String(),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
});
export type PersonEvent = Static<typeof PersonEvent>;

export const StatusView = Type.Object({
  status: PersonStatus,
  since: Nullable(Type.String()),
  eventId: Nullable(Type.String()),
  /** Events that contradict the status (the person reported alive after a confirmed death). */
  conflicts: Type.Array(Type.String()),
});

export const Person = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  externalId: Nullable(Type.String()),
  names: PersonNames,
  aliases: Type.Array(Alias),
  sex: Sex,
  birth: Birth,
  birthplace: Type.String(),
  description: Type.String(),
  photoMediaId: Nullable(Type.String()),
  status: StatusView,
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Person = Static<typeof Person>;

/** A person with the events that give the status, oldest first as the rule reads them. */
export const PersonDetail = Type.Composite([Person, Type.Object({ events: Type.Array(PersonEvent) })]);
export type PersonDetail = Static<typeof PersonDetail>;

export const PersonPage = Page('persons', Person);

export const PersonListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    status: Type.Optional(PersonStatus),
  },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 300, description: 'a name in Arabic script or Latin letters' }),
    father: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    mother: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    birthYear: Type.Optional(Type.Integer({ minimum: 1850, maximum: 2200 })),
    birthplace: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    status: Type.Optional(PersonStatus),
    placeId: Type.Optional(Uuid),
    bornFrom: Type.Optional(Type.Integer({ minimum: 1850, maximum: 2200 })),
    bornTo: Type.Optional(Type.Integer({ minimum: 1850, maximum: 2200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const Explanation = Type.Object({
  field: Type.String(),
  score: Nullable(Type.Number()),
  effect: Literals(['supports', 'neutral', 'conflicts']),
  detail: Type.String(),
});

export const SearchResult = Type.Object({
  id: Type.String(),
  score: Type.Number(),
  names: PersonNames,
  status: PersonStatus,
  /** The spelling the query came closest to ("ar", "lat", or "alias N"). */
  matched: Type.String(),
  explanation: Type.Array(Explanation),
  /** What tells namesakes apart. */
  father: Nullable(Type.String()),
  mother: Nullable(Type.String()),
  birth: Birth,
  birthplace: Type.String(),
  lastEvent: Nullable(Type.Object({ kind: EventKind, date: Nullable(Type.String()) })),
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchResults = Type.Object({
  results: Type.Array(SearchResult),
  /** Persons the SQL retrieval proposed before scoring. */
  candidates: Type.Integer(),
});
export type SearchResults = Static<typeof SearchResults>;

export const ExportBody = Type.Object(
  {
    format: Literals(['csv', 'xlsx', 'json', 'pfif'], {
      description:
        'csv (UTF-8 with a byte-order mark, for Excel), xlsx, json, or pfif (PFIF 1.4 with the athar extension)',
    }),
  },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({ default: false, description: 'report what the import would do, store nothing' }),
    ),
    skipInvalid: Type.Optional(
      Type.Boolean({ default: false, description: 'import the valid rows even when some are rejected' }),
    ),
    updateBy: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: '"id" (update persons by athar id) or the header of the column holding your own ids',
      }),
    ),
    map: Type.Optional(
      Type.Array(Type.String({ minLength: 3, maxLength: 300 }), {
        maxItems: 100,
        description: 'column=field (or column=ignore), repeated',
      }),
    ),
    format: Type.Optional(
      Literals(['csv', 'xlsx', 'pfif'], {
        description:
          'the file format (found from the first bytes when not given: a ZIP is XLSX, XML is PFIF 1.4)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportReport = Type.Object({
  importId: Type.String(),
  dryRun: Type.Boolean(),
  imported: Type.Boolean(),
  rows: Type.Integer(),
  accepted: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  events: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
  rejectedCount: Type.Integer(),
  duplicates: Type.Array(
    Type.Object({
      line: Type.Integer(),
      personId: Nullable(Type.String()),
      otherLine: Nullable(Type.Integer()),
      score: Type.Number(),
    }),
  ),
  sha256: Type.String(),
  encoding: Type.String(),
  bytes: Type.Integer(),
  format: Literals(['csv', 'xlsx', 'pfif']),
  links: Type.Integer(),
  unknownColumns: Type.Array(Type.String()),
});

const Explanations = Type.Array(
  Type.Object({
    field: Type.String(),
    score: Nullable(Type.Number()),
    effect: Literals(['supports', 'neutral', 'conflicts']),
    detail: Type.String(),
  }),
);

export const ReleaseListQuery = Type.Object(
  {
    title: Type.String({
      minLength: 1,
      maxLength: 300,
      description: 'what the list is, as its publisher called it',
    }),
    kind: Type.Optional(
      Literals(['released', 'seen'], {
        default: 'released',
        description: 'what a confirmed line adds to the person: released (the default) or seen',
      }),
    ),
    date: Type.Optional(PartialDate),
    source: Type.Optional(Type.String({ maxLength: 500, description: 'who published it' })),
  },
  { additionalProperties: false },
);

export const ReleaseListView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  eventKind: Literals(['released', 'seen']),
  date: Nullable(Type.String()),
  source: Type.String(),
  sha256: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  lines: Type.Array(
    Type.Object({
      line: Type.Integer(),
      text: Type.String(),
      problem: Nullable(Type.String()),
      /** Open inquiries (when the list arrived) whose sought person this line may be. */
      inquiries: Type.Array(
        Type.Object({
          inquiryId: Type.String(),
          score: Type.Number(),
          relation: Type.String(),
          status: Literals(['open', 'closed']),
        }),
      ),
      candidates: Type.Array(
        Type.Object({
          personId: Type.String(),
          score: Type.Number(),
          explanation: Explanations,
          names: PersonNames,
          status: PersonStatus,
          father: Nullable(Type.String()),
          mother: Nullable(Type.String()),
          birthYears: Type.Object({ from: Nullable(Type.Integer()), to: Nullable(Type.Integer()) }),
          decision: Nullable(Literals(['confirmed', 'rejected'])),
        }),
      ),
    }),
  ),
});

export type ReleaseListView = Static<typeof ReleaseListView>;

export const ReleaseLists = Type.Object({
  lists: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      eventKind: Literals(['released', 'seen']),
      date: Nullable(Type.String()),
      lines: Type.Integer(),
      createdBy: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});

export const ReleaseDecisionBody = Type.Object(
  { personId: Uuid, decision: Literals(['confirm', 'reject']) },
  { additionalProperties: false },
);

/** How to reach the requester: sealed at rest, shown only on an explicit, recorded request. */
export const Contact = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 60 })),
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 300, pattern: '^[^\\s@]+@[^\\s@]+$' })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    notes: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type Contact = Static<typeof Contact>;

export const Consent = Type.Object(
  {
    /** The requester agrees that the case keeps and matches their inquiry (required). */
    processing: Type.Literal(true),
    /** …and that their details may be shared with partner organisations searching too. */
    share: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

const BornYear = Type.Integer({ minimum: 1850, maximum: 2200 });

/** A family's inquiry: who they seek, and who they are to them. */
export const CreateInquiryBody = Type.Object(
  {
    names: PersonNames,
    sex: Type.Optional(Sex),
    bornFrom: Type.Optional(BornYear),
    bornTo: Type.Optional(BornYear),
    birthplace: Type.Optional(Type.String({ maxLength: 300 })),
    lastSeen: Type.Optional(
      Type.String({ maxLength: 2000, description: 'when and where the family last had news of them' }),
    ),
    details: Type.Optional(Type.String({ maxLength: 5000 })),
    relation: Type.String({ minLength: 1, maxLength: 100, description: "the requester's relation to them" }),
    contact: Type.Optional(Contact),
    consent: Consent,
  },
  { additionalProperties: false },
);
export type CreateInquiryBody = Static<typeof CreateInquiryBody>;

/** The public form's body: an inquiry for the case whose slug it names. */
export const PublicInquiryBody = Type.Composite(
  [
    Type.Object({
      case: Type.String({ minLength: 1, maxLength: 100, description: 'the inquiry desk (case slug)' }),
    }),
    CreateInquiryBody,
  ],
  { additionalProperties: false },
);
export type PublicInquiryBody = Static<typeof PublicInquiryBody>;

export const InquiryMatch = Type.Object({
  personId: Type.String(),
  score: Type.Number(),
  explanation: Explanations,
  foundBy: Type.String(),
  state: Literals(['suggested', 'confirmed', 'rejected']),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  eventId: Nullable(Type.String()),
  names: PersonNames,
  status: PersonStatus,
  father: Nullable(Type.String()),
  mother: Nullable(Type.String()),
  birthYears: Type.Object({ from: Nullable(Type.Integer()), to: Nullable(Type.Integer()) }),
});

export const RegistryTask = Type.Object({
  id: Type.String(),
  kind: Type.Literal('contact_family'),
  inquiryId: Type.String(),
  personId: Nullable(Type.String()),
  reason: Literals(['match_confirmed', 'person_event']),
  eventId: Nullable(Type.String()),
  state: Literals(['open', 'done']),
  doneBy: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type RegistryTask = Static<typeof RegistryTask>;

export const Inquiry = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  channel: Literals(['desk', 'public']),
  names: PersonNames,
  sex: Sex,
  bornFrom: Nullable(Type.Integer()),
  bornTo: Nullable(Type.Integer()),
  birthplace: Type.String(),
  lastSeen: Type.String(),
  details: Type.String(),
  relation: Type.String(),
  /** Whether contact details are held (sealed), were never given, or were erased or purged. */
  contact: Type.Object({
    state: Literals(['sealed', 'none', 'erased', 'purged']),
    removedAt: Nullable(Type.String()),
  }),
  consent: Type.Object({ processing: Type.Boolean(), share: Type.Boolean(), at: Type.String() }),
  status: Literals(['open', 'closed']),
  closedAt: Nullable(Type.String()),
  closedReason: Nullable(Type.String()),
  /** Suggestions waiting for a caseworker, and confirmed matches. */
  suggested: Type.Integer(),
  confirmed: Type.Integer(),
  createdBy: Type.String(),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
});
export type Inquiry = Static<typeof Inquiry>;

export const InquiryDetail = Type.Composite([
  Inquiry,
  Type.Object({ matches: Type.Array(InquiryMatch), tasks: Type.Array(RegistryTask) }),
]);
export type InquiryDetail = Static<typeof InquiryDetail>;

export const InquiryPage = Page('inquiries', Inquiry);

export const InquiryListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    status: Type.Optional(Literals(['open', 'closed'])),
  },
  { additionalProperties: false },
);

export const InquiryDecisionBody = Type.Object(
  { decision: Literals(['confirm', 'reject']) },
  { additionalProperties: false },
);

export const CloseInquiryBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const RevealContactBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 500, description: 'why the contact details are needed' }),
  },
  { additionalProperties: false },
);

export const ContactView = Type.Object({
  state: Literals(['sealed', 'none', 'erased', 'purged']),
  contact: Nullable(Contact),
});

export const MatchRun = Type.Object({
  inquiries: Type.Integer(),
  suggested: Type.Integer(),
});

export const RegistryTasks = Type.Object({ tasks: Type.Array(RegistryTask) });

export const PublicDesk = Type.Object({ open: Type.Boolean() });

export const PublicDesks = Type.Object({
  desks: Type.Array(Type.Object({ slug: Type.String(), title: Type.String() })),
});

/** The public form's one answer, whatever the registry holds. */
export const PublicInquiryAnswer = Type.Object({ received: Type.Literal(true), message: Type.String() });

export const LinkKind = Literals(['same_person', 'possible_duplicate', 'distinct']);

export const LinkInput = Type.Object(
  {
    personId: Uuid,
    kind: LinkKind,
    certainty: Certainty,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type LinkInput = Static<typeof LinkInput>;

const LinkedSummary = {
  personId: Type.String(),
  names: PersonNames,
  status: PersonStatus,
  father: Nullable(Type.String()),
  mother: Nullable(Type.String()),
  birthYears: Type.Object({ from: Nullable(Type.Integer()), to: Nullable(Type.Integer()) }),
};

export const PersonLinks = Type.Object({
  links: Type.Array(
    Type.Object({
      id: Type.String(),
      ...LinkedSummary,
      kind: LinkKind,
      certainty: Certainty,
      note: Type.String(),
      createdBy: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  /** Records that may be the same person, not linked in any way yet (the name engine's score). */
  suggestions: Type.Array(Type.Object({ ...LinkedSummary, score: Type.Number(), explanation: Explanations })),
  /** The records "same person" links join to this one, seen as one (null when none). */
  combined: Nullable(
    Type.Object({
      personIds: Type.Array(Type.String()),
      /** The group is larger than shown (more than 50 records). */
      cut: Type.Boolean(),
      spellings: Type.Array(
        Type.Object({ personId: Type.String(), names: PersonNames, aliases: Type.Array(Type.String()) }),
      ),
      status: StatusView,
      events: Type.Array(PersonEvent),
    }),
  ),
});
export type PersonLinks = Static<typeof PersonLinks>;
