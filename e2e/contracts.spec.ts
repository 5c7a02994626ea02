import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { login, screen, settledModal, submitModal } from './support.ts';

/**
 * The contract screens for the Luohe contract on a fresh demo city: the board shows the twelve indicators as
 * traffic lights with their evidence, a quarter's statement shows its deductions in Chinese (the demo's roster
 * starts after the start-up period of art. 1.4, so a headcount deduction applies from its end) and exports to
 * XLSX, and a rectification notice is issued and printed.
 */
const SHOTS = '/tmp/contracts-e2e';

test.describe.serial('contracts', () => {
  test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

  test('the board shows the twelve indicators with their evidence', async ({ page }) => {
    await login(page, 'office01');
    await page.goto('/contracts/board?contract=luohe-2025&period=C1');
    const cards = page.locator('[data-testid^="board-indicator-"]');
    await expect(cards).toHaveCount(12);
    for (const light of await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-light'))))
      expect(['green', 'amber', 'red']).toContain(light);
    await expect(page.getByTestId('board-indicator-answer_rate')).toContainText('人工接通率');
    await expect(page.getByTestId('board-indicator-standards_completion')).toContainText('标准编写完成率');
    await screen(page, 'contract-board');
    await page.screenshot({ path: `${SHOTS}/board.png`, fullPage: true });

    await page.getByTestId('board-indicator-reports_on_time').click();
    const drawer = page.locator('.ant-drawer:visible');
    await expect(drawer).toContainText('分析报告及时、完整性');
    await expect(drawer.getByTestId('evidence')).toBeVisible();
    await expect(drawer).toContainText('art. 11 #11');
  });

  test('a quarter statement shows its deductions and exports to XLSX', async ({ page }) => {
    await login(page, 'office01');
    await page.goto('/contracts/statements?contract=luohe-2025&quarter=1');
    // 40 % of ¥3,278,289.64, in yuan with two decimals.
    await expect(page.getByTestId('statement-base')).toContainText('¥1,311,315.85');
    await expect(page.getByTestId('statement-deductions')).toContainText('人员缺员');
    await expect(page.getByTestId('statement-deductions')).toContainText('第六条第5款');
    await expect(page.getByTestId('statement-deductions')).toContainText('组建期人员考核');
    await expect(page.getByTestId('statement-payable')).toContainText('¥');
    await expect(page.getByTestId('readings')).toContainText('未达标扣减计次');
    await expect(page.getByTestId('readings')).not.toContainText('per_quarter');
    await expect(page.getByTestId('statement-assessments')).toContainText('≥ 100%');
    await expect(page.getByTestId('statement-assessments')).not.toContainText('>=');
    await screen(page, 'contract-statement');
    await page.screenshot({ path: `${SHOTS}/statement.png`, fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByTestId('statement-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByTestId('statement-confirm').click();
    await submitModal(page);
    await expect(page.getByTestId('statement-confirmed')).toContainText('已于');
  });

  test('a rectification notice is issued and printed on A4', async ({ page }) => {
    await login(page, 'office01');
    await page.goto('/contracts/rectifications?contract=luohe-2025');
    await page.getByTestId('rectification-issue').click();
    const modal = await settledModal(page);
    await modal.getByRole('button', { name: '提交' }).click();
    await expect(modal.getByText('请填写整改事项')).toBeVisible();
    await modal
      .getByTestId('rectification-item-0')
      .fill('月常规业务数据分析报告未按期报送，请于 7 日内补交并说明原因。');
    await submitModal(page);
    const row = page.locator('tr', { hasText: '月常规业务数据分析报告未按期报送' });
    await expect(row).toContainText('待答复');
    await row.getByRole('button', { name: /打\s*印/ }).click();

    await expect(page.getByTestId('rectification-print')).toBeVisible();
    const sheet = page.frameLocator('[data-testid="rectification-sheet"]');
    await expect(sheet.locator('h1')).toHaveText('整改通知书');
    await expect(sheet.locator('ol')).toContainText('月常规业务数据分析报告未按期报送');
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid="rectification-sheet"]')!;
      const w = frame.contentWindow as Window & { printed?: boolean };
      w.print = () => {
        w.printed = true;
      };
    });
    await page.getByTestId('rectification-print-button').click();
    expect(
      await page.evaluate(
        () =>
          (
            document.querySelector<HTMLIFrameElement>('[data-testid="rectification-sheet"]')!
              .contentWindow as Window & {
              printed?: boolean;
            }
          ).printed,
      ),
    ).toBe(true);
    await page.screenshot({ path: `${SHOTS}/rectification.png`, fullPage: true });
  });
});
