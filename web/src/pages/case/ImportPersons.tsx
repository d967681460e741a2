import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { sendFile } from '../../api/media';
import type { Ok } from '../../api/types';
import { useCurrentCase } from '../../components/case-context';
import { ErrorNotice, Field, useLocale, useTitle } from '../../components/ui';
import { formatBytes, formatNumber } from '../../lib/format';

type Report = Ok<'/api/cases/{caseId}/persons/import', 'post'>;

/** The fields a column may be mapped to (the import's own; see import-columns.ts). */
const FIELDS = [
  'given_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'mother_name',
  'mother_family_name',
  'aliases',
  'sex',
  'birth_date',
  'birth_year',
  'age',
  'age_as_of',
  'birthplace',
  'description',
  'status',
  'status_date',
  'external_id',
  'ignore',
];

/** Names of formats and fields, the same in every language. */
const TECH = {
  csv: 'CSV',
  encodings: 'UTF-8, Windows-1256',
  xlsx: 'XLSX',
  pfif: 'PFIF 1.4',
  columns: 'given_name, father_name, family_name, mother_name, birth_year, status',
  id: 'id',
  pfifId: 'person_record_id',
};

/**
 * Importing persons from a file (CSV, XLSX, PFIF 1.4): a dry run first — the report of rows
 * accepted, rejected (line and reason) and likely duplicates, and for columns no field matched a
 * choice of what each holds — then the import itself, all or nothing unless invalid rows are to
 * be skipped. The bar shows the bytes sent; the server then reads the file through.
 */
export default function ImportPersonsPage() {
  const { t } = useTranslation();
  useTitle(t('persons.import.title'));
  const c = useCurrentCase();
  const locale = useLocale();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [updateBy, setUpdateBy] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [map, setMap] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    // The last report goes while the file is read again: it no longer says what this run does.
    setReport(null);
    setProgress({ sent: 0, total: file.size });
    const q = new URLSearchParams({ dryRun: String(dryRun), skipInvalid: String(skipInvalid) });
    if (updateBy.trim()) q.set('updateBy', updateBy.trim());
    for (const [col, field] of Object.entries(map)) if (field) q.append('map', `${col}=${field}`);
    try {
      const r = await sendFile<Report>(
        `/api/cases/${encodeURIComponent(c.slug)}/persons/import?${q.toString()}`,
        file,
        (sent, total) => setProgress({ sent, total }),
      ).done;
      setReport(r);
      if (r.imported) await qc.invalidateQueries({ queryKey: ['case', c.slug, 'persons'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };
  const unknown = report?.unknownColumns ?? [];
  const pct = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <div className="page">
      <p className="small">
        <Link href="/persons">{t('persons.back')}</Link>
      </p>
      <h1>{t('persons.import.title')}</h1>
      <p className="muted small">{t('persons.import.lead', TECH)}</p>
      <form className="card" onSubmit={submit} noValidate>
        <Field label={t('persons.import.file')} hint={t('persons.import.fileHint', TECH)} required>
          {(a) => (
            <input
              {...a}
              type="file"
              accept=".csv,.txt,.xlsx,.xml,.pfif,text/csv,application/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
                setMap({});
              }}
            />
          )}
        </Field>
        <div className="row wrap">
          <Field label={t('persons.import.updateBy')} hint={t('persons.import.updateByHint', TECH)}>
            {(a) => (
              <input {...a} dir="auto" value={updateBy} onChange={(e) => setUpdateBy(e.target.value)} />
            )}
          </Field>
        </div>
        <label className="row">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />{' '}
          {t('persons.import.skipInvalid')}
        </label>
        {unknown.length > 0 ? (
          <fieldset>
            <legend>{t('persons.import.mapTitle')}</legend>
            <p className="hint">{t('persons.import.mapHint')}</p>
            <div className="row wrap">
              {unknown.map((col) => (
                <Field key={col} label={col}>
                  {(a) => (
                    <select
                      {...a}
                      value={map[col] ?? ''}
                      onChange={(e) => setMap({ ...map, [col]: e.target.value })}
                    >
                      <option value="">{t('persons.import.chooseField')}</option>
                      {FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {f === 'ignore' ? t('persons.import.ignore') : f}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        ) : null}
        <p className="row">
          <button type="submit" className="primary" disabled={!file || busy}>
            {t('persons.import.dryRun')}
          </button>
          {report && report.dryRun && (report.rejectedCount === 0 || skipInvalid) && report.accepted > 0 ? (
            <button type="button" disabled={busy} onClick={() => void run(false)}>
              {t('persons.import.importNow', { n: formatNumber(locale, report.accepted) })}
            </button>
          ) : null}
        </p>
        {progress ? (
          <div>
            <progress max={100} value={pct} aria-label={t('persons.import.sending')} />{' '}
            <span className="small">
              {progress.sent < progress.total
                ? t('persons.import.sent', {
                    sent: formatBytes(locale, progress.sent),
                    total: formatBytes(locale, progress.total),
                  })
                : t('persons.import.reading')}
            </span>
          </div>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </form>
      {report ? <ImportReportView report={report} /> : null}
    </div>
  );
}

function ImportReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (x: number) => formatNumber(locale, x);
  return (
    <section aria-labelledby="report-h" className="card import-report" aria-live="polite">
      <h2 id="report-h">
        {report.imported
          ? t('persons.import.done')
          : report.dryRun
            ? t('persons.import.dryRunReport')
            : t('persons.import.refused')}
      </h2>
      <p>
        {t('persons.import.counts', {
          rows: n(report.rows),
          accepted: n(report.accepted),
          created: n(report.created),
          updated: n(report.updated),
          events: n(report.events),
          rejected: n(report.rejectedCount),
          duplicates: n(report.duplicates.length),
        })}
      </p>
      <p className="small muted">
        {t('persons.import.file_facts', {
          format: report.format.toUpperCase(),
          hash: 'SHA-256',
          sha256: report.sha256.slice(0, 16),
        })}
      </p>
      {report.rejected.length > 0 ? (
        <>
          <h3>{t('persons.import.rejectedTitle')}</h3>
          <table className="import-lines">
            <thead>
              <tr>
                <th scope="col">{t('persons.import.line')}</th>
                <th scope="col">{t('persons.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.line}-${r.reason}`}>
                  <td>{formatNumber(locale, r.line, { useGrouping: false })}</td>
                  <td dir="auto">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {report.duplicates.length > 0 ? (
        <>
          <h3>{t('persons.import.duplicatesTitle')}</h3>
          <ul className="small">
            {report.duplicates.map((d) => (
              <li key={`${d.line}-${d.personId ?? d.otherLine}`}>
                {t('persons.import.line')} {formatNumber(locale, d.line, { useGrouping: false })}:{' '}
                {d.personId ? (
                  <Link href={`/persons/${d.personId}`}>{t('persons.import.likePerson')}</Link>
                ) : (
                  t('persons.import.likeLine', {
                    line: formatNumber(locale, d.otherLine ?? 0, { useGrouping: false }),
                  })
                )}{' '}
                ({t('persons.score', { score: Math.round(d.score * 100) })})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
