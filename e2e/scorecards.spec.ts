import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen } from './support.ts';

/**
 * 部门考评: the office's sortable table of every department's scorecard, a department's figures with the orders
 * behind a count, and the department portal's own scorecard.
 */
const cityDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const from = cityDay(new Date());
const to = cityDay(new Date(Date.now() + 86_400_000));

test.describe.serial('department scorecards', () => {
  let number = '';
  let name = '';

  test.beforeAll(async ({ request }) => {
    const agent = await apiAs(request, 'agent01');
    const cgj = await departmentId(request, 'CGJ');
    const dept = await apiAs(request, 'dept_cgj');
    const o = await agent.post('/api/orders', {
      channel: 'phone',
      type: 'complaint',
      title: '考评测试：井盖缺失',
      content: '人民路与黄河路口井盖缺失，夜间行人容易踩空，请尽快补装。',
      caller: { name: '李先生', phone: '13812340000' },
    });
    await agent.post(`/api/orders/${o.id}/actions/dispatch`, { departmentId: cgj, timeLimitWorkingDays: 5 });
    await dept.post(`/api/orders/${o.id}/actions/sign`);
    number = o.number;
    const cards = await dept.get(`/api/departments/scorecards?from=${from}&to=${to}`);
    name = cards.departments[0].name;
  });

  test('the office sorts the departments and drills into one department’s orders', async ({ page }) => {
    await login(page, 'office01');
    await page.goto(`/reports/scorecards?from=${from}&to=${to}`);
    const table = page.getByTestId('scorecards');
    await expect(table.getByText(name)).toBeVisible();
    await table.getByRole('columnheader', { name: '接收' }).click();
    await expect(table.locator('th[aria-sort]')).toHaveCount(1);
    await screen(page, 'scorecards');
    await table.getByTestId('scorecard-department').filter({ hasText: name }).click();
    const detail = page.getByTestId('scorecard-detail');
    await expect(detail).toContainText(name);
    await detail.getByTestId('figure-received').click();
    await expect(page.getByTestId('scorecard-orders')).toContainText(number);
  });

  test('a department sees its own scorecard in its portal', async ({ page }) => {
    await login(page, 'dept_cgj');
    await page.goto(`/department/scorecard?from=${from}&to=${to}`);
    const detail = page.getByTestId('scorecard-detail');
    await expect(detail).toContainText(name);
    await expect(detail.getByTestId('figure-signedOnTime')).not.toHaveText('0');
    await detail.getByTestId('figure-signedOnTime').click();
    await expect(page.getByTestId('scorecard-orders')).toContainText(number);
    await screen(page, 'own-scorecard');
  });
});
