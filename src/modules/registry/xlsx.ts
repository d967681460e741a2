/**
 * Spreadsheets (XLSX) in and out, with the CSV's own columns.
 *
 * In: the first worksheet, read as it streams (ExcelJS's streaming reader: rows are not kept),
 * each row's cells as text — a number as written (1985), a date as its day (1985-03-14), a
 * formula never run: its cached result is taken as the cell's text, and a formula without one is
 * refused on its row. Lines are the sheet's row numbers.
 *
 * Out: one sheet, inline strings (no shared-string table to hold in memory), every cell a string
 * (so Excel neither reads 1985-03 as a date nor runs a formula), with the same neutralising of a
 * leading `=`, `+`, `-`, `@` as the CSV.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalid } from '#src/platform/errors.ts';
import type { TableFile, TableRecord } from './table-file.ts';

/** Whether bytes begin like a ZIP archive (an XLSX file is one). */
export const looksLikeZip = (head: Uint8Array): boolean =>
  head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

const MAX_COLUMNS = 500;

class CellProblem extends Error {}

function cellText(v: unknown, column: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null || typeof o.result === 'object')
        throw new CellProblem(`column ${column} is a formula without a value (athar never runs formulas)`);
      return cellText(o.result, column);
    }
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return '';
  }
  return typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : '';
}

/** The first worksheet of an XLSX file, a row at a time (the header first). */
export function readXlsxFile(body: Readable, received: { sha256: string; bytes: number }): TableFile {
  async function* rows(): AsyncGenerator<TableRecord> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(body, {
      entries: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache', // a number formatted as a date reads as a date
      worksheets: 'emit',
    });
    let width = 0;
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
          const values = (row.values as unknown[]) ?? [];
          if (values.length - 1 > MAX_COLUMNS)
            throw invalid('import.file', `line ${row.number}: more than ${MAX_COLUMNS} columns`, {
              details: { line: row.number },
            });
          const cells: string[] = [];
          let problem: string | undefined;
          for (let i = 1; i < values.length; i++)
            try {
              cells.push(cellText(values[i], i));
            } catch (e) {
              if (!(e instanceof CellProblem)) throw e;
              problem ??= e.message;
              cells.push('');
            }
          if (width === 0) width = cells.length;
          while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
          if (cells.every((c) => c.trim() === '')) continue;
          yield { line: row.number, cells, ...(problem ? { problem } : {}) };
        }
        break; // the first worksheet only
      }
    } catch (e) {
      if (e instanceof Error && 'kind' in e) throw e;
      throw invalid(
        'import.file',
        `not a spreadsheet athar can read: ${e instanceof Error ? e.message : String(e)}`,
        {
          details: { line: 1 },
        },
      );
    }
  }
  // The file was received whole (and hashed) before it is read.
  return { records: rows(), done: () => ({ ...received, encoding: 'utf-8' }) };
}

/** Writes rows to an XLSX file at `file` (every cell a string). */
export async function writeXlsx(
  file: string,
  header: readonly string[],
  rows: AsyncIterable<readonly string[][]>,
  neutralise: (s: string) => string,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = wb.addWorksheet('persons');
  sheet.addRow([...header]).commit();
  let n = 0;
  for await (const batch of rows)
    for (const r of batch) {
      sheet.addRow(r.map(neutralise)).commit();
      n++;
    }
  sheet.commit();
  await wb.commit();
  return n;
}
