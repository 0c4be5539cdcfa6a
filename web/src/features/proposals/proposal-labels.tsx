import { Tag } from 'antd';
import type { ProposalState } from '../../api/types';
import type { Translate } from '../../app/i18n';
import type { MessageKey } from '../../locales/zh-CN';
import { chinaDate } from '../../ui/format';

const COLORS: Partial<Record<ProposalState, string>> = {
  draft: 'default', submitted: 'blue', pre_reviewed: 'blue', returned: 'orange', withdrawn: 'default', not_filed: 'red',
  converted: 'purple', merged: 'cyan', filed: 'geekblue', assigned: 'geekblue', objected: 'volcano', handling: 'gold',
  countersigning: 'gold', reply_review: 'lime', released: 'green', closed: 'green', carried_over: 'magenta',
};

export const stateLabel = (s: ProposalState, t: Translate) => t(`proposalState.${s}` as MessageKey);

export function StateTag({ state, t }: { state: ProposalState; t: Translate }) {
  return <Tag color={COLORS[state]} data-testid="proposal-state" data-state={state}>{stateLabel(state, t)}</Tag>;
}

/** Days from today (China time) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string, today = new Date()): number {
  const local = chinaDate(today);
  return Math.round((Date.parse(date) - Date.parse(local)) / 86_400_000);
}

export function Countdown({ deadline, t }: { deadline: string; t: Translate }) {
  const n = daysUntil(deadline);
  if (n < 0) return <Tag color="red" data-testid="countdown">{t('proposals.overdue', { n: -n })}</Tag>;
  if (n === 0) return <Tag color="orange" data-testid="countdown">{t('proposals.dueToday')}</Tag>;
  return <Tag color={n <= 14 ? 'orange' : 'default'} data-testid="countdown">{t('proposals.daysLeft', { n })}</Tag>;
}
