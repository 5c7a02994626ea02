import { Button, Result } from 'antd';
import { Link, matchPath, useLocation } from 'react-router';
import { NAV } from '../app/nav.tsx';

/**
 * What an unknown or forbidden address shows instead of silently going home (issue 14): 403 when the path is a
 * console page another role may open, 404 when no page has it.
 */
export function NotAllowedOrMissing() {
  const { pathname } = useLocation();
  const exists = NAV.some((p) => matchPath({ path: p.path, end: true }, pathname));
  const home = (
    <Link to="/">
      <Button type="primary">返回首页</Button>
    </Link>
  );
  return exists ? (
    <Result
      status="403"
      title="403 无权访问"
      subTitle="您的角色无权打开该页面。如需使用，请联系系统管理员调整权限。"
      extra={home}
      data-testid="page-403"
    />
  ) : (
    <Result
      status="404"
      title="404 页面不存在"
      subTitle={`找不到页面 ${pathname}，请检查地址或从菜单进入。`}
      extra={home}
      data-testid="page-404"
    />
  );
}
