import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api/client';
import { sendReleaseList, useReleaseLists } from '../../api/registry';
import { useCurrentCase } from '../../components/case-context';
import { Empty, ErrorNotice, Field, Query, UserText, useLocale, useTitle } from '../../components/ui';
import { formatNumber, showPartialDate } from '../../lib/format';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Release lists of the case, and a form to match a new one: the names as the association
 * published them, pasted one person per line in either script. Every line is matched at once; the
 * review page shows each line's candidates for a caseworker to confirm or reject.
 */
export default function ReleaseListsPage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const locale = useLocale();
  useTitle(t('persons.lists.title'));
  const lists = useReleaseLists(c.slug);
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({
    title: '',
    kind: 'released' as 'released' | 'seen',
    date: '',
    text: '',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!form.title.trim()) p.title = t('persons.lists.titleMissing');
    if (form.date && !PARTIAL_DATE.test(form.date)) p.date = t('persons.lists.dateProblem');
    if (!form.text.trim()) p.text = t('persons.lists.textMissing');
    setProblems(p);
    if (Object.keys(p).length > 0) return;
    setSending(true);
    setError(null);
    try {
      const list = await sendReleaseList(c.slug, form.text, {
        title: form.title.trim(),
        kind: form.kind,
        ...(form.date ? { date: form.date } : {}),
      });
      await qc.invalidateQueries({ queryKey: ['case', c.slug, 'release-lists'] });
      navigate(`/persons/lists/${list.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.forField('/date')) setProblems({ date: err.forField('/date')! });
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="page">
      <p className="small">
        <Link href="/persons">{t('persons.back')}</Link>
      </p>
      <h1>{t('persons.lists.title')}</h1>
      <p className="muted small">{t('persons.lists.lead')}</p>
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="new-list-h" noValidate>
        <h2 id="new-list-h">{t('persons.lists.new')}</h2>
        <div className="row wrap">
          <Field label={t('persons.lists.listTitle')} error={problems.title} required>
            {(p) => (
              <input
                {...p}
                dir="auto"
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('persons.lists.kind')}>
            {(p) => (
              <select
                {...p}
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.target.value as 'released' | 'seen' })}
              >
                <option value="released">{t('persons.lists.kinds.released')}</option>
                <option value="seen">{t('persons.lists.kinds.seen')}</option>
              </select>
            )}
          </Field>
          <Field label={t('persons.lists.date')} hint={t('persons.lists.dateHint')} error={problems.date}>
            {(p) => (
              <input
                {...p}
                size={12}
                value={form.date}
                onChange={(e) => setForm({ ...form, date: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field
          label={t('persons.lists.names')}
          hint={t('persons.lists.namesHint')}
          error={problems.text}
          required
        >
          {(p) => (
            <textarea
              {...p}
              dir="auto"
              rows={8}
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
            />
          )}
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <p>
          <button type="submit" className="primary" disabled={sending}>
            {sending ? t('persons.lists.matching') : t('persons.lists.match')}
          </button>
        </p>
      </form>
      <section aria-labelledby="lists-h">
        <h2 id="lists-h">{t('persons.lists.all')}</h2>
        <Query q={lists}>
          {(r) =>
            r.lists.length === 0 ? (
              <Empty>{t('persons.lists.none')}</Empty>
            ) : (
              <ul className="plain">
                {r.lists.map((l) => (
                  <li key={l.id} className="card">
                    <Link href={`/persons/lists/${l.id}`}>
                      <UserText>{l.title}</UserText>
                    </Link>{' '}
                    <span className="small muted">
                      {t(`persons.lists.kinds.${l.eventKind}`)}
                      {l.date ? ` · ${showPartialDate(locale, l.date)}` : ''} ·{' '}
                      {t('persons.lists.lineCount', { count: l.lines, n: formatNumber(locale, l.lines) })}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Query>
      </section>
    </div>
  );
}
