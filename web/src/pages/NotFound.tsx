import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useTitle } from '../components/ui';

export function NotFound() {
  const { t } = useTranslation();
  useTitle(t('notFound.title'));
  return (
    <div className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="~/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
