import { expect, test } from '@playwright/test';
import { login, screen, submissionRow } from './support.ts';

/**
 * Open311: the office registers a client in the console and hands its key over once; a request the client
 * creates through /open311/v2 lands in the agents' online queue, and its status follows the order.
 */
test('the office registers an Open311 client; its request reaches the online queue', async ({
  page,
  request,
}) => {
  await login(page, 'office01');
  await page.goto('/admin/open311');
  await page.getByRole('button', { name: '登记接入方' }).click();
  const dialog = page.locator('.ant-modal:visible');
  await dialog.getByLabel('接入方名称').fill('市民随手拍 App');
  await dialog.getByRole('button', { name: '登记' }).click();
  const key = (await page.getByTestId('open311-api-key').textContent())!.trim();
  expect(key.length).toBeGreaterThan(30);
  await screen(page, 'open311-client-key');
  await page.getByRole('button', { name: '已妥善保存' }).click();
  const row = page.getByTestId('open311-clients').locator('tr', { hasText: '市民随手拍 App' });
  await expect(row).toContainText('使用中');
  await expect(page.getByTestId('open311-clients')).not.toContainText(key);

  const services = (await (await request.get('/open311/v2/services.json')).json()) as {
    service_code: string;
  }[];
  expect(services.length).toBeGreaterThan(10);
  const created = await request.post('/open311/v2/requests.json', {
    form: {
      api_key: key,
      service_code: services[0]!.service_code,
      description: '小区门口路灯一直不亮，晚上出行不安全，请尽快修复。',
      address_string: '源汇区黄河路 88 号',
      phone: '13900001111',
    },
  });
  expect(created.status()).toBe(201);
  const number = ((await created.json()) as { service_request_id: string }[])[0]!.service_request_id;
  const status = await (await request.get(`/open311/v2/requests/${number}.json`)).json();
  expect(status[0]).toMatchObject({ status: 'open', status_notes: '待受理' });

  await login(page, 'agent01');
  await expect(await submissionRow(page, number)).toBeVisible();

  // Revoked, the key is refused.
  await login(page, 'office01');
  await page.goto('/admin/open311');
  await page
    .getByTestId('open311-clients')
    .locator('tr', { hasText: '市民随手拍 App' })
    .getByRole('button', { name: '停用' })
    .click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');
  const refused = await request.post('/open311/v2/requests.json', {
    form: { api_key: key, service_code: services[0]!.service_code, description: 'x', address_string: 'y' },
  });
  expect(refused.status()).toBe(403);
});
