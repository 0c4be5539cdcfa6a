import { createRequire } from 'node:module';

/**
 * The document packages, loaded on first use. Importing them costs a process CPU time it pays
 * whether or not it ever writes a file (measured on the 2-core dev machine: exceljs ≈ 0.7 s,
 * echarts ≈ 1.1 s of user+sys), and every test file imports the whole app through main.ts; only
 * the export routes need them. pdfmake and jieba load the same way (pdf.ts, text/segment.ts).
 *
 * @example
 * const wb = new (exceljs().Workbook)();
 */
const require = createRequire(import.meta.url);

let excel: typeof import('exceljs') | undefined;
let charts: typeof import('echarts') | undefined;

export function exceljs(): typeof import('exceljs') {
  excel ??= require('exceljs') as typeof import('exceljs');
  return excel;
}

export function echarts(): typeof import('echarts') {
  charts ??= require('echarts') as typeof import('echarts');
  return charts;
}
