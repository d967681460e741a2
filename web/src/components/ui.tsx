import { useEffect, useId, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { localeOf, usePrefs } from '../lib/prefs';

/** The locale to format with: the reader's language and digits. */
export function useLocale(): string {
  const p = usePrefs();
  return localeOf(p);
}

/** Sets the browser tab's title: the page, then athar. */
export function useTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/** A labelled form control with its hint and error, tied to it for assistive technology. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (a: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
    required?: boolean;
  }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required"> ({t('form.required')})</span> : null}
      </label>
      {props.children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(props.error ? { 'aria-invalid': true } : {}),
        ...(props.required ? { required: true } : {}),
      })}
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="error" id={errorId} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A refusal or failure, in the reader's language, with the server's words and reference kept. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const message = e ? apiErrorMessage(t, e) : t('errors.unexpected');
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {e && e.detail && e.code !== 'network' ? (
        <p className="muted small">
          {t('errors.serverSaid')} <span dir="auto">{e.detail}</span>
          {e.correlationId ? ` (${t('errors.reference')} ${e.correlationId})` : ''}
        </p>
      ) : null}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];
/** The translated message of an API refusal, by its stable code; the generic one by status otherwise. */
export function apiErrorMessage(t: T, e: ApiError): string {
  const byCode = `errors.code.${e.code.replace(/\./g, '_')}`;
  if (i18next.exists(byCode)) return t(byCode, { seconds: e.retryAfterS ?? 60 });
  if (e.status === 0) return t('errors.network');
  if (e.status === 400) return t('errors.invalid');
  if (e.status === 401) return t('errors.signedOut');
  if (e.status === 403) return t('errors.forbidden');
  if (e.status === 404) return t('errors.notFound');
  if (e.status === 409) return t('errors.conflict');
  if (e.status === 429) return t('errors.rateLimited', { seconds: e.retryAfterS ?? 60 });
  if (e.status >= 500) return t('errors.server');
  return t('errors.unexpected');
}

/**
 * A form's errors: the desk's own checks before sending, then the server's, each by the JSON
 * pointer of its field (`/stated/at` is shown at the field "stated").
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [server, setServer] = useState<ApiError | null>(null);
  return {
    /** Runs the desk's checks; true when the form may be sent. */
    check(problems: Record<string, string | false | null | undefined>): boolean {
      const found: Record<string, string> = {};
      for (const [k, v] of Object.entries(problems)) if (v) found[k] = v;
      setLocal(found);
      setServer(null);
      return Object.keys(found).length === 0;
    },
    fromServer(e: unknown) {
      setServer(e instanceof ApiError ? e : null);
    },
    clear() {
      setLocal({});
      setServer(null);
    },
    for(pointer: string): string | undefined {
      if (local[pointer]) return local[pointer];
      const said = server?.forField(pointer);
      return said ? t('form.serverRefused', { message: said }) : undefined;
    },
    /** The server's refusal when it named no field of this form. */
    general(pointers: string[]): ApiError | null {
      if (!server) return null;
      const named = server.issues.some((i) =>
        pointers.some((p) => i.field === p || i.field.startsWith(`${p}/`)),
      );
      return named ? null : server;
    },
  };
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** What a query shows while it loads or when it failed; its children once it has data. */
export function Query<D>(props: {
  q: { data?: D | undefined; error: unknown; isPending: boolean };
  children: (d: D) => ReactNode;
}) {
  if (props.q.error) return <ErrorNotice error={props.q.error} />;
  if (props.q.isPending || props.q.data === undefined) return <Loading />;
  return <>{props.children(props.q.data)}</>;
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

/** A number in the reader's digits. */
export function Num({ n }: { n: number }) {
  const locale = useLocale();
  return <>{new Intl.NumberFormat(locale).format(n)}</>;
}

/** User content: always text (React escapes it), with its own direction. */
export function UserText({
  children,
  lang,
  className,
}: {
  children: string | null | undefined;
  lang?: string | undefined;
  className?: string;
}) {
  return (
    <span dir="auto" className={className} {...(lang ? { lang } : {})}>
      {children ?? ''}
    </span>
  );
}

/**
 * A translation of a code the server may extend (an action, a field, an entity type): its
 * translation when the files have one, else the fallback. Unlike t's defaultValue this does not
 * count as a missing key.
 */
export function translatedOr(key: string, fallback: string, options?: Record<string, unknown>): string {
  return i18next.exists(key) ? i18next.t(key, options) : fallback;
}

/** A form's two buttons: save (or the label given), and cancel, which closes it unsaved. */
export function SaveCancel({
  busy,
  onCancel,
  label,
  danger,
}: {
  busy: boolean;
  onCancel: () => void;
  label?: string;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <p className="form-buttons">
      <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
        {label ?? t('common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </p>
  );
}
