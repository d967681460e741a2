// Every string of the desk is in the three translation files, with the same keys, the plural
// forms each language needs, and the same placeholders; and no component shows text of its own
// (a word in JSX, or in a label, title or placeholder attribute, that is not from t()).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

type Tree = { [k: string]: string | Tree };
const LANGS: Record<string, Tree> = { en, ar, fr };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** Keys without their plural suffix, each with the forms given. */
function bases(t: Tree): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [k, v] of leaves(t)) {
    const m = PLURAL.exec(k);
    const base = m ? k.slice(0, -m[0].length) : k;
    const form = m ? m[1]! : '';
    if (!out.has(base)) out.set(base, new Map());
    out.get(base)!.set(form, v);
  }
  return out;
}

describe('translations', () => {
  const english = bases(en);

  for (const [lang, tree] of Object.entries(LANGS)) {
    it(`${lang}: the same keys as English, every plural form the language needs, the same placeholders`, () => {
      const mine = bases(tree);
      expect(
        [...mine.keys()].filter((k) => !english.has(k)),
        'keys English does not have',
      ).toEqual([]);
      expect(
        [...english.keys()].filter((k) => !mine.has(k)),
        'keys missing',
      ).toEqual([]);
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const problems: string[] = [];
      for (const [base, forms] of english) {
        const theirs = mine.get(base)!;
        const plural = !forms.has('');
        if (plural) {
          for (const c of categories) if (!theirs.has(c)) problems.push(`${base}: no _${c} form`);
          if (theirs.has('')) problems.push(`${base}: a plural key needs no plain form`);
        } else if (!theirs.has('')) problems.push(`${base}: plural forms where English has one string`);
        const want = placeholders(forms.get('other') ?? forms.get('')!);
        for (const [form, s] of theirs) {
          const got = placeholders(s);
          // A form for one, two or none may say the number in words.
          const optional = ['zero', 'one', 'two'].includes(form);
          if (optional ? got.some((p) => !want.includes(p)) : got.join() !== want.join())
            problems.push(
              `${base}${form ? `_${form}` : ''}: placeholders ${got.join()} instead of ${want.join()}`,
            );
        }
        for (const [, s] of theirs)
          if (!s.trim() && base !== 'timeline.title_') problems.push(`${base}: empty`);
      }
      expect(problems).toEqual([]);
    });
  }

  const PLACEHOLDER = /\{\{\w+(?:, *\w+)?\}\}/g;
  it('Arabic is translated: no Latin-script words but the names and formats that stay as they are', () => {
    // Technical names and the forms one types (dates, zones, language codes) are the same everywhere.
    const KEPT =
      /\b(UTC|API|JSON-LD|ClaimReview|schema\.org|https?|Natural Earth|world-atlas|Asia\/Damascus|ar-SY|[a-z]{2}|T|Z)\b/g;
    const latin = [...leaves(ar)].filter(
      ([k, v]) =>
        !k.startsWith('languages.') &&
        /\p{Script=Latin}{2,}/u.test(v.replace(PLACEHOLDER, '').replace(KEPT, '')),
    );
    expect(latin.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it("states numbers through placeholders, so they come in the reader's digits", () => {
    // Only the forms one types keep their digits (2024-12-09T16:45, 1:50m, 0123).
    const FORMS = new Set(['time.atHint', 'time.badFormat', 'places.mapCaption', 'prefs.digitsLatn']);
    for (const [name, file] of [
      ['ar', ar],
      ['en', en],
      ['fr', fr],
    ] as const) {
      const digits = [...leaves(file)].filter(
        ([k, v]) => !FORMS.has(k) && /[0-9]/.test(v.replace(PLACEHOLDER, '')),
      );
      expect(digits.map(([k, v]) => `${name} ${k}: ${v}`)).toEqual([]);
    }
  });
});

/** Text a component shows that does not come from the translation files. */
function untranslated(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
  const hasWords = (s: string) => /\p{L}{2,}/u.test(s);
  const where = (n: ts.Node) =>
    `${path.basename(file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && hasWords(n.text)) found.push(`${where(n)} text "${n.text.trim()}"`);
    if (
      ts.isJsxExpression(n) &&
      n.expression &&
      ts.isStringLiteral(n.expression) &&
      ts.isJsxElement(n.parent) &&
      hasWords(n.expression.text)
    )
      found.push(`${where(n)} text "${n.expression.text}"`);
    if (ts.isJsxAttribute(n) && TEXT_ATTRIBUTES.has(n.name.getText()) && n.initializer) {
      const init = n.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) &&
            init.expression &&
            (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression.text
          : ts.isJsxExpression(init) && init.expression && ts.isTemplateExpression(init.expression)
            ? [init.expression.head.text, ...init.expression.templateSpans.map((s) => s.literal.text)].join(
                ' ',
              )
            : null;
      if (literal !== null && hasWords(literal)) found.push(`${where(n)} ${n.name.getText()}="${literal}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  it('show no text of their own: every word goes through the translation files', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(untranslated)).toEqual([]);
  });

  it('the check finds text of its own when there is some', () => {
    const tmp = path.join(import.meta.dirname, '__fixture__.tsx');
    const sample = 'export const X = () => <p title="Hello there">Loading <b>{"items"}</b></p>;\n';
    writeFileSync(tmp, sample);
    try {
      expect(untranslated(tmp)).toHaveLength(3);
    } finally {
      rmSync(tmp);
    }
  });
});
