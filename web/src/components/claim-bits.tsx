import { useTranslation } from 'react-i18next';
import type { Claim, SimilarClaim } from '../api/types';
import { Badge } from './ui';

/** Where a claim stands: its status, its verdict, whether the verdict is public. */
export function ClaimStatusBadges({
  c,
}: {
  c: Pick<Claim, 'status' | 'verdict' | 'publishedAt'> | SimilarClaim;
}) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      {c.status ? <Badge kind={`status-${c.status}`}>{t(`claims.status.${c.status}`)}</Badge> : null}
      {c.verdict ? <Badge kind={`verdict-${c.verdict}`}>{t(`claims.verdict.${c.verdict}`)}</Badge> : null}
      {c.publishedAt ? <Badge kind="published">{t('claims.published')}</Badge> : null}
    </span>
  );
}
