import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCases } from '../api/hooks';
import { Badge, Empty, Query, UserText, useTitle } from '../components/ui';

/** The cases the reader can open, with their role in each. */
export function CasesPage() {
  const { t } = useTranslation();
  useTitle(t('cases.title'));
  const cases = useCases();
  return (
    <div className="page">
      <h1>{t('cases.title')}</h1>
      <Query q={cases}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('cases.none')}</Empty>
          ) : (
            <ul className="case-list">
              {list.map((c) => (
                <li key={c.id} className="card">
                  <h2>
                    {c.role ? (
                      <Link href={`~/cases/${encodeURIComponent(c.slug)}`}>
                        <UserText>{c.title}</UserText>
                      </Link>
                    ) : (
                      <UserText>{c.title}</UserText>
                    )}
                  </h2>
                  <p className="meta">
                    {c.role ? (
                      <Badge kind="role">{t(`roles.${c.role}`)}</Badge>
                    ) : (
                      <Badge kind="restricted">{t('cases.notMember')}</Badge>
                    )}
                    {c.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
                    <span className="muted">
                      {' '}
                      <bdi>{c.slug}</bdi> · <bdi>{c.timeZone}</bdi>
                    </span>
                  </p>
                  {c.description ? (
                    <p className="description">
                      <UserText>{c.description}</UserText>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </div>
  );
}
