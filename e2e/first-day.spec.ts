import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  apiAs,
  departmentId,
  login,
  pickCategory,
  screen,
  settledModal,
  submissionRow,
  submitModal,
} from './support.ts';

/**
 * Issue 14, a new office's first day: a citizen sends a photo with the request, picking the 区县 from the
 * directory; the agent finds 餐饮油烟 by 烧烤 and is offered it in the accept dialog; the department attaches its
 * reply document; both files download; the order and its 交办单 print on A4; the callback records 是否解决; an
 * indicator's drill-down lists the order by number, title and department.
 */
const DIR = path.resolve(import.meta.dirname, '../e2e-artifacts/first-day');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73000000154944415478da63f8cfc0c0f09f8181e13f0303001c0e03fda2ea5e9f0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test.describe.serial('first day', () => {
  let number = '';
  let orderId = 0;

  test.beforeAll(() => {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, '烧烤摊.png'), PNG);
    fs.writeFileSync(path.join(DIR, '答复函.pdf'), PDF);
    fs.writeFileSync(path.join(DIR, 'fake.png'), '<script>alert(1)</script>');
  });

  test('a citizen picks the district from the directory and sends a photo', async ({ page }) => {
    await page.goto('/public/submit');
    await page.getByText('投诉', { exact: true }).click();
    await page
      .getByLabel('诉求内容')
      .fill('小区门口每天晚上有露天烧烤摊，油烟很大，窗户都不敢开，请尽快处理。');
    // A click during the drop-down's opening animation can be lost: check the choice was taken, else choose again.
    const district = page.getByTestId('citizen-district');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option-content', {
      hasText: '郾城区',
    });
    await expect(async () => {
      if (!(await option.isVisible())) await district.click();
      await expect(page.locator('.ant-slide-up-appear, .ant-slide-up-enter')).toHaveCount(0, {
        timeout: 2000,
      });
      await option.click({ timeout: 2000 });
      await expect(district).toContainText('郾城区', { timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await page.getByLabel('联系电话').fill('13900001111');
    await page.locator('input[type=file]').setInputFiles(path.join(DIR, '烧烤摊.png'));
    await page.getByTestId('citizen-submit-button').click();
    await expect(page.getByTestId('citizen-photos-result')).toContainText('已上传 1 个附件');
    number = (await page.getByTestId('citizen-result-number').innerText()).trim();
    expect(number).toMatch(/^\d{13}$/);
    await screen(page, 'citizen-submitted-with-photo');
  });

  test('the agent finds 餐饮油烟 by 烧烤, is offered it when accepting, and dispatches', async ({
    page,
    request,
  }) => {
    const agent = await apiAs(request, 'agent01');
    const list = await agent.get(`/api/orders?q=${number}`);
    orderId = list.items[0].id;
    expect(list.items[0].location.district).toBe('郾城区');

    await login(page, 'agent01');
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByTestId('attachment-name')).toHaveText('烧烤摊.png');
    // Online submissions are accepted from the workbench's queue.
    await (await submissionRow(page, number)).getByTestId('submission-accept').click();
    // The accept dialog: keyword suggestion from the citizen's words.
    const modal = await settledModal(page);
    const suggestion = modal.getByTestId('accept-keyword-suggestion').first();
    await expect(suggestion).toContainText('餐饮油烟');
    await expect(suggestion).toContainText('烧烤');
    await screen(page, 'accept-suggestions');
    // The picker finds the leaf by the word citizens use.
    await pickCategory(page, 'accept-category', '餐饮油烟', '烧烤');
    await modal.getByTestId('accept-dispatch').click();
    await expect(modal).toHaveCount(0);
    const o = await agent.get(`/api/orders/${orderId}`);
    expect(o.categoryPath).toEqual(['环境保护', '餐饮油烟']);
    expect(o.status).toBe('dispatched');
  });

  test('the department attaches its reply document; a disguised script is refused; both files download', async ({
    page,
    request,
  }) => {
    const cg = await departmentId(request, 'CGJ');
    const agent = await apiAs(request, 'agent01');
    expect((await agent.get(`/api/orders/${orderId}`)).departmentId).toBe(cg);
    await login(page, 'dept_cgj');
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await submitModal(page);
    const input = page.getByTestId('attachments').locator('input[type=file]');
    await input.setInputFiles(path.join(DIR, 'fake.png'));
    await expect(page.getByTestId('attachments')).toContainText('仅支持 JPG、PNG、WebP 图片和 PDF 文件');
    await input.setInputFiles(path.join(DIR, '答复函.pdf'));
    await expect(page.getByTestId('attachment-name')).toHaveText(['烧烤摊.png', '答复函.pdf']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('attachment-download').nth(1).click(),
    ]);
    expect(download.suggestedFilename()).toBe('答复函.pdf');
    expect(fs.readFileSync(await download.path())).toEqual(PDF);
    const [photo] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('attachment-download').first().click(),
    ]);
    expect(fs.readFileSync(await photo.path())).toEqual(PNG);
    await screen(page, 'order-attachments');
    await page.getByRole('button', { name: /反\s*馈/ }).click();
    await (await settledModal(page)).locator('textarea').fill('已约谈摊主，露天烧烤已取缔，附答复函。');
    await submitModal(page);
  });

  test('the order and its 交办单 print on A4', async ({ page }) => {
    await login(page, 'agent01');
    await page.goto(`/orders/${orderId}/print`);
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet).toContainText('12345 政务服务便民热线工单');
    await expect(sheet).toContainText(number);
    await expect(sheet).toContainText('环境保护 › 餐饮油烟');
    await screen(page, 'print-order');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`/orders/${orderId}/print/dispatch`);
    await expect(page.getByTestId('print-sheet')).toContainText('12345 政务服务便民热线交办单');
    await expect(page.getByTestId('dispatch-department')).toContainText('城市管理');
    await screen(page, 'print-dispatch');
  });

  test('the callback records 是否解决 next to satisfaction', async ({ page }) => {
    await login(page, 'agent01');
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('button', { name: /回\s*访/ }).click();
    const modal = await settledModal(page);
    await modal.getByText('基本满意', { exact: true }).click();
    await modal.getByTestId('callback-resolved').getByText('已解决', { exact: true }).click();
    await submitModal(page);
    await page.getByRole('tab', { name: /回访/ }).click();
    await expect(page.getByRole('tabpanel', { name: /回访/ })).toContainText('已解决');
  });

  test('an indicator drill-down lists the order by number, title and department', async ({ page }) => {
    await login(page, 'office01');
    const today = new Date();
    const from = new Date(today.getFullYear(), today.getMonth() - 1, 1);
    await page.goto(`/contracts/board?contract=demo-${from.getFullYear()}`);
    await page.getByTestId('board-indicator-online_response_rate').click();
    const drawer = page.locator('.ant-drawer:visible');
    await expect(drawer.getByTestId('evidence')).toBeVisible();
    const link = drawer.getByTestId('drill-order').filter({ hasText: number });
    await expect(link).toBeVisible();
    await expect(drawer).toContainText('城市管理');
    await screen(page, 'drill-down-orders');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  });
});
