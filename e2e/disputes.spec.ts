import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen, settledModal, submitModal } from './support.ts';

/**
 * 派单异议: the lead department disputes a dispatch from the order page, proposing another department; the
 * office sees it among the pending disputes and redirects (改派); the proposed department finds the order in its
 * queue, and the order's history and dispute record show each step.
 */
test('a department disputes a dispatch, the office redirects it and the other department sees it', async ({
  page,
  request,
}) => {
  const agent = await apiAs(request, 'agent01');
  const zj = await departmentId(request, 'ZJJ');
  const o = await agent.post('/api/orders', {
    channel: 'phone',
    type: 'complaint',
    content: '人民路口的井盖松动，车辆经过时响声很大，担心有人踩空。',
    caller: { name: '赵先生', phone: '13611112222' },
  });
  await agent.post(`/api/orders/${o.id}/actions/dispatch`, { departmentId: zj, timeLimitWorkingDays: 5 });

  // The lead department raises the dispute on the order page, proposing 城管局.
  await login(page, 'dept_zjj');
  await page.goto(`/orders/${o.id}`);
  await page.getByTestId('order-actions').getByRole('button', { name: '派单异议' }).click();
  const dialog = await settledModal(page);
  await dialog.getByLabel(/异议理由/).fill('道路井盖由城市管理部门负责维护，不属住建局职责');
  const proposed = dialog.getByLabel(/建议承办单位/);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
    hasText: '漯河市城市管理局',
  });
  await expect(async () => {
    if (!(await option.isVisible())) {
      await proposed.click();
      await proposed.fill('城市管理');
    }
    await option.click({ timeout: 2000 });
    // The drop-down lives outside the dialog: the name inside it is the choice taken.
    await expect(dialog).toContainText('漯河市城市管理局', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await submitModal(page);
  await expect(page.getByTestId('order-history')).toContainText('派单异议');
  await expect(page.getByTestId('order-disputes')).toContainText('待裁定');

  // The office finds it among the pending disputes and redirects to the proposed department.
  await login(page, 'office01');
  await page.goto('/office?tab=disputes');
  const row = page.getByTestId('office-disputes-table').locator('tr', { hasText: o.number });
  await expect(row).toContainText('不属住建局职责');
  await expect(row).toContainText('漯河市城市管理局');
  await screen(page, 'office-disputes');
  await row.getByTestId('dispute-redirect').click();
  await submitModal(page);
  await expect(page.getByTestId('office-disputes-table').locator('tr', { hasText: o.number })).toHaveCount(0);

  // 城管局 now has the order in its queue, with a new dispatch; 住建局's dispatch ended as redirected.
  await login(page, 'dept_cgj');
  await page.goto('/department');
  await expect(page.locator('tr', { hasText: o.number })).toBeVisible();
  await page.goto(`/orders/${o.id}`);
  await expect(page.getByTestId('order-history')).toContainText('异议裁定');
  await expect(page.getByTestId('order-disputes')).toContainText('改派');
  const cg = await apiAs(request, 'dept_cgj');
  const detail = (await cg.get(`/api/orders/${o.id}`)) as {
    departmentName: string;
    status: string;
    dispatches: { outcome: string | null }[];
  };
  expect(detail.departmentName).toBe('漯河市城市管理局');
  expect(detail.status).toBe('dispatched');
  expect(detail.dispatches.map((d) => d.outcome)).toEqual(['redirected', null]);
});
