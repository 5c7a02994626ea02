import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen, settledModal, submitModal } from './support.ts';

/**
 * 协办 (issue 17): an order dispatched to 住建局 with 城管局 co-handling; 城管局 signs and answers its part in
 * the department portal, the office sees it on the order page, and 住建局 replies with the answer before it.
 */
test.describe.serial('co-handling', () => {
  let orderId: number;
  let orderNumber: string;
  const coAnswer = '城管局已清理该路段占道堆放物，并安排每日巡查。';

  test('an order is dispatched with a co-handler', async ({ request }) => {
    const agent = await apiAs(request, 'agent01');
    const o = await agent.post('/api/orders', {
      channel: 'phone',
      type: 'complaint',
      title: '道路积水与占道堆放',
      content: '黄河路某小区门口雨后积水，路边长期堆放建筑垃圾，影响通行。',
      caller: { name: '赵女士', phone: '13912340000', callbackWanted: true },
      location: { district: '源汇区', address: '黄河路8号' },
    });
    const [zj, cg] = [await departmentId(request, 'ZJJ'), await departmentId(request, 'CGJ')];
    const d = await agent.post(`/api/orders/${o.id}/actions/dispatch`, {
      departmentId: zj,
      coDepartmentIds: [cg],
      timeLimitWorkingDays: 5,
    });
    expect(d.coTasks).toHaveLength(1);
    orderId = o.id;
    orderNumber = o.number;
  });

  test('the co-handler signs and answers in the department portal', async ({ page }) => {
    await login(page, 'dept_cgj');
    await page.goto('/department?tab=co');
    const row = page.getByTestId('dept-list-co').locator('tr', { hasText: orderNumber });
    await expect(row).toBeVisible();
    await expect(row.getByText('协办', { exact: true })).toBeVisible();
    await expect(row.getByTestId('co-due')).toContainText('24:00');
    await screen(page, 'department-co-handling');
    await row.getByTestId('co-sign').click();
    await submitModal(page);
    await expect(row.getByTestId('co-sign')).toHaveCount(0);
    await row.getByTestId('co-reply').click();
    await page.locator('.ant-modal:visible textarea').fill(coAnswer);
    await submitModal(page);
    await expect(page.getByTestId('dept-list-co').locator('tr', { hasText: orderNumber })).toHaveCount(0);
  });

  test('the office sees each co-handler on the order page', async ({ page }) => {
    await login(page, 'office01');
    await page.goto(`/orders/${orderId}`);
    const panel = page.getByTestId('co-tasks');
    await expect(panel).toContainText('城市管理局');
    await expect(panel).toContainText('已答复');
    await expect(panel).toContainText(coAnswer);
    await expect(page.getByTestId('order-history')).toContainText('协办答复');
  });

  test('the lead replies with the co-handler’s answer before it', async ({ page }) => {
    await login(page, 'dept_zjj');
    await page.goto(`/orders/${orderId}`);
    await page
      .getByTestId('order-actions')
      .getByRole('button', { name: /^反\s*馈$/ })
      .click();
    await expect(page.getByTestId('co-answers')).toContainText(coAnswer);
    await page
      .locator('.ant-modal:visible textarea')
      .fill('住建局已疏通小区门口排水管道；城管局已清理占道堆放物并每日巡查。');
    await submitModal(page);
    await expect(page.getByText('已反馈').first()).toBeVisible();
    await expect(page.getByTestId('order-history')).toContainText('协办签收');
  });

  test('the office releases a co-handler from the order page', async ({ page, request }) => {
    const agent = await apiAs(request, 'agent01');
    const o = await agent.post('/api/orders', {
      channel: 'phone',
      type: 'complaint',
      title: '小区绿化带被占',
      content: '某小区绿化带被私自改为停车位。',
      caller: { name: '钱先生', phone: '13912341111', callbackWanted: false },
    });
    const [zj, cg] = [await departmentId(request, 'ZJJ'), await departmentId(request, 'CGJ')];
    await agent.post(`/api/orders/${o.id}/actions/dispatch`, { departmentId: zj, coDepartmentIds: [cg] });
    await login(page, 'office01');
    await page.goto(`/orders/${o.id}`);
    await expect(page.getByTestId('co-tasks')).toContainText('待签收');
    await page.getByTestId('order-actions').getByRole('button', { name: '解除协办' }).click();
    const modal = await settledModal(page);
    await modal.getByTestId('co-department').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城市管理局' })
      .click();
    await modal.locator('textarea').fill('占用绿化带属住建部门物业监管职责，无需城管协办');
    await submitModal(page);
    await expect(page.getByTestId('co-tasks')).toContainText('已解除协办');
    await expect(page.getByTestId('order-history')).toContainText('解除协办');
  });
});
