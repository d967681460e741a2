import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSources, useStatement } from '../../api/case-data';
import { useCurrentCase } from '../../components/case-context';
import { History } from '../../components/history';
import { Badge, Query, UserText, useTitle } from '../../components/ui';
import { WhenText } from '../../components/when';
import { ZoneSwitch } from '../../components/zone-switch';

/** One statement: who said it, when (as they gave it), where, and its history. */
export default function StatementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  useTitle(t('statements.one'));
  const q = useStatement(c.slug, id);
  const sources = useSources(c.slug);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link href="/sources">{t('sources.title')}</Link>
      </p>
      <Query q={q}>
        {(s) => {
          const source = sources.data?.find((x) => x.id === s.sourceId);
          return (
            <>
              <h1>{t('statements.by', { source: source?.name ?? t('sources.unknown') })}</h1>
              <blockquote dir="auto" lang={s.language} className="claim-text">
                {s.text}
              </blockquote>
              {s.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
              <ZoneSwitch />
              <dl className="facts">
                <dt>{t('statements.stated')}</dt>
                <dd>
                  {s.stated ? <WhenText when={s.stated} caseZone={c.timeZone} /> : t('statements.undated')}
                </dd>
                {s.stated?.asWritten ? (
                  <>
                    <dt>{t('time.asWrittenLabel')}</dt>
                    <dd>
                      <UserText>{s.stated.asWritten}</UserText>
                    </dd>
                  </>
                ) : null}
                <dt>{t('form.language')}</dt>
                <dd>
                  <bdi>{s.language}</bdi>
                </dd>
                {s.quote ? (
                  <>
                    <dt>{t('statements.quote')}</dt>
                    <dd>
                      <UserText>{s.quote}</UserText>
                    </dd>
                  </>
                ) : null}
                <dt>{t('statements.url')}</dt>
                <dd>
                  {s.url ? (
                    <a
                      href={s.url}
                      rel="noopener noreferrer nofollow"
                      target="_blank"
                      dir="ltr"
                      className="url"
                    >
                      {s.url}
                    </a>
                  ) : (
                    t('common.none')
                  )}
                </dd>
              </dl>
              <History entityType="statement" entityId={s.id} />
            </>
          );
        }}
      </Query>
    </div>
  );
}
