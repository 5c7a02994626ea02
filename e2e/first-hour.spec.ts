import { expect, test } from '@playwright/test';
import { apiAs, login, screen } from './support.ts';

test.describe("a newcomer's first hour", () => {
  test('an unknown address shows 404, another role’s page 403, a missing order says so once', async ({
    page,
  }) => {
    await login(page, 'agent01');
    await expect(page.getByTestId('current-user')).toHaveText('话务员 李娜');
    await page.goto('/no-such-page');
    await expect(page.getByTestId('page-404')).toContainText('404 页面不存在');
    await screen(page, 'page-404');
    await page.goto('/office');
    await expect(page.getByTestId('page-403')).toContainText('403 无权访问');
    await screen(page, 'page-403');
    let asked = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/orders/999999')) asked++;
    });
    await page.goto('/orders/999999');
    await expect(page.getByTestId('query-404')).toBeVisible();
    await expect(page.getByRole('button', { name: '重试' })).toHaveCount(0);
    expect(asked).toBe(1);
  });

  test('the demo contract is in force today and its periods end on their last day', async ({
    page,
    request,
  }) => {
    const office = await apiAs(request, 'office01');
    const { items } = (await office.get('/api/contracts')) as {
      items: { id: string; term: { from: string; to: string } }[];
    };
    const demo = items.find((c) => c.id.startsWith('demo-'))!;
    expect(demo).toBeTruthy();
    await login(page, 'office01');
    await page.goto('/contracts/board');
    await expect(page.getByTestId('contract-board')).toContainText('（演示）');
    await expect(page.getByTestId('contract-board')).not.toContainText('不含');
    await screen(page, 'contract-board-demo');
  });
});
