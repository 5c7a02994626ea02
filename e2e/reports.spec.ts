import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { apiAs, departmentId, login, screen } from './support.ts';

/**
 * The reports issue's screens: XLSX exports from the order list (with its filters), the call metrics and the
 * dashboard; the circular generated as a background job (progress, then files); the special report (专报) on
 * chosen orders, previewed with the caller's number masked and downloaded as Word and PDF.
 */
async function sheetsOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

test.describe.serial('reports', () => {
  const numbers: string[] = [];

  test.beforeAll(async ({ request }) => {
    const agent = await apiAs(request, 'agent01');
    const zj = await departmentId(request, 'ZJJ');
    for (let i = 0; i < 3; i++) {
      const o = await agent.post('/api/orders', {
        channel: 'phone',
        type: 'complaint',
        title: `报表测试${i + 1}：路灯不亮`,
        content: `文化路${i + 1}号附近路灯连续多晚不亮，来电人电话13812345678，请尽快维修。`,
        caller: { name: '张先生', phone: `1381234567${i}` },
        location: { district: '源汇区', address: `文化路${i + 1}号` },
      });
      await agent.post(`/api/orders/${o.id}/actions/dispatch`, { departmentId: zj, timeLimitWorkingDays: 5 });
      numbers.push(o.number);
    }
  });

  test('the order list exports its filtered rows to XLSX, the caller masked', async ({ page }) => {
    await login(page, 'lead01');
    await page.goto('/orders?q=报表测试');
    await expect(page.getByTestId('orders-table')).toContainText('报表测试1');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toMatch(/^orders-\d{8}\.xlsx$/);
    const ws = (await sheetsOf(file)).getWorksheet('工单')!;
    expect(ws.getRow(1).getCell(1).value).toBe('工单编号');
    expect(ws.rowCount).toBe(1 + numbers.length);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const phone = header.indexOf('联系电话') + 1;
    const received = header.indexOf('受理时间') + 1;
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(String(ws.getRow(r).getCell(phone).value)).toMatch(/^138\*{4}\d{4}$/);
      expect(ws.getRow(r).getCell(received).value).toBeInstanceOf(Date);
    }
  });

  test('the call metrics and the dashboard export to XLSX', async ({ page }) => {
    await login(page, 'office01');
    await page.goto('/calls/metrics');
    let download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await sheetsOf(await (await download).path())).getWorksheet('合计')).toBeDefined();
    expect((await download).suggestedFilename()).toMatch(/^call-metrics-.*\.xlsx$/);
    await page.goto('/dashboard');
    download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const wb = await sheetsOf(await (await download).path());
    expect(wb.getWorksheet('本月按渠道')).toBeDefined();
    expect(wb.getWorksheet('超期工单按单位')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('the circular is generated in the background, with progress, then downloaded', async ({ page }) => {
    await login(page, 'office01');
    await page.goto('/reports/circular');
    await page.getByRole('button', { name: '生成通报文件' }).click();
    const jobs = page.getByTestId('circular-jobs');
    await expect(jobs.getByText('已完成').first()).toBeVisible({ timeout: 90_000 });
    const download = page.waitForEvent('download');
    await jobs.getByRole('button', { name: 'PDF' }).first().click();
    const pdf = fs.readFileSync(await (await download).path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await download).suggestedFilename()).toMatch(/^circular-.*\.pdf$/);
    await screen(page, 'reports-circular');
  });

  test('a special report on chosen orders: preview with personal data masked, Word and PDF', async ({
    page,
  }) => {
    await login(page, 'office01');
    await page.goto('/reports/special');
    await page.getByText('指定工单').click();
    await page.getByLabel('工单编号').fill(numbers.join('\n'));
    await page.getByRole('button', { name: '生成预览' }).click();
    const report = page.getByTestId('special-report');
    await expect(report).toContainText('专报');
    await expect(report).toContainText('一、基本情况');
    await expect(report).toContainText(`共受理相关诉求 ${numbers.length} 件`);
    await expect(report).toContainText('四、代表性诉求');
    await expect(report).toContainText('138****5678');
    await expect(report).not.toContainText('13812345678');
    // Sealed at rest, opened for the report: never ciphertext, and the house number masked.
    await expect(report).not.toContainText('sm4:');
    await expect(report).toContainText('文化****');
    for (const f of ['Word', 'PDF']) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `下载 ${f}` }).click();
      expect((await download).suggestedFilename()).toMatch(f === 'Word' ? /\.docx$/ : /\.pdf$/);
    }
    await screen(page, 'reports-special');
  });
});
