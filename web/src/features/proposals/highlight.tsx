import { Typography } from 'antd';
import type { ProposalListItem } from '../../api/types';

/**
 * Search hits in the proposal list: the server marks the matched words of the title, a window
 * of the body and the first signer (GET /api/proposals?q=…, `highlight`); these components
 * only draw the marks.
 */
export interface HitSegment {
  text: string;
  hit?: true;
}

export interface ListHighlight {
  title: HitSegment[];
  snippet: HitSegment[] | null;
  firstSigner: HitSegment[] | null;
}

/** The highlight of a list row, when the list was searched. */
export function highlightOf(item: ProposalListItem): ListHighlight | undefined {
  return (item as ProposalListItem & { highlight?: ListHighlight }).highlight;
}

const MARK_STYLE = { padding: 0, background: '#fff1b8', color: 'inherit' } as const;

/** The text with its hits marked; the plain text when there are no segments. */
export function Marked({ segments, text }: { segments?: HitSegment[] | null; text: string | null | undefined }) {
  if (!segments?.length) return <>{text ?? ''}</>;
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i} style={MARK_STYLE} data-testid="search-hit">{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/** Where the body matched, under the title (nothing when only the title or a proposer matched). */
export function Snippet({ segments }: { segments?: HitSegment[] | null }) {
  if (!segments?.length) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12, maxWidth: 560, whiteSpace: 'normal' }} data-testid="search-snippet">
      <Marked segments={segments} text="" />
    </Typography.Paragraph>
  );
}
