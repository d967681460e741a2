import { useTranslation } from 'react-i18next';
import { Field } from './ui';

const COMMON = ['ar', 'en', 'fr', 'ku', 'tr', 'fa', 'he', 'ru', 'de', 'es'];
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The language of a text (BCP 47): the usual ones by name, any other by its tag. */
export function LanguageField(props: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  } catch {
    names = null;
  }
  return (
    <Field label={t('form.language')} hint={t('form.languageHint')} error={props.error} required>
      {(a) => (
        <>
          <input
            {...a}
            dir="ltr"
            list="athar-languages"
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
          <datalist id="athar-languages">
            {COMMON.map((l) => (
              <option key={l} value={l}>
                {names?.of(l) ?? l}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
