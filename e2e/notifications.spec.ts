import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen, submitModal } from './support.ts';

test.describe('notification centre and feedback', () => {
  test('a department hears of a new dispatch live, opens it from the bell and is told its sign-in worked', async ({
    page,
    request,
  }) => {
    await login(page, 'dept_sjj');
    const bell = page.getByTestId('notification-bell');
    await expect(bell).toBeVisible();
    // Whatever was there before is read: open and close the list.
    await bell.click();
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 300);

    const agent = await apiAs(request, 'agent01');
    const sj = await departmentId(request, 'SJJ');
    const o = await agent.post('/api/orders', {
      channel: 'phone',
      type: 'complaint',
      title: '超市出售过期食品',
      content: '某超市货架上有过期三天的酸奶仍在出售，请市场监管部门查处。',
      caller: { name: '王先生', phone: '13700002222' },
    });
    await agent.post(`/api/orders/${o.id}/actions/dispatch`, { departmentId: sj, timeLimitWorkingDays: 5 });

    // Pushed over the event stream: the count appears without reloading the page.
    await expect(page.getByTestId('notification-count').locator('.ant-badge-count')).toHaveText('1', {
      timeout: 20_000,
    });
    await bell.click();
    const list = page.getByTestId('notification-list');
    await expect(list).toContainText('新交办工单');
    await expect(list).toContainText(o.number);
    await screen(page, 'notification-centre');
    await list.getByText(o.number).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${o.id}$`));
    await expect(page.getByTestId('notification-count').locator('.ant-badge-count')).toHaveCount(0);

    await page.getByRole('button', { name: '签收', exact: true }).click();
    await submitModal(page);
    await expect(page.locator('.ant-message')).toContainText(`签收成功：工单 ${o.number}`);
  });
});
