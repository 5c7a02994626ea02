import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen, settledModal, submitModal } from './support.ts';

/**
 * 答复意见评价 and 退回重办: the office reads the computed quality of a department's reply with its evidence,
 * sets its own verdict with a reason, and sends the reply back to the department before the callback.
 */
test('the office judges a boilerplate reply poor, overrides with a reason and sends it back', async ({
  page,
  request,
}) => {
  const agent = await apiAs(request, 'agent01');
  const cg = await departmentId(request, 'CGJ');
  const o = await agent.post('/api/orders', {
    channel: 'phone',
    type: 'complaint',
    content: '黄河路与嵩山路交叉口三盏路灯一周不亮，行人过马路危险。希望尽快修复路灯。',
    caller: { name: '王女士', phone: '13912345678' },
  });
  await agent.post(`/api/orders/${o.id}/actions/dispatch`, { departmentId: cg, timeLimitWorkingDays: 5 });
  await (
    await apiAs(request, 'dept_cgj')
  ).post(`/api/orders/${o.id}/actions/reply`, {
    reply: '网友：您好！留言已收悉，已转相关单位办理。感谢您的留言。',
  });

  await login(page, 'office01');
  await page.goto(`/orders/${o.id}`);
  const panel = page.getByTestId('reply-quality');
  await expect(panel.getByTestId('reply-quality-verdict')).toHaveText('较差');
  await expect(panel.getByTestId('reply-quality-reasons')).toContainText('未引用政策或规定依据');
  await expect(panel).toContainText('未回应');
  await screen(page, 'reply-quality');

  await panel.getByTestId('reply-quality-review').click();
  const dialog = await settledModal(page);
  await dialog.getByLabel('一般').check();
  await dialog.getByLabel('理由').fill('已电话联系承办人，路灯已安排维修，但答复未写明');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(panel.getByTestId('reply-quality-verdict')).toHaveText('一般');
  await expect(panel).toContainText('人工评价，系统评分为较差');

  await page.getByTestId('order-actions').getByRole('button', { name: '退回重办' }).click();
  await page
    .locator('.ant-modal:visible')
    .getByLabel(/退回重办理由/)
    .fill('答复未说明是否修复及修复时间');
  await submitModal(page);
  await expect
    .poll(async () => ((await agent.get(`/api/orders/${o.id}`)) as { status: string }).status)
    .toBe('dispatched');
  await expect(page.getByTestId('order-history')).toContainText('答复未说明是否修复及修复时间');
});
