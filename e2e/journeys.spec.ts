import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, pickCategory, screen, settledModal, submitModal } from './support.ts';

/**
 * One journey per role against a server on a fresh database with the demo city (no orders): registering and
 * dispatching, signing and replying, calling back, a citizen submitting and tracking, the office deciding an
 * extension and judging a return, and a department that cannot see another's order.
 */
test.describe.serial('journeys', () => {
  let orderId: number;
  let orderNumber: string;

  test('an agent registers a call and dispatches it from the workbench', async ({ page }) => {
    await login(page, 'agent01');
    await screen(page, 'home-agent');
    await page.goto('/workbench');
    await expect(page.getByTestId('workbench-form')).toBeVisible();
    // Chinese validation before anything is sent
    await page.getByTestId('workbench-dispatch').click();
    await expect(page.getByText('请填写诉求内容').first()).toBeVisible();

    await page.getByTestId('workbench-phone').fill('13912345678');
    await page.getByLabel('来电人').fill('王先生');
    await page.getByTestId('workbench-type').getByText('投诉', { exact: true }).click();
    await pickCategory(page, 'workbench-category', '路灯');
    await expect(page.getByTestId('workbench-department')).toContainText('城市管理局');
    await page
      .getByTestId('workbench-content')
      .fill('源汇区人民路与交通路交叉口东侧路灯连续一周不亮，夜间行人出行不便，请尽快维修。');
    await screen(page, 'workbench');
    await page.getByTestId('workbench-dispatch').click();
    const result = page.getByTestId('workbench-result');
    await expect(result).toContainText('已派单');
    await page.getByTestId('workbench-result-link').click();
    await expect(page.getByTestId('order-number')).toBeVisible();
    orderId = Number(page.url().split('/').pop());
    orderNumber = (await page.getByTestId('order-number').innerText()).replace(/\D/g, '');
    await expect(page.getByText('已交办').first()).toBeVisible();
    await expect(page.getByTestId('order-history')).toContainText('交办');
    await screen(page, 'order-detail');
  });

  test('the department signs and replies', async ({ page }) => {
    await login(page, 'dept_cgj');
    await page.goto('/department?tab=inbox');
    const row = page.locator('tr', { hasText: orderNumber });
    await expect(row).toBeVisible();
    await screen(page, 'department-portal');
    await row.getByRole('button', { name: '签收' }).click();
    await submitModal(page);
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByText('办理中').first()).toBeVisible();
    await page
      .getByTestId('order-actions')
      .getByRole('button', { name: /反\s*馈/ })
      .click();
    await page
      .locator('.ant-modal:visible textarea')
      .fill('经核查，该路段路灯线路老化，已于今日更换线路，路灯恢复照明。');
    await submitModal(page);
    await expect(page.getByText('已反馈').first()).toBeVisible();
  });

  test('the agent calls the citizen back and the order closes', async ({ page }) => {
    await login(page, 'agent01');
    await page.goto(`/orders/${orderId}`);
    await page
      .getByTestId('order-actions')
      .getByRole('button', { name: /回\s*访/ })
      .click();
    const modal = await settledModal(page);
    await modal.getByRole('radio', { name: '满意', exact: true }).check();
    await modal.getByRole('radio', { name: '已解决', exact: true }).check();
    await modal.locator('textarea').fill('市民表示路灯已修好，对办理结果满意。');
    await submitModal(page);
    await expect(page.getByText('已办结').first()).toBeVisible();
    await expect(page.getByTestId('order-history')).toContainText('回访');
  });

  test('a citizen submits a request on a phone and tracks it', async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto('/public/submit');
    await screen(page, 'citizen-submit');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await expect(page.getByText(/请(填写|输入).*(内容|电话)/).first()).toBeVisible();
    await page.getByText('建议', { exact: true }).first().click();
    await page.getByLabel(/联系电话|手机号/).fill('13900005678');
    await page
      .getByLabel(/诉求内容|反映内容|内容/)
      .first()
      .fill('建议在郾城区黄河路增设一个公交站点，方便周边居民出行。');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    const number = (await page.getByTestId('citizen-result-number').innerText()).trim();
    const code = (await page.getByTestId('citizen-result-code').innerText()).trim();
    expect(number).toMatch(/^\d{13}$/);
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('citizen-go-track').click();
    await expect(page.getByTestId('track-result')).toContainText('待受理');
    await expect(page.getByTestId('track-result')).not.toContainText('13900005678');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screen(page, 'citizen-track');
    await page.goto(`/public/track?number=${number}&code=WRONG123`);
    await expect(page.getByText(/未查到该工单/).first()).toBeVisible();
    await context.close();
  });

  test('the office approves an extension and judges a return', async ({ page, request }) => {
    const agent = await apiAs(request, 'agent01');
    const zj = await departmentId(request, 'ZJJ');
    const cg = await departmentId(request, 'CGJ');
    const base = { channel: 'phone', type: 'complaint', caller: { name: '李女士', phone: '13700001111' } };
    const a = await agent.post('/api/orders', { ...base, content: '小区物业长期不清运垃圾，楼道堆满杂物。' });
    await agent.post(`/api/orders/${a.id}/actions/dispatch`, { departmentId: zj, timeLimitWorkingDays: 5 });
    await (
      await apiAs(request, 'dept_zjj')
    ).post(`/api/orders/${a.id}/actions/request-extension`, {
      workingDays: 3,
      reason: '需协调物业公司与街道共同处理',
    });
    const b = await agent.post('/api/orders', {
      ...base,
      content: '反映燃气管道漏气的味道，请有关部门查看。',
    });
    await agent.post(`/api/orders/${b.id}/actions/dispatch`, { departmentId: cg });
    await (
      await apiAs(request, 'dept_cgj')
    ).post(`/api/orders/${b.id}/actions/return`, {
      reasonCode: 'not_our_duty',
      reason: '燃气安全不属城管职责，应交燃气公司',
    });

    await login(page, 'office01');
    await screen(page, 'home-office');
    await page.goto('/office?tab=extensions');
    const extRow = page.locator('tr', { hasText: a.number });
    await expect(extRow).toContainText('申请延期 3 个工作日');
    await screen(page, 'office-console');
    await extRow.getByRole('button', { name: '同意', exact: true }).click();
    await submitModal(page);
    await expect(page.locator('tr', { hasText: a.number })).toHaveCount(0);
    await page.goto('/office?tab=returns');
    const retRow = page.locator('tr', { hasText: b.number });
    await expect(retRow).toContainText('非本单位职责');
    await retRow.getByRole('button', { name: '派单差错', exact: true }).click();
    await submitModal(page);
    await expect(page.locator('tr', { hasText: b.number })).toHaveCount(0);

    const office = await apiAs(request, 'office01');
    expect((await office.get(`/api/orders/${a.id}`)).extensions[0].outcome).toBe('approved');
    expect((await office.get(`/api/orders/${b.id}`)).returns[0].operatorFault).toBe(true);
  });

  test("a department handler cannot see another department's order", async ({ page }) => {
    await login(page, 'dept_zjj');
    await screen(page, 'home-department');
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByText(/不存在/).first()).toBeVisible();
    await expect(page.getByTestId('order-number')).toHaveCount(0);
    await page.goto(`/orders?q=${orderNumber}`);
    await expect(page.getByText('没有符合条件的工单')).toBeVisible();
  });

  test('the main screens render for review', async ({ page }) => {
    await page.goto('/login');
    await screen(page, 'login');
    await login(page, 'office01');
    for (const [path, name] of [
      ['/orders', 'orders-list'],
      ['/dashboard', 'dashboard'],
      ['/admin/departments', 'admin-departments'],
      ['/admin/categories', 'admin-categories'],
      ['/admin/calendar', 'admin-calendar'],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('.ant-skeleton')).toHaveCount(0);
      await screen(page, name);
    }
    await login(page, 'admin');
    await page.goto('/admin/users');
    await expect(page.getByText('agent01').first()).toBeVisible();
    await screen(page, 'admin-users');
  });
});
