import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MenuProps } from 'antd';
import { AuditOutlined, BarChartOutlined, CalendarOutlined, CheckSquareOutlined, TrophyOutlined } from '@ant-design/icons';
import { ApartmentOutlined, EditOutlined, FileTextOutlined, HomeOutlined, ImportOutlined, TeamOutlined, UserOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { FormOutlined, PieChartOutlined, ReadOutlined, SettingOutlined, SoundOutlined } from '@ant-design/icons';
import type { Ability } from '../api/types';
import type { MessageKey } from '../locales/zh-CN';
import type { Translate } from './i18n';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only when the current committee grants this ability; always shown when absent. */
  ability?: Ability;
  /** Shown only when this fact about the caller holds as well (see MenuFacts). */
  when?: keyof MenuFacts;
  testId: string;
}

/** The menu, in order. Each entry follows one server ability, so the menu is what the server allows. */
export const NAV: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, testId: 'nav-home' },
  { path: '/members', label: 'nav.members', icon: <TeamOutlined />, ability: 'org.members.read', testId: 'nav-members' },
  { path: '/members/import', label: 'nav.memberImport', icon: <ImportOutlined />, ability: 'org.members.import', testId: 'nav-member-import' },
  { path: '/proposals', label: 'nav.proposals', icon: <FileTextOutlined />, ability: 'proposals.read', testId: 'nav-proposals' },
  { path: '/proposals/new', label: 'nav.proposalNew', icon: <EditOutlined />, ability: 'proposals.propose', testId: 'nav-proposal-new' },
  { path: '/proposals/assign', label: 'nav.proposalAssign', icon: <ApartmentOutlined />, ability: 'proposals.review', testId: 'nav-proposal-assign' },
  { path: '/proposals/clusters', label: 'nav.proposalClusters', icon: <ApartmentOutlined />, ability: 'proposals.review', testId: 'nav-proposal-clusters' },
  { path: '/proposals/supervision', label: 'nav.proposalSupervision', icon: <FileTextOutlined />, ability: 'proposals.supervise', testId: 'nav-proposal-supervision' },
  { path: '/proposals/dashboard', label: 'nav.proposalDashboard', icon: <BarChartOutlined />, ability: 'proposals.figures', testId: 'nav-proposal-dashboard' },
  { path: '/performance', label: 'nav.myPerformance', icon: <TrophyOutlined />, ability: 'performance.participate', testId: 'nav-my-performance' },
  { path: '/performance/activities', label: 'nav.perfActivities', icon: <CalendarOutlined />, ability: 'performance.organise', testId: 'nav-perf-activities' },
  { path: '/performance/verification', label: 'nav.perfVerification', icon: <CheckSquareOutlined />, ability: 'performance.verify', testId: 'nav-perf-verification' },
  { path: '/performance/standings', label: 'nav.perfStandings', icon: <BarChartOutlined />, ability: 'performance.oversee', testId: 'nav-perf-standings' },
  { path: '/performance/assessment', label: 'nav.perfAssessment', icon: <AuditOutlined />, ability: 'performance.oversee', testId: 'nav-perf-assessment' },
  { path: '/performance/annual-report', label: 'nav.perfAnnualReport', icon: <FileTextOutlined />, ability: 'performance.participate', when: 'owesAnnualReport', testId: 'nav-perf-annual-report' },
  { path: '/performance/annual-reports', label: 'nav.perfAnnualReports', icon: <FileTextOutlined />, ability: 'performance.oversee', testId: 'nav-perf-annual-reports' },
  { path: '/social-info', label: 'nav.socialInfo', icon: <SoundOutlined />, ability: 'social_info.read', testId: 'nav-social-info' },
  { path: '/social-info/new', label: 'nav.socialInfoNew', icon: <FormOutlined />, ability: 'social_info.submit', testId: 'nav-social-info-new' },
  { path: '/social-info/issues', label: 'nav.socialInfoIssues', icon: <ReadOutlined />, ability: 'social_info.oversee', testId: 'nav-social-info-issues' },
  { path: '/social-info/office', label: 'nav.socialInfoOffice', icon: <SettingOutlined />, ability: 'social_info.edit', testId: 'nav-social-info-office' },
  { path: '/social-info/figures', label: 'nav.socialInfoFigures', icon: <PieChartOutlined />, ability: 'social_info.oversee', testId: 'nav-social-info-figures' },
  { path: '/consultation', label: 'nav.consultation', icon: <ReadOutlined />, ability: 'consultation.read', testId: 'nav-consultation' },
  { path: '/network', label: 'nav.network', icon: <ApartmentOutlined />, ability: 'network.read', testId: 'nav-network' },
  { path: '/demands', label: 'nav.demands', icon: <SoundOutlined />, ability: 'demands.read', testId: 'nav-demands' },
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, ability: 'org.units.read', testId: 'nav-units' },
  { path: '/users', label: 'nav.users', icon: <UsergroupAddOutlined />, ability: 'org.users.manage', testId: 'nav-users' },
  { path: '/account', label: 'nav.account', icon: <UserOutlined />, testId: 'nav-account' },
];

/** What the menu needs to know about the caller beyond abilities. */
export interface MenuFacts {
  /** A standing-committee member (常委 and above), who submits the annual duty report. */
  owesAnnualReport?: boolean;
}

export function menuItems(can: (a: Ability) => boolean, t: Translate, facts: MenuFacts = {}): NonNullable<MenuProps['items']> {
  return NAV.filter((n) => (!n.ability || can(n.ability)) && (!n.when || !!facts[n.when])).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: <Link to={n.path} data-testid={n.testId}>{t(n.label)}</Link>,
  }));
}

/** The menu entry a path belongs to: the longest matching prefix (/members/import before /members). */
export function selectedKey(pathname: string): string {
  const hit = NAV.map((n) => n.path)
    .filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(p + '/')))
    .sort((a, b) => b.length - a.length)[0];
  return hit ?? '/';
}
