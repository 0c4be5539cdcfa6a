import { lazy, Suspense } from 'react';
import { Typography } from 'antd';
import type { Me } from '../api/types';

/** Whether the user has more than one committee to work in. */
export const canSwitchCommittee = (me: Me) => me.user.isPlatformAdmin || me.committees.length > 1;

// The picker (Select, and TreeSelect for the admin) is its own chunk: most users work in one
// committee and see only its name, so their first load does not carry it.
const CommitteePicker = lazy(() => import('./committee-picker'));

/**
 * Switches the committee the user works in. The platform admin picks from the whole tree
 * (searchable); other users only from the committees they belong to, and see no switcher
 * when they belong to one.
 */
export function CommitteeSwitcher({ me, block }: { me: Me; block?: boolean }) {
  // Nothing to switch: the name alone tells the user where they are.
  if (!canSwitchCommittee(me)) {
    return me.currentCommittee ? <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>{me.currentCommittee.name}</Typography.Text> : null;
  }
  return (
    <Suspense fallback={<Typography.Text type="secondary">{me.currentCommittee?.name}</Typography.Text>}>
      <CommitteePicker me={me} block={block} />
    </Suspense>
  );
}
