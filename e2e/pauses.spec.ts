import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen, settledModal, submitModal } from './support.ts';

/** The city's day `n` days from now (the server runs on the real clock here). */
const cityDay = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 挂起: a department asks to pause its clock while it waits for the citizen's materials, the office approves it
 * in its queue, the department resumes, and the order's history and pause list show it all.
 */
test('a department pauses an order, the office approves, the department resumes', async ({
  page,
  request,
}) => {
  const agent = await apiAs(request, 'agent01');
  const zj = await departmentId(request, 'ZJJ');
  const order = await agent.post('/api/orders', {
    channel: 'phone',
    type: 'help',
    caller: { name: '赵女士', phone: '13700002222' },
    content: '老旧小区加装电梯需要办理规划手续，咨询所需材料并请住建部门现场查看。',
  });
  await agent.post(`/api/orders/${order.id}/actions/dispatch`, { departmentId: zj, timeLimitWorkingDays: 5 });

  // the department asks, from its inbox
  await login(page, 'dept_zjj');
  await page.goto('/department?tab=inbox');
  const row = page.locator('tr', { hasText: order.number });
  await row.getByTestId('dept-action-request-pause').click();
  const modal = await settledModal(page);
  await modal.getByTestId('pause-reason').click();
  await page.locator('.ant-select-item-option', { hasText: '等待群众补充材料' }).click();
  await modal.getByTestId('field-expectedResumeOn').fill(cityDay(7));
  await modal.getByLabel('挂起说明').fill('需市民补充房屋产权证明及业主同意书');
  await submitModal(page);
  await expect(page.locator('tr', { hasText: order.number })).toContainText('挂起审核中');

  // the office approves it in its queue
  await login(page, 'office01');
  await page.goto('/office?tab=pauses');
  const request_ = page.locator('tr', { hasText: order.number });
  await expect(request_).toContainText('等待群众补充材料');
  await expect(request_).toContainText(`预计 ${cityDay(7)} 恢复`);
  await screen(page, 'office-pauses');
  await request_.getByRole('button', { name: '同意', exact: true }).click();
  await submitModal(page);
  await expect(page.locator('tr', { hasText: order.number })).toHaveCount(0);

  // the department sees it paused and resumes
  await login(page, 'dept_zjj');
  await page.goto('/department?tab=paused');
  const paused = page.locator('tr', { hasText: order.number });
  await expect(paused.getByTestId('tag-paused')).toBeVisible();
  await paused.getByTestId('dept-action-resume').click();
  await settledModal(page);
  await submitModal(page);
  await expect(page.locator('tr', { hasText: order.number })).toHaveCount(0);

  await page.goto(`/orders/${order.id}`);
  const history = page.getByTestId('order-history');
  await expect(history).toContainText('申请挂起');
  await expect(history).toContainText('挂起审核');
  await expect(history).toContainText('恢复办理');
  await expect(history).toContainText('暂停计时');
  await page.getByRole('tab', { name: /挂起/ }).click();
  await expect(page.getByTestId('order-pauses')).toContainText('已恢复');
  await expect(page.getByTestId('order-pauses')).toContainText('等待群众补充材料');
  await screen(page, 'order-pauses');

  const office = await apiAs(request, 'office01');
  const detail = await office.get(`/api/orders/${order.id}`);
  expect(detail.pauses[0]).toMatchObject({ status: 'ended', endReason: 'resumed' });
  expect(detail.pauseState).toBe('none');
});
