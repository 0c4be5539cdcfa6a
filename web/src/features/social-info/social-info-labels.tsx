import { Tag } from 'antd';
import type { InfoState, IssueStatus, SourceKind } from './social-info.api';
import type { SiKey, SiT } from './social-info-i18n';

const COLORS: Record<InfoState, string> = {
  draft: 'default', submitted: 'blue', screening: 'geekblue', editing: 'gold', sign_off: 'purple', published: 'green', returned: 'orange', archived: 'default', merged: 'cyan',
};
const ISSUE_COLORS: Record<IssueStatus, string> = { draft: 'gold', signed: 'purple', released: 'green' };

export const stateLabel = (s: InfoState, t: SiT) => t(`state.${s}` as SiKey);
export const sourceLabel = (s: SourceKind, t: SiT) => t(`source.${s}` as SiKey);

export function StateTag({ state, t }: { state: InfoState; t: SiT }) {
  return <Tag color={COLORS[state]} data-testid="info-state" data-state={state}>{stateLabel(state, t)}</Tag>;
}

/** 急报: red, so an urgent item stands out in every list. */
export function UrgentTag({ t }: { t: SiT }) {
  return <Tag color="red" data-testid="info-urgent">{t('urgent')}</Tag>;
}

export function IssueStatusTag({ status, t }: { status: IssueStatus; t: SiT }) {
  return <Tag color={ISSUE_COLORS[status]} data-testid="issue-status" data-status={status}>{t(`issues.status.${status}` as SiKey)}</Tag>;
}

/** 《社情民意》2025 年第 3 期 (or the periodical and year, before the release numbers it). */
export function issueName(i: { periodicalName: string; year: number; number: number | null }, t: SiT): string {
  return `《${i.periodicalName}》${i.year} ${i.number ? t('issue.number', { n: i.number }) : t('issue.unnumbered')}`;
}

/** Characters counted against the limit: everything but whitespace (as the server counts). */
export const countChars = (s: string) => [...s.replace(/\s+/g, '')].length;
