import { Suspense } from 'react';
import { Button, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useUser } from './auth.tsx';
import { userTitle } from './user-title.ts';
import { DemoProgressBanner } from '../components/demo-progress.tsx';
import { NotificationBell } from '../components/notification-bell.tsx';
import { pagesFor } from './nav.tsx';

const { Header, Sider, Content } = Layout;

function menuItems(role: Parameters<typeof pagesFor>[0]): MenuProps['items'] {
  const pages = pagesFor(role).filter((p) => p.menu);
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<
    string,
    { key: string; label: string; children: { key: string; label: React.ReactNode }[] }
  >();
  for (const p of pages) {
    const item = { key: p.path, label: <Link to={p.path}>{p.label}</Link> };
    if (!p.group) {
      items.push(item);
      continue;
    }
    let g = groups.get(p.group);
    if (!g) {
      g = { key: `group:${p.group}`, label: p.group, children: [] };
      groups.set(p.group, g);
      items.push(g);
    }
    g.children.push(item);
  }
  return items;
}

/** The staff console's frame: the side menu of the signed-in role, the user and sign-out in the header. */
export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = pagesFor(user.role)
    .filter(
      (p) => p.menu && (p.path === '/' ? location.pathname === '/' : location.pathname.startsWith(p.path)),
    )
    .map((p) => p.path);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={200} theme="light">
        <div style={{ padding: '16px 16px 8px', fontWeight: 600 }}>12345 热线平台</div>
        <Menu
          mode="inline"
          selectedKeys={selected}
          defaultOpenKeys={['group:管理']}
          items={menuItems(user.role)}
        />
      </Sider>
      <Layout>
        <Header
          style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'flex-end' }}
        >
          <Space>
            <NotificationBell user={user} />
            <Typography.Text data-testid="current-user">{userTitle(user)}</Typography.Text>
            <Button
              size="small"
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              退出
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <DemoProgressBanner />
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
