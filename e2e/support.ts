import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const PASSWORD = 'Demo-12345';
const SCREENS = path.resolve(import.meta.dirname, '../e2e-artifacts/screens');

/** Signs in through the login page, as a person would. */
export async function login(page: Page, username: string): Promise<void> {
  // Start signed out, whoever used this page before (the session is an HttpOnly cookie).
  await page.context().clearCookies();
  await page.goto('/login');
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

/** The open modal once its opening animation has ended and its form is connected (clicks during the zoom can be
 * lost: a radio chosen mid-animation was not taken, and the dialog stayed open on its validation message). */
export async function settledModal(page: Page) {
  const modal = page.locator('.ant-modal:visible');
  await expect(modal.locator('form')).toHaveCount(1);
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave')).toHaveCount(0);
  return modal;
}

/** Picks a catalogue leaf in a category TreeSelect by typing its name, as an agent does. The filtered tree is a
 * virtual list that re-renders while the search settles, so a click can land on a node that is being replaced:
 * check the choice was taken and, if not, open the picker and choose again. `typed` is what the agent types (a
 * keyword such as 烧烤 finds 餐饮油烟). */
export async function pickCategory(page: Page, testId: string, leaf: string, typed = leaf): Promise<void> {
  const select = page.getByTestId(testId);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-tree-title', {
    hasText: new RegExp(`^${leaf}$`),
  });
  await expect(async () => {
    if (!(await option.first().isVisible())) {
      await select.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(typed);
    }
    await expect(page.locator('.ant-slide-up-appear, .ant-slide-up-enter')).toHaveCount(0, { timeout: 2000 });
    await option.first().click({ timeout: 2000 });
    await expect(select).toContainText(leaf, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

/** The row of an online submission in the workbench's queue (oldest first: a new one is on the last page). */
export async function submissionRow(page: Page, number: string): Promise<Locator> {
  await page.goto('/workbench');
  await page.getByTestId('workbench-tab-submissions').click();
  const queue = page.getByTestId('submissions-list');
  await expect(queue.locator('tr.ant-table-row').first()).toBeVisible();
  const pages = queue.locator('.ant-pagination-item');
  if ((await pages.count()) > 1) await pages.last().click();
  return queue.locator('tr', { hasText: number });
}
