import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { RequireAuth, useCan, useLogout, useSession } from './auth';
import { CommitteeSwitcher, canSwitchCommittee } from './committee-switcher';
import { useI18n } from './i18n';
import { menuItems, selectedKey } from './nav';
import { useOwesAnnualReport } from '../features/performance/annual-report.api';
import { LanguageToggle } from './language-toggle';
import { NotificationBell } from './notification-bell';
import { HeaderSearch } from '../features/search/header-search';

const { Header, Sider, Content } = Layout;

/** The logged-in frame: header, menu (a Sider on wide screens, a Drawer on phones) and the page. */
export function Shell() {
  return (
    <RequireAuth>
      <ShellFrame />
    </RequireAuth>
  );
}

function ShellFrame() {
  const me = useSession();
  const { t } = useI18n();
  const can = useCan();
  const owesAnnualReport = useOwesAnnualReport(can('performance.participate'));
  const screens = Grid.useBreakpoint();
  const wide = !!screens.md;
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const menu = (
    <Menu
      mode="inline"
      data-testid="main-menu"
      selectedKeys={[selectedKey(location.pathname)]}
      items={menuItems(can, t, { owesAnnualReport })}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const userMenu = {
    items: [
      { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), 'data-testid': 'logout' },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'account') navigate('/account');
      else logout.mutate(undefined, { onSettled: () => navigate('/login') });
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: wide ? 24 : 12, background: '#fff', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
        {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} data-testid="menu-toggle" onClick={() => setDrawerOpen(true)} />}
        <Typography.Title level={4} style={{ margin: 0, color: '#b71c1c', whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
        {screens.lg && <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>}
        <div style={{ flex: 1 }} />
        {me.currentCommittee && <HeaderSearch />}
        {wide && <CommitteeSwitcher me={me} />}
        <Space size={4}>
          <NotificationBell />
          <LanguageToggle />
          <Dropdown menu={userMenu} trigger={['click']}>
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              {screens.sm && me.user.displayName}
            </Button>
          </Dropdown>
        </Space>
      </Header>
      <Layout>
        {wide && (
          <Sider width={208} theme="light" breakpoint="lg" collapsible collapsedWidth={64} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            {menu}
          </Sider>
        )}
        <Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          {!wide && me.currentCommittee && (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>{me.currentCommittee.name}</Typography.Text>
          )}
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {!wide && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          {canSwitchCommittee(me) && (
            <div style={{ padding: 12 }}>
              <CommitteeSwitcher me={me} block />
            </div>
          )}
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
