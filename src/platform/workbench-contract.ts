/**
 * The shapes of the workbench and search slots (platform/workbench.ts, platform/search.ts) that
 * the web reads: types only and no imports, so web/ can import them as they are.
 */

/** A piece of text, marked when it matched the query (platform/text/highlight.ts makes them). */
export interface MarkedSegment {
  text: string;
  hit?: true;
}

/** One record that waits, with the web path that opens it. */
export interface WorkbenchEntry {
  id: string;
  title: string;
  /** Web path (`/proposals/<id>`). */
  link: string;
  /** China calendar date (YYYY-MM-DD) by which it is due, when it has one. */
  deadline?: string | null;
  overdue?: boolean;
  /** A short qualifier shown beside the title (number, state, unit). */
  note?: string | null;
}

/** Records of one kind that wait for the caller: to review, to sign for, to answer, to rate, … */
export interface WorkbenchGroup {
  /** `<module>.<what>`, e.g. `proposals.to_review` (the web's label key). */
  kind: string;
  count: number;
  /** How many of them are past their deadline. */
  overdue: number;
  /** The earliest deadline among them. */
  nextDeadline: string | null;
  /** Web path of the list holding all of them. */
  link: string;
  /** The first few, most urgent first. */
  items: WorkbenchEntry[];
}

/** Records of one kind that changed since the caller's last visit. */
export interface WorkbenchChange {
  kind: string;
  count: number;
  items: (WorkbenchEntry & { at: string })[];
}

/** Progress toward a target (a member's quota): `done` of `target`. */
export interface WorkbenchProgress {
  kind: string;
  label: string;
  met: boolean;
  link: string;
  parts: { label: string; done: number; target: number; met: boolean }[];
}

export interface WorkbenchSection {
  pending: WorkbenchGroup[];
  changes: WorkbenchChange[];
  progress?: WorkbenchProgress[];
}

export interface SearchHit {
  id: string;
  /** The title with the matched words marked. */
  title: MarkedSegment[];
  /** Where the text matched, marked; null when only the title did. */
  snippet?: MarkedSegment[] | null;
  /** Web path that opens the record. */
  link: string;
  /** Short qualifiers: number, state, sector. */
  meta?: string[];
}

export interface SearchResult {
  total: number;
  items: SearchHit[];
}

/** One number of a figure, labelled in the caller's language (FigureDef.headline). */
export interface FigureHeadline {
  label: string;
  value: number | string | null;
  /** '%' for a rate in [0, 1]. */
  unit?: '%';
}
