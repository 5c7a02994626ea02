import { expect, test } from '@playwright/test';
import { apiAs, login, screen } from './support.ts';

/**
 * 扣款明细 (issue 12): every deduction of the Luohe contract with its clause and amount, in Chinese. The office
 * records a third party's cost (art. 5.4, deducted from the next payment); the screen lists it beside the
 * headcount deduction the fresh demo roster gives (art. 6.5), and an as-of day before the cost leaves it out.
 */
test('扣款明细 lists each deduction with its clause and amount in Chinese', async ({ page, request }) => {
  const office = await apiAs(request, 'office01');
  await office.post('/api/contracts/luohe-2025/charges', {
    kind: 'third_party_cost',
    occurredOn: '2026-01-15',
    amountFen: 123456,
    note: '委托第三方修复坐席系统',
  });

  await login(page, 'office01');
  await page.goto('/contracts/charges?contract=luohe-2025');
  const table = page.getByTestId('charges-table');
  const third = table.locator('tr', { hasText: '委托第三方修复坐席系统' });
  await expect(third).toHaveCount(1);
  await expect(third).toContainText('第三方服务费用');
  await expect(third).toContainText('第五条第4款');
  await expect(third).toContainText('¥1,234.56');
  await expect(third).toContainText(/第 \d 季度/);
  const headcount = table.locator('tr', { hasText: '人员缺员' }).first();
  await expect(headcount).toContainText('第六条第5款');
  await expect(headcount).toContainText(/¥[\d,]+\.\d{2}/);
  // Chinese where a person reads: no English keys, article numbers or raw ratios.
  for (const english of ['third_party_cost', 'headcount', 'missed_indicator', 'art.', 'per_quarter'])
    await expect(table).not.toContainText(english);
  await expect(page.getByText(/扣减合计 ¥[\d,]+\.\d{2}/)).toBeVisible();
  // The office's own record is listed under 甲方记录的扣款 with the same amount.
  await expect(page.locator('tr', { hasText: '委托第三方修复坐席系统' }).last()).toContainText('¥1,234.56');
  await screen(page, 'contract-charges');

  // As of a day before the cost, it is not yet charged.
  await page.goto('/contracts/charges?contract=luohe-2025&asOf=2026-01-10');
  await expect(page.getByTestId('charges-table')).toBeVisible();
  await expect(page.getByTestId('charges-table')).not.toContainText('委托第三方修复坐席系统');
  await expect(page.locator('.ant-card-head-title', { hasText: '截至 2026-01-10' })).toBeVisible();
});
