import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A secret shown once (an API token, a one-time password): copy it now, it is not shown again. */
export function OneTimeSecret({
  label,
  secret,
  onDone,
}: {
  label: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice-secret" role="alert">
      <p>
        <strong>{label}</strong> — {t('secret.once')}
      </p>
      <p>
        <code className="secret" dir="ltr" data-testid="secret">
          {secret}
        </code>
      </p>
      <p>
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('secret.copied') : t('secret.copy')}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {t('secret.stored')}
        </button>
      </p>
    </div>
  );
}
