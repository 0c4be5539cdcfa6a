import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Spin, Tabs } from 'antd';
import { RequireAbility, useCan } from '../../app/auth';
import { useCoT, type CoKey } from './consultation-i18n';

// Each tab is its own chunk too: a member proposing a topic never loads the plan editor or ECharts.
const PlanPage = lazy(() => import('./plan-page'));
const TopicsPage = lazy(() => import('./topics-page'));
const InboxPage = lazy(() => import('./inbox-page'));

/** /consultation/*: one menu entry, the tabs the caller's abilities allow. */
export default function ConsultationPage() {
  return (
    <RequireAbility ability="consultation.read">
      <Sections />
    </RequireAbility>
  );
}

function Sections() {
  const t = useCoT();
  const can = useCan();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const tabs: { key: string; label: CoKey; show: boolean }[] = [
    { key: 'plan', label: 'tab.plan', show: true },
    { key: 'topics', label: 'tab.topics', show: can('consultation.topics.submit') && !can('consultation.topics.review') },
    { key: 'inbox', label: 'tab.inbox', show: can('consultation.topics.review') },
  ];
  const active = pathname.split('/')[2] ?? 'plan';
  return (
    <>
      <Tabs activeKey={active} onChange={(k) => void nav(`/consultation/${k}`)} data-testid="consultation-tabs"
        items={tabs.filter((x) => x.show).map((x) => ({ key: x.key, label: <span data-testid={`tab-${x.key}`}>{t(x.label)}</span> }))} />
      <Suspense fallback={<Spin style={{ display: 'block', margin: '10vh auto' }} />}>
        <Routes>
          <Route index element={<Navigate to="plan" replace />} />
          <Route path="plan" element={<PlanPage />} />
          <Route path="topics" element={<TopicsPage />} />
          <Route path="inbox" element={<RequireAbility ability="consultation.topics.review"><InboxPage /></RequireAbility>} />
        </Routes>
      </Suspense>
    </>
  );
}
