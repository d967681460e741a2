import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { useSources } from '../../api/case-data';
import { usePagedList, useWrite } from '../../api/hooks';
import type { Source, SourceKind, Statement } from '../../api/types';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { LANGUAGE_TAG, LanguageField } from '../../components/language-field';
import {
  Badge,
  Empty,
  ErrorNotice,
  Field,
  Loading,
  Query,
  UserText,
  SaveCancel,
  useFormErrors,
  useTitle,
} from '../../components/ui';
import { VirtualList } from '../../components/virtual-list';
import { WhenText } from '../../components/when';
import { emptyWhen, toWhenInput, WhenField, whenProblem } from '../../components/when-input';
import { ZoneSwitch } from '../../components/zone-switch';
import { urlProblem } from '../../lib/checks';
import { usePrefs } from '../../lib/prefs';

const KINDS: SourceKind[] = ['organisation', 'outlet', 'account', 'person'];

/** Who said what, when: the case's sources, and their statements with the time as each gave it. */
export default function SourcesPage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  useTitle(t('sources.title'));
  const sources = useSources(c.slug);
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const only = params.get('source');
  const byId = new Map((sources.data ?? []).map((s) => [s.id, s]));
  return (
    <div className="page">
      <h1>{t('sources.title')}</h1>
      <div className="two-col">
        <section aria-labelledby="sources-h">
          <h2 id="sources-h">{t('sources.list')}</h2>
          <Query q={sources}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t('sources.none')}</Empty>
              ) : (
                <ul className="plain source-list">
                  {list.map((s) => (
                    <li key={s.id} className={s.id === only ? 'card selected' : 'card'} id={`source-${s.id}`}>
                      <SourceItem s={s} />
                      <p>
                        {s.id === only ? (
                          <Link href="/sources">{t('sources.allStatements')}</Link>
                        ) : (
                          <Link href={`/sources?source=${s.id}`}>{t('sources.itsStatements')}</Link>
                        )}
                      </p>
                    </li>
                  ))}
                </ul>
              )
            }
          </Query>
          {rights.canWrite ? <AddSource /> : null}
        </section>
        <section aria-labelledby="statements-h">
          <h2 id="statements-h">
            {only && byId.get(only)
              ? t('statements.ofSource', { source: byId.get(only)!.name })
              : t('statements.title')}
          </h2>
          <ZoneSwitch />
          <StatementList sourceId={only} sourceName={(id) => byId.get(id)?.name ?? t('sources.unknown')} />
          {rights.canWrite && (sources.data?.length ?? 0) > 0 ? (
            <AddStatement
              sources={sources.data ?? []}
              defaultSource={only}
              onAdded={() => navigate(only ? `/sources?source=${only}` : '/sources')}
            />
          ) : null}
        </section>
      </div>
    </div>
  );
}

function SourceItem({ s }: { s: Source }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>
        <UserText>{s.name}</UserText> <Badge kind="kind">{t(`sources.kind.${s.kind}`)}</Badge>
      </h3>
      {s.platform || s.handle ? (
        <p className="muted small" dir="auto">
          {[s.platform, s.handle].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      {s.url ? (
        <p className="small">
          <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr" className="url">
            {s.url}
          </a>
        </p>
      ) : null}
      {s.description ? (
        <p className="small">
          <UserText>{s.description}</UserText>
        </p>
      ) : null}
    </>
  );
}

function StatementList({
  sourceId,
  sourceName,
}: {
  sourceId: string | null;
  sourceName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const list = usePagedList(['case', c.slug, 'statements', 'list', sourceId], 'statements', (cursor) =>
    ok(
      api.GET('/api/cases/{caseId}/statements', {
        params: {
          path: { caseId: c.slug },
          query: { ...(sourceId ? { sourceId } : {}), cursor, limit: 200 },
        },
      }),
    ),
  );
  if (list.error) return <ErrorNotice error={list.error} />;
  if (list.isPending) return <Loading />;
  if (list.items.length === 0) return <Empty>{t('statements.none')}</Empty>;
  return (
    <VirtualList
      items={list.items}
      keyOf={(s) => s.id}
      estimate={120}
      label={t('statements.title')}
      hasMore={list.hasNextPage}
      loadingMore={list.isFetchingNextPage}
      loadMore={() => void list.fetchNextPage()}
      render={(s) => <StatementItem s={s} sourceName={sourceName(s.sourceId)} />}
    />
  );
}

export function StatementItem({ s, sourceName }: { s: Statement; sourceName: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  return (
    <article className="statement">
      <p className="meta">
        <Link href={`/statements/${s.id}`}>
          <strong dir="auto">{sourceName}</strong>
        </Link>{' '}
        {s.stated ? (
          <WhenText when={s.stated} caseZone={c.timeZone} />
        ) : (
          <span className="muted">{t('statements.undated')}</span>
        )}
        {s.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
      </p>
      <p className="clip">
        <UserText lang={s.language}>{s.text}</UserText>
      </p>
    </article>
  );
}

function AddSource() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [name, setName] = useState('');
  const [handle, setHandle] = useState('');
  const [platform, setPlatform] = useState('');
  const [url, setUrl] = useState('');
  const errors = useFormErrors();
  const add = useWrite(
    (body: { kind: SourceKind; name: string; handle?: string; platform?: string; url?: string }) =>
      ok(api.POST('/api/cases/{caseId}/sources', { params: { path: { caseId: c.slug } }, body })),
    () => [['case', c.slug, 'sources']],
    () => {
      setOpen(false);
      setName('');
      setHandle('');
      setPlatform('');
      setUrl('');
      setKind('');
    },
  );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('sources.add')}
      </button>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/kind': !kind && t('form.requiredField'),
        '/name': !name.trim() ? t('form.requiredField') : [...name].length > 500 && t('form.tooLong'),
        '/handle': [...handle].length > 200 && t('form.tooLong'),
        '/platform': [...platform].length > 50 && t('form.tooLong'),
        '/url': urlProblem(t, url),
      })
    )
      return;
    add.mutate(
      {
        kind: kind as SourceKind,
        name: name.trim(),
        ...(handle.trim() ? { handle: handle.trim() } : {}),
        ...(platform.trim() ? { platform: platform.trim() } : {}),
        ...(url.trim() ? { url: url.trim() } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h3>{t('sources.add')}</h3>
      <ErrorNotice error={errors.general(['/kind', '/name', '/handle', '/platform', '/url'])} />
      <Field label={t('sources.kindLabel')} error={errors.for('/kind')} required>
        {(a) => (
          <select {...a} value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
            <option value="">{t('form.choose')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`sources.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sources.name')} error={errors.for('/name')} required>
        {(a) => <input {...a} dir="auto" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('sources.platform')} error={errors.for('/platform')}>
        {(a) => <input {...a} dir="auto" value={platform} onChange={(e) => setPlatform(e.target.value)} />}
      </Field>
      <Field label={t('sources.handle')} error={errors.for('/handle')}>
        {(a) => <input {...a} dir="auto" value={handle} onChange={(e) => setHandle(e.target.value)} />}
      </Field>
      <Field label={t('sources.url')} error={errors.for('/url')}>
        {(a) => <input {...a} type="url" dir="ltr" value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <SaveCancel busy={add.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}

function AddStatement({
  sources,
  defaultSource,
  onAdded,
}: {
  sources: Source[];
  defaultSource: string | null;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const { language } = usePrefs();
  const [open, setOpen] = useState(false);
  const [sourceId, setSourceId] = useState(defaultSource ?? '');
  const [text, setText] = useState('');
  const [lang, setLang] = useState<string>(language);
  const [stated, setStated] = useState(emptyWhen(c.timeZone));
  const [url, setUrl] = useState('');
  const errors = useFormErrors();
  const add = useWrite(
    (body: {
      sourceId: string;
      text: string;
      language: string;
      stated?: NonNullable<ReturnType<typeof toWhenInput>>;
      url?: string;
    }) => ok(api.POST('/api/cases/{caseId}/statements', { params: { path: { caseId: c.slug } }, body })),
    () => [
      ['case', c.slug, 'statements'],
      ['case', c.slug, 'timeline'],
    ],
    () => {
      setOpen(false);
      setText('');
      setUrl('');
      setStated(emptyWhen(c.timeZone));
      onAdded();
    },
  );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('statements.add')}
      </button>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (
      !errors.check({
        '/sourceId': !sourceId && t('form.requiredField'),
        '/text': !text.trim() ? t('form.requiredField') : [...text].length > 20000 && t('form.tooLong'),
        '/language': !LANGUAGE_TAG.test(lang.trim()) && t('form.badLanguage'),
        '/stated': whenProblem(t, stated),
        '/url': urlProblem(t, url),
      })
    )
      return;
    const when = toWhenInput(stated);
    add.mutate(
      {
        sourceId,
        text: text.trim(),
        language: lang.trim(),
        ...(when ? { stated: when } : {}),
        ...(url.trim() ? { url: url.trim() } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h3>{t('statements.add')}</h3>
      <ErrorNotice error={errors.general(['/sourceId', '/text', '/language', '/stated', '/url'])} />
      <Field label={t('statements.source')} error={errors.for('/sourceId')} required>
        {(a) => (
          <select {...a} value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            <option value="">{t('form.choose')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('statements.text')} error={errors.for('/text')} required>
        {(a) => (
          <textarea {...a} dir="auto" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <LanguageField value={lang} onChange={setLang} error={errors.for('/language')} />
      <WhenField
        label={t('statements.stated')}
        value={stated}
        onChange={setStated}
        error={errors.for('/stated')}
      />
      <Field label={t('statements.url')} error={errors.for('/url')}>
        {(a) => <input {...a} type="url" dir="ltr" value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <SaveCancel busy={add.isPending} onCancel={() => setOpen(false)} />
    </form>
  );
}
