import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Select, TreeSelect } from 'antd';
import { api } from '../api/client';
import type { Committee, Me } from '../api/types';
import { errorText } from '../ui/error-alert';
import { useT } from './i18n';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function toTree(items: Committee[]): TreeNode[] {
  const nodes = new Map(items.map((c) => [c.id, { value: c.id, title: c.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const c of items) {
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(c.id)!);
  }
  return roots;
}

import { canSwitchCommittee } from './committee-switcher';

/**
 * Switches the committee the user works in. The platform admin picks from the whole tree
 * (searchable); other users only from the committees they belong to, and see no switcher
 * when they belong to one.
 */
export default function CommitteePicker({ me, block }: { me: Me; block?: boolean }) {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isAdmin = me.user.isPlatformAdmin;
  const all = useQuery({
    queryKey: ['committees'],
    queryFn: () => api.get<{ items: Committee[] }>('/api/committees'),
    enabled: isAdmin,
    staleTime: 5 * 60_000,
  });
  const tree = useMemo(() => toTree(all.data?.items ?? []), [all.data]);
  const switchTo = useMutation({
    mutationFn: (committeeId: string) => api.post('/api/auth/committee', { committeeId }),
    onSuccess: async () => {
      // Everything cached belongs to the previous committee.
      await qc.resetQueries();
      navigate('/');
    },
    onError: (e) => message.error(errorText(e, t('common.network'))),
  });
  const style = { width: block ? '100%' : 260 };
  const current = me.currentCommittee?.id;

  if (isAdmin) {
    return (
      <TreeSelect
        data-testid="committee-switcher"
        aria-label={t('header.committee')}
        style={style}
        value={all.data ? current : undefined}
        placeholder={me.currentCommittee?.name ?? t('header.committee')}
        treeData={tree}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        loading={all.isPending || switchTo.isPending}
        onChange={(id: string) => id && id !== current && switchTo.mutate(id)}
        popupMatchSelectWidth={false}
      />
    );
  }
  if (!canSwitchCommittee(me)) return null;
  return (
    <Select
      data-testid="committee-switcher"
      aria-label={t('header.committee')}
      style={style}
      value={current}
      options={me.committees.map((c) => ({ value: c.id, label: c.name }))}
      loading={switchTo.isPending}
      onChange={(id: string) => id !== current && switchTo.mutate(id)}
    />
  );
}
