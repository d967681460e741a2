import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api, ok } from '../../api/client';
import { useSources } from '../../api/case-data';
import { useWrite } from '../../api/hooks';
import type { Body } from '../../api/types';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { LANGUAGE_TAG, LanguageField } from '../../components/language-field';
import { ErrorNotice, Field, Loading, useFormErrors, useTitle } from '../../components/ui';
import { emptyWhen, toWhenInput, WhenField, whenProblem } from '../../components/when-input';
import { LIMITS, urlProblem } from '../../lib/checks';
import { usePrefs } from '../../lib/prefs';
import { SimilarCard } from './ClaimsBoard';

/** Entering a claim, with the claims already checked that read like it, as one types. */
export default function NewClaim() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  useTitle(t('claims.new'));
  const { language } = usePrefs();
  const [, navigate] = useLocation();
  const sources = useSources(c.slug);
  const [text, setText] = useState('');
  const [lang, setLang] = useState<string>(language);
  const [firstSeen, setFirstSeen] = useState(emptyWhen(c.timeZone));
  const [url, setUrl] = useState('');
  const [claimant, setClaimant] = useState('');
  const errors = useFormErrors();
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setDebounced(text.trim()), 300);
    return () => clearTimeout(id);
  }, [text]);
  const similar = useQuery({
    queryKey: ['similar', debounced],
    enabled: debounced.length >= 3,
    queryFn: () => ok(api.GET('/api/claims/similar', { params: { query: { q: debounced, limit: 5 } } })),
    placeholderData: (prev) => prev,
  });
  const create = useWrite(
    (body: Body<'/api/cases/{caseId}/claims', 'post'>) =>
      ok(api.POST('/api/cases/{caseId}/claims', { params: { path: { caseId: c.slug } }, body })),
    () => [['case', c.slug, 'claims']],
    (out) => navigate(`/claims/${out.claim.id}`),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const ok_ = errors.check({
      '/text':
        [...text.trim()].length < LIMITS.claimMin
          ? t('claims.textTooShort')
          : [...text].length > 5000 && t('form.tooLong'),
      '/language': !LANGUAGE_TAG.test(lang.trim()) && t('form.badLanguage'),
      '/firstSeen': whenProblem(t, firstSeen),
      '/appearanceUrl': urlProblem(t, url),
    });
    if (!ok_) return;
    const when = toWhenInput(firstSeen);
    create.mutate(
      {
        text: text.trim(),
        language: lang.trim(),
        ...(when ? { firstSeen: when } : {}),
        ...(url.trim() ? { appearanceUrl: url.trim() } : {}),
        ...(claimant ? { claimantSourceId: claimant } : {}),
      },
      { onError: (err) => errors.fromServer(err) },
    );
  }

  if (!rights.canWrite) return <p className="page restricted">{t('claims.cannotWrite')}</p>;
  const shown = debounced.length >= 3 ? (similar.data?.similar ?? []) : [];
  return (
    <div className="page two-col">
      <form onSubmit={submit} noValidate className="card">
        <h1>{t('claims.new')}</h1>
        <ErrorNotice
          error={errors.general(['/text', '/language', '/firstSeen', '/appearanceUrl', '/claimantSourceId'])}
        />
        <Field label={t('claims.text')} hint={t('claims.textHint')} error={errors.for('/text')} required>
          {(a) => (
            <textarea {...a} dir="auto" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <LanguageField value={lang} onChange={setLang} error={errors.for('/language')} />
        <WhenField
          label={t('claims.firstSeen')}
          value={firstSeen}
          onChange={setFirstSeen}
          error={errors.for('/firstSeen')}
        />
        <Field
          label={t('claims.appearanceUrl')}
          hint={t('claims.appearanceUrlHint')}
          error={errors.for('/appearanceUrl')}
        >
          {(a) => <input {...a} type="url" dir="ltr" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label={t('claims.claimant')} error={errors.for('/claimantSourceId')}>
          {(a) => (
            <select {...a} value={claimant} onChange={(e) => setClaimant(e.target.value)}>
              <option value="">{t('claims.noClaimant')}</option>
              {(sources.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('claims.create')}
        </button>
      </form>
      <aside className="card similar" aria-labelledby="similar-title" aria-live="polite">
        <h2 id="similar-title">{t('similar.title')}</h2>
        {debounced.length < 3 ? (
          <p className="muted">{t('similar.typeToSee')}</p>
        ) : similar.isPending ? (
          <Loading />
        ) : similar.error ? (
          <ErrorNotice error={similar.error} />
        ) : shown.length === 0 ? (
          <p className="muted">{t('similar.none')}</p>
        ) : (
          <ul className="plain" data-testid="similar-list">
            {shown.map((s) => (
              <li key={s.id}>
                <SimilarCard s={s} />
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
