import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Preferences } from '../app/Layout';
import { draftBody, draftProblems, emptyDraft, InquiryFields } from '../components/inquiry-form';
import { ErrorNotice, Field, Loading, useFormErrors, useTitle } from '../components/ui';

/** A public call: no cookie is sent (a family needs no account, and a signed-in browser's session plays no part). */
async function publicCall<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  let r: Response;
  try {
    r = await fetch(url, {
      method,
      credentials: 'omit',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, { code: 'network', detail: 'athar could not be reached' }, null);
  }
  if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null), r.headers.get('retry-after'));
  return (await r.json()) as T;
}

/**
 * The public inquiry form (/inquire): a family says whom they seek and how to reach them. The
 * answer is always the same — it never says whether anyone is in the registry — and nothing is
 * shown back of what was filed.
 */
export default function PublicInquiryPage() {
  const { t } = useTranslation();
  useTitle(t('inquiries.public.title'));
  const desks = useQuery({
    queryKey: ['public', 'inquiry-desks'],
    queryFn: () => publicCall<{ desks: { slug: string; title: string }[] }>('GET', '/public/inquiry-desks'),
  });
  const [desk, setDesk] = useState('');
  const [draft, setDraft] = useState(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const errors = useFormErrors();
  const chosen = desk || (desks.data?.desks.length === 1 ? desks.data.desks[0]!.slug : '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!errors.check({ '/case': !chosen && t('inquiries.public.deskMissing'), ...draftProblems(t, draft) }))
      return;
    setBusy(true);
    try {
      await publicCall('POST', '/public/inquiries', { case: chosen, ...draftBody(draft) });
      setAnswer(t('inquiries.public.received'));
      setDraft(emptyDraft());
    } catch (err) {
      errors.fromServer(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page narrow public-inquiry" id="main">
      <div className="sign-in-prefs">
        <Preferences />
      </div>
      <h1>{t('inquiries.public.title')}</h1>
      <p className="lead">{t('inquiries.public.lead')}</p>
      <p className="small muted">{t('inquiries.public.privacy')}</p>
      {answer ? (
        <div className="notice" role="status">
          <p>{answer}</p>
          <p className="small">{t('inquiries.public.noAnswerNote')}</p>
          <button type="button" onClick={() => setAnswer(null)}>
            {t('inquiries.public.another')}
          </button>
        </div>
      ) : desks.isPending ? (
        <Loading />
      ) : desks.error ? (
        <ErrorNotice error={desks.error} />
      ) : desks.data.desks.length === 0 ? (
        <p className="empty">{t('inquiries.public.noDesk')}</p>
      ) : (
        <form className="card" onSubmit={(e) => void submit(e)} noValidate>
          <ErrorNotice
            error={errors.general([
              '/case',
              '/names',
              '/bornFrom',
              '/relation',
              '/contact',
              '/consent',
              '/lastSeen',
              '/details',
              '/birthplace',
            ])}
          />
          {desks.data.desks.length > 1 ? (
            <Field label={t('inquiries.public.desk')} error={errors.for('/case')} required>
              {(a) => (
                <select {...a} value={desk} onChange={(e) => setDesk(e.target.value)}>
                  <option value="">{t('inquiries.public.chooseDesk')}</option>
                  {desks.data.desks.map((d) => (
                    <option key={d.slug} value={d.slug}>
                      {d.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <p>{t('inquiries.public.deskIs', { title: desks.data.desks[0]!.title })}</p>
          )}
          <InquiryFields draft={draft} onChange={setDraft} errors={errors} forFamily />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('inquiries.public.sending') : t('inquiries.public.send')}
          </button>
        </form>
      )}
    </main>
  );
}
