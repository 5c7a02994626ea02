import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { apiAs, login, PASSWORD } from './support.ts';

/**
 * Issue 19's screens: the second factor (enrol with the QR code's key, sign in with a code, the administrator's
 * reset), the expired password changed before anything else, and the audit viewer with the chain's check.
 */

/** The code of the authenticator app, `ahead` seconds from now (a code is accepted once per 30-second step). */
const codeFor = (secret: string, ahead = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + ahead });

async function signOut(page: Page) {
  await page.getByRole('button', { name: /退出/ }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
}

test('an office user sets up the second factor, then signs in with a code; the administrator resets it', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, 'admin');
  await admin.post('/api/users', { username: 'sec_office', password: PASSWORD, role: 'office' });
  await login(page, 'sec_office');
  await page.getByRole('menuitem', { name: '双因素认证' }).click();
  await expect(page.getByTestId('second-factor-status')).toHaveText('未启用');
  await page.getByTestId('second-factor-start').click();
  await expect(page.getByTestId('second-factor-qr')).toBeVisible();
  const secret = (await page.getByTestId('second-factor-secret').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('动态口令').fill(await codeFor(secret));
  await page.getByTestId('second-factor-confirm').click();
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  const recovery = (await page.getByTestId('recovery-codes').innerText()).split('\n').filter(Boolean);
  expect(recovery).toHaveLength(10);
  await expect(page.getByTestId('second-factor-status')).toHaveText('已启用');

  await signOut(page);
  await page.getByLabel('用户名').fill('sec_office');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-code-form')).toBeVisible();
  await page.getByLabel('动态口令').fill('000000');
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByTestId('login-error')).toContainText('动态口令错误');
  // The next step's code: the one used to confirm may not be used again.
  await page.getByLabel('动态口令').fill(await codeFor(secret, 30));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();

  // A lost phone: a recovery code signs in once.
  await signOut(page);
  await page.getByLabel('用户名').fill('sec_office');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('动态口令').fill(recovery[0]!);
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();

  // The administrator resets it: the password alone signs in again.
  await login(page, 'admin');
  await page.goto('/admin/users');
  await page.getByTestId('user-search').locator('input').fill('sec_office');
  await page.getByTestId('user-totp-reset-sec_office').click();
  await page.getByRole('button', { name: '重置', exact: true }).click();
  await expect(page.getByText('已重置 sec_office 的动态口令')).toBeVisible();
  const again = await request.post('/api/auth/login', {
    data: { username: 'sec_office', password: PASSWORD },
  });
  expect(again.status()).toBe(200);
});

test('an expired password is changed on a screen shown before anything else', async ({ page, request }) => {
  const admin = await apiAs(request, 'admin');
  const created = (await admin.post('/api/users', {
    username: 'sec_old',
    password: PASSWORD,
    role: 'agent',
  })) as {
    id: number;
  };
  // Signed in while the password is still good...
  await login(page, 'sec_old');
  // ...then the administrator expires it (as for a password they gave out): the console asks for a new one.
  const r = await request.patch(`/api/users/${created.id}`, {
    headers: { authorization: `Bearer ${await tokenOf(request, 'admin')}` },
    data: { expirePassword: true },
  });
  expect(r.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId('change-password-form')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);

  // Signing in again shows the same screen right after the password.
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill('sec_old');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  const form = page.getByTestId('change-password-form');
  await expect(form).toBeVisible();
  await form.getByLabel('当前口令').fill(PASSWORD);
  await form.getByLabel('新口令', { exact: true }).fill(PASSWORD);
  await form.getByLabel('确认新口令').fill(PASSWORD);
  await form.getByRole('button', { name: '修改口令并登录' }).click();
  await expect(page.getByTestId('change-password-error')).toBeVisible();
  await form.getByLabel('新口令', { exact: true }).fill('Renewed-2468');
  await form.getByLabel('确认新口令').fill('Renewed-2468');
  await form.getByRole('button', { name: '修改口令并登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  const old = await request.post('/api/auth/login', { data: { username: 'sec_old', password: PASSWORD } });
  expect(old.status()).toBe(401);
});

test('the audit viewer filters the trail page by page and shows the chain verified', async ({ page }) => {
  await login(page, 'office01');
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByTestId('audit-chain')).toContainText('审计链完整');
  const table = page.getByTestId('audit-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await page.getByTestId('audit-filter-action').click();
  await page.keyboard.type('login_failed');
  await page.keyboard.press('Enter');
  await page.getByTestId('audit-search').click();
  // The wrong code typed in the first journey is a failed sign-in of sec_office.
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('登录失败');
  const rows = table.locator('tbody tr.ant-table-row');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('登录失败');
});

async function tokenOf(request: Parameters<typeof apiAs>[0], username: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  return ((await res.json()) as { token: string }).token;
}
