/** One line of the bench's figures table (its own file: report.ts and the per-module reports both use it). */
export interface Figure {
  figure: string;
  value: string;
  goal: string;
  status: 'PASS' | 'MISS' | '';
}
