import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen, settledModal, submitModal } from './support.ts';

/**
 * The quality screens against a fresh demo city: a callback with an unsatisfied citizen reopens the order; a
 * complaint the office confirms shows in the complaint rate; a QA score is appealed by the agent and decided.
 */
const month = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

test.describe.serial('quality', () => {
  test('a callback done unsatisfied reopens the order', async ({ page, request }) => {
    const agent = await apiAs(request, 'agent01');
    const cg = await departmentId(request, 'CGJ');
    const order = await agent.post('/api/orders', {
      channel: 'phone',
      type: 'complaint',
      caller: { name: '赵先生', phone: '13811112233' },
      content: '小区门口井盖破损多日，夜间行人容易踩空，请尽快修复。',
    });
    await agent.post(`/api/orders/${order.id}/actions/dispatch`, {
      departmentId: cg,
      timeLimitWorkingDays: 5,
    });
    const dept = await apiAs(request, 'dept_cgj');
    await dept.post(`/api/orders/${order.id}/actions/sign`, {});
    await dept.post(`/api/orders/${order.id}/actions/reply`, { reply: '已安排维修人员更换井盖。' });

    await login(page, 'agent01');
    await page.goto('/quality/callbacks');
    const row = page.locator('tr', { hasText: order.number });
    await expect(row).toBeVisible();
    await screen(page, 'quality-callbacks');
    await page.getByTestId(`callback-${order.number}`).click();
    const modal = await settledModal(page);
    // Chinese validation before anything is sent
    await expect(modal.locator('form')).toHaveCount(1);
    await modal.getByRole('button', { name: '提交' }).click();
    await expect(modal.getByText('请选择是否联系上市民')).toBeVisible();
    await modal.getByText('已联系上', { exact: true }).click();
    await modal.getByTestId('callback-satisfaction').getByText('不满意', { exact: true }).click();
    await modal.getByTestId('callback-resolved').getByText('未解决', { exact: true }).click();
    await modal.getByTestId('callback-attitude').getByText('满意', { exact: true }).click();
    // Unsatisfied with the handling turns 重办 on by itself.
    await expect(modal.getByTestId('callback-reopen')).toHaveAttribute('aria-checked', 'true');
    await modal.locator('textarea').fill('市民反映井盖仍未更换，对办理结果不满意；对话务员态度满意。');
    await submitModal(page);
    await expect(row).toHaveCount(0);

    await page.goto(`/orders/${order.id}`);
    await expect(page.getByText('已交办').first()).toBeVisible();
    await expect(page.getByTestId('order-history')).toContainText('回访');
    const after = await agent.get(`/api/orders/${order.id}`);
    expect(after.status).toBe('dispatched');
    expect(after.reopenCount).toBe(1);
  });

  test('a complaint confirmed by the office shows in the rate', async ({ page, request }) => {
    const office = await apiAs(request, 'office01');
    const range = `from=${month()}-01&to=${nextMonth(month())}-01`;
    const before = (await office.get(`/api/quality/indicators?${range}`)).complaintRate.numerator as number;

    await login(page, 'lead01');
    await page.goto('/quality/complaints');
    await page.getByTestId('complaint-record').click();
    const modal = await settledModal(page);
    await modal.getByRole('button', { name: '提交' }).click();
    await expect(modal.getByText('请填写投诉来源')).toBeVisible();
    await modal.getByLabel('投诉来源').fill('市民来电');
    await modal.getByLabel('投诉内容').fill('话务员接听时语气生硬，未耐心解答停车收费问题。E2E-投诉');
    await submitModal(page);
    await expect(page.locator('tr', { hasText: 'E2E-投诉' })).toContainText('调查中');

    const { items } = await office.get('/api/quality/complaints?status=investigating');
    const complaint = (items as { id: number; description: string }[]).find((c) =>
      c.description.includes('E2E-投诉'),
    )!;

    await login(page, 'office01');
    await page.goto('/quality/complaints');
    await expect(page.getByTestId('complaint-confirmed')).toContainText(String(before));
    await page.getByTestId(`complaint-decide-${complaint.id}`).click();
    const decide = await settledModal(page);
    await decide.getByText('投诉成立', { exact: true }).click();
    await decide.getByLabel('认定理由').fill('经调听录音，话务员服务用语不规范，投诉属实。');
    await submitModal(page);
    await expect(page.locator('tr', { hasText: 'E2E-投诉' })).toContainText('已确认');
    await expect(page.getByTestId('complaint-confirmed')).toContainText(String(before + 1));
    await screen(page, 'quality-complaints');
    // The figure drills down to the complaint it counts.
    await page.getByTestId('complaint-rate-records').click();
    await expect(page.locator('tr', { hasText: 'E2E-投诉' })).toBeVisible();
  });

  test('a QA score is appealed by the agent and decided', async ({ page, request }) => {
    const admin = await apiAs(request, 'admin');
    const users = (await admin.get('/api/users')).items as {
      username: string;
      agentCode: string;
      id: number;
    }[];
    const agent01 = users.find((u) => u.username === 'agent01')!;
    await admin.post('/api/users', { username: 'pbx_qa', password: 'Switch-1234', role: 'switch' });
    const pbx = await request.post('/api/auth/login', {
      data: { username: 'pbx_qa', password: 'Switch-1234' },
    });
    const headers = { authorization: `Bearer ${(await pbx.json()).token}` };
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    for (const [type, ago] of [
      ['offered', 300],
      ['answered', 290],
      ['ended', 120],
    ] as const) {
      const r = await request.post('/api/calls/events', {
        headers,
        data: {
          type,
          callId: 'QA-E2E-1',
          at: at(ago),
          callerNumber: '13955556666',
          agent: agent01.agentCode,
        },
      });
      expect(r.ok(), await r.text()).toBeTruthy();
    }
    const lead = await apiAs(request, 'lead01');
    await lead.post('/api/quality/sheets', {
      name: 'E2E 质检评分表',
      passScore: 80,
      criteria: [
        { key: 'greeting', label: '服务规范用语', weight: 30, fatal: false },
        { key: 'answer', label: '业务解答准确', weight: 60, fatal: false },
        { key: 'attitude', label: '服务态度', weight: 10, fatal: true },
      ],
    });

    await login(page, 'lead01');
    await page.goto(`/quality/inspection?month=${month()}`);
    await page.getByTestId('qa-draw').click();
    const draw = await settledModal(page);
    await draw.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible').getByText('E2E 质检评分表').click();
    await submitModal(page);
    const samples = (await lead.get(`/api/quality/samples?month=${month()}&agentId=${agent01.id}`)).items as {
      id: number;
      callPk: number;
    }[];
    const sample = samples.at(-1)!;
    await page.getByTestId(`qa-score-${sample.id}`).click();
    const score = await settledModal(page);
    await score.getByLabel(/业务解答准确/).fill('40');
    await score.getByLabel('评语').fill('业务解答有遗漏，未告知办理时限。');
    await submitModal(page);
    await expect(page.getByTestId(`qa-total-${sample.id}`)).toHaveText('80');
    await page.goto(`/quality/inspection?month=${month()}`);
    await screen(page, 'quality-inspection');

    await login(page, 'agent01');
    await page.goto('/quality/inspection');
    await page.getByTestId(`qa-appeal-btn-${sample.id}`).click();
    await (await settledModal(page)).getByLabel('申诉理由').fill('已告知办理时限，见通话第 2 分钟。');
    await submitModal(page);
    await expect(page.getByTestId(`qa-appeal-${sample.id}`)).toHaveText('申诉待审');

    await login(page, 'lead01');
    await page.goto(`/quality/inspection?month=${month()}`);
    await page.getByTestId(`qa-decide-${sample.id}`).click();
    const decide = await settledModal(page);
    await decide.getByText('申诉成立，改分', { exact: true }).click();
    await decide.getByLabel('改后得分').fill('90');
    await decide.getByLabel('审核意见').fill('复听录音，话务员已告知时限，改为 90 分。');
    await submitModal(page);
    await expect(page.getByTestId(`qa-appeal-${sample.id}`)).toHaveText('申诉成立，已改分');
    await expect(page.getByTestId(`qa-total-${sample.id}`)).toHaveText('90');
  });
});

function nextMonth(m: string): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
}
