/** What GET /api/workbench and GET /api/search answer (types only: the web imports them). */
import type {
  FigureHeadline, SearchHit, WorkbenchChange, WorkbenchGroup, WorkbenchProgress,
} from '../../platform/workbench-contract.js';

export type { FigureHeadline, MarkedSegment, SearchHit, WorkbenchEntry } from '../../platform/workbench-contract.js';

export interface WorkbenchFigure {
  module: string;
  name: string;
  title: string;
  headline: FigureHeadline[];
}

export interface WorkbenchView {
  /** Today in China time. */
  today: string;
  /** "What changed" counts from here: the last visit (or a week back on the first). */
  since: string;
  firstVisit: boolean;
  pending: (WorkbenchGroup & { module: string })[];
  changes: (WorkbenchChange & { module: string })[];
  progress: (WorkbenchProgress & { module: string })[];
  /** A leader's view of the committee: each figure's headline numbers. */
  figures: WorkbenchFigure[];
}

export interface SearchGroup {
  module: string;
  kind: string;
  total: number;
  items: SearchHit[];
  /** The module's own list for the same query, when it has one. */
  listLink: string | null;
}

export interface SearchAnswer {
  q: string;
  groups: SearchGroup[];
}
