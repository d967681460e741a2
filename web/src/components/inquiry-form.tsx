// The fields of a family's inquiry, shared by the desk (a caseworker records it) and the public
// form (a family files it). Each name part goes under the script its letters are in, so a family
// may write in Arabic script, in Latin letters, or mix them.
import { useTranslation } from 'react-i18next';
import type { NewInquiry } from '../api/registry';
import { Field, type useFormErrors } from './ui';

const PARTS = ['given', 'father', 'grandfather', 'family', 'motherGiven'] as const;
type Part = (typeof PARTS)[number];
const ARABIC = /\p{Script=Arabic}/u;

export interface InquiryDraft {
  parts: Record<Part, string>;
  born: string;
  birthplace: string;
  lastSeen: string;
  details: string;
  relation: string;
  name: string;
  phone: string;
  email: string;
  notes: string;
  consent: boolean;
  share: boolean;
}

export const emptyDraft = (): InquiryDraft => ({
  parts: { given: '', father: '', grandfather: '', family: '', motherGiven: '' },
  born: '',
  birthplace: '',
  lastSeen: '',
  details: '',
  relation: '',
  name: '',
  phone: '',
  email: '',
  notes: '',
  consent: false,
  share: false,
});

type Errors = ReturnType<typeof useFormErrors>;

/** The desk's own checks, by the API's field pointers; null when the draft may be sent. */
export function draftProblems(t: (k: string) => string, d: InquiryDraft): Record<string, string | false> {
  const own = ['given', 'father', 'grandfather', 'family'] as const;
  return {
    '/names': !own.some((p) => d.parts[p].trim()) && t('inquiries.form.nameMissing'),
    '/bornFrom': d.born.trim() !== '' && !/^\d{4}$/.test(d.born.trim()) && t('inquiries.form.bornProblem'),
    '/relation': !d.relation.trim() && t('inquiries.form.relationMissing'),
    '/consent/processing': !d.consent && t('inquiries.form.consentMissing'),
  };
}

/** The API body of a draft. */
export function draftBody(d: InquiryDraft): NewInquiry {
  const names: NewInquiry['names'] = {};
  for (const p of PARTS) {
    const v = d.parts[p].trim();
    if (!v) continue;
    const script = ARABIC.test(v) ? 'ar' : 'lat';
    names[script] = { ...names[script], [p]: v };
  }
  const contact = {
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
    ...(d.email.trim() ? { email: d.email.trim() } : {}),
    ...(d.notes.trim() ? { notes: d.notes.trim() } : {}),
  };
  return {
    names,
    ...(d.born.trim() ? { bornFrom: Number(d.born.trim()), bornTo: Number(d.born.trim()) } : {}),
    ...(d.birthplace.trim() ? { birthplace: d.birthplace.trim() } : {}),
    ...(d.lastSeen.trim() ? { lastSeen: d.lastSeen.trim() } : {}),
    ...(d.details.trim() ? { details: d.details.trim() } : {}),
    relation: d.relation.trim(),
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    consent: { processing: true, share: d.share },
  };
}

/** Where the server names a name part, show it at the part's field (whichever script it went to). */
const partError = (errors: Errors, p: Part) =>
  errors.for(`/names/ar/${p}`) ??
  errors.for(`/names/lat/${p}`) ??
  (p === 'given' ? errors.for('/names') : undefined);

export function InquiryFields({
  draft,
  onChange,
  errors,
  forFamily,
}: {
  draft: InquiryDraft;
  onChange: (d: InquiryDraft) => void;
  errors: Errors;
  /** The public form speaks to the family ("your"), the desk about them. */
  forFamily: boolean;
}) {
  const { t } = useTranslation();
  const set = (k: keyof InquiryDraft, v: string | boolean) => onChange({ ...draft, [k]: v });
  const text =
    (k: 'born' | 'birthplace' | 'relation' | 'name' | 'phone' | 'email', opts: object = {}) =>
    (p: object) => (
      <input {...p} {...opts} dir="auto" value={draft[k]} onChange={(e) => set(k, e.target.value)} />
    );
  const who = forFamily ? 'family' : 'desk';
  return (
    <>
      <fieldset>
        <legend>{t(`inquiries.form.sought.${who}`)}</legend>
        <p className="hint">{t('inquiries.form.namesHint')}</p>
        <div className="row wrap">
          {PARTS.map((p) => (
            <Field key={p} label={t(`persons.parts.${p}`)} error={partError(errors, p)}>
              {(a) => (
                <input
                  {...a}
                  dir="auto"
                  value={draft.parts[p]}
                  onChange={(e) => onChange({ ...draft, parts: { ...draft.parts, [p]: e.target.value } })}
                />
              )}
            </Field>
          ))}
        </div>
        <div className="row wrap">
          <Field label={t('inquiries.form.born')} error={errors.for('/bornFrom')}>
            {text('born', { inputMode: 'numeric', size: 6 })}
          </Field>
          <Field label={t('persons.birthplace')} error={errors.for('/birthplace')}>
            {text('birthplace')}
          </Field>
        </div>
        <Field
          label={t('inquiries.form.lastSeen')}
          hint={t('inquiries.form.lastSeenHint')}
          error={errors.for('/lastSeen')}
        >
          {(a) => (
            <textarea
              {...a}
              dir="auto"
              rows={2}
              value={draft.lastSeen}
              onChange={(e) => set('lastSeen', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('inquiries.form.details')} error={errors.for('/details')}>
          {(a) => (
            <textarea
              {...a}
              dir="auto"
              rows={2}
              value={draft.details}
              onChange={(e) => set('details', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t(`inquiries.form.requester.${who}`)}</legend>
        <Field
          label={t(`inquiries.form.relation.${who}`)}
          hint={t('inquiries.form.relationHint')}
          error={errors.for('/relation')}
          required
        >
          {text('relation')}
        </Field>
        <p className="hint">{t('inquiries.form.contactHint')}</p>
        <div className="row wrap">
          <Field label={t('inquiries.contact.name')} error={errors.for('/contact/name')}>
            {text('name', { autoComplete: forFamily ? 'name' : 'off' })}
          </Field>
          <Field label={t('inquiries.contact.phone')} error={errors.for('/contact/phone')}>
            {text('phone', { type: 'tel', autoComplete: forFamily ? 'tel' : 'off' })}
          </Field>
          <Field label={t('inquiries.contact.email')} error={errors.for('/contact/email')}>
            {text('email', { type: 'email', autoComplete: forFamily ? 'email' : 'off' })}
          </Field>
        </div>
        <Field
          label={t('inquiries.contact.notes')}
          hint={t('inquiries.form.notesHint')}
          error={errors.for('/contact/notes')}
        >
          {(a) => (
            <textarea
              {...a}
              dir="auto"
              rows={2}
              value={draft.notes}
              onChange={(e) => set('notes', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('inquiries.form.consentTitle')}</legend>
        <div className={errors.for('/consent/processing') ? 'field field-invalid' : 'field'}>
          <label className="row">
            <input
              type="checkbox"
              checked={draft.consent}
              onChange={(e) => set('consent', e.target.checked)}
            />{' '}
            {t(`inquiries.form.consent.${who}`)}
          </label>
          {errors.for('/consent/processing') ? (
            <p className="error" role="alert">
              {errors.for('/consent/processing')}
            </p>
          ) : null}
        </div>
        <label className="row">
          <input type="checkbox" checked={draft.share} onChange={(e) => set('share', e.target.checked)} />{' '}
          {t(`inquiries.form.share.${who}`)}
        </label>
      </fieldset>
    </>
  );
}
