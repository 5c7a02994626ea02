import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'Demo-12345';
const SCREENS = path.resolve(import.meta.dirname, '../e2e-artifacts/screens');

/** Signs in through the login page, as a person would. */
export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  // Start signed out, whoever used this page before.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Keeps a full-page screenshot of a main screen under e2e-artifacts/screens (git-ignored) for review. */
export async function screen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/** A signed-in API client for setting the scene of a journey. */
export async function apiAs(request: APIRequestContext, username: string) {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  const { token } = (await res.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async (url: string) => (await request.get(url, { headers })).json(),
    post: async (url: string, data: unknown = {}) => {
      const r = await request.post(url, { headers, data: data as object });
      expect(r.ok(), `${url}: ${r.status()} ${await r.text()}`).toBeTruthy();
      return r.json();
    },
  };
}

export async function departmentId(request: APIRequestContext, code: string): Promise<number> {
  const admin = await apiAs(request, 'admin');
  const { items } = (await admin.get('/api/departments')) as { items: { id: number; code: string }[] };
  return items.find((d) => d.code === code)!.id;
}

/** Clicks the OK button of the open modal (our action forms say 提交). */
export async function submitModal(page: Page): Promise<void> {
  const modal = page.locator('.ant-modal:visible');
  // A row action first shows a loading dialog while it reads the order, then the form: wait for the form and
  // for the opening animation to end, or the click can land before the form is connected.
  await expect(modal.locator('form')).toHaveCount(1);
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave')).toHaveCount(0);
  await modal.getByRole('button', { name: '提交' }).click();
  await expect(modal).toHaveCount(0);
}
