import { expect, test } from '@playwright/test';
import { apiAs, login, screen } from './support.ts';

/**
 * The contact centre in a real browser: a switch pushes call events, the wallboard follows them live (SSE), and
 * an agent calls a missed caller back from the callback list.
 */
test.describe.serial('contact centre', () => {
  test('the wallboard follows live call events and an agent works the callback list', async ({
    page,
    request,
  }) => {
    const admin = await apiAs(request, 'admin');
    await admin.post('/api/users', { username: 'pbx_e2e', password: 'Switch-1234', role: 'switch' });
    const login1 = await request.post('/api/auth/login', {
      data: { username: 'pbx_e2e', password: 'Switch-1234' },
    });
    const headers = { authorization: `Bearer ${(await login1.json()).token}` };
    const event = async (data: object) => {
      const r = await request.post('/api/calls/events', { headers, data });
      expect(r.ok(), await r.text()).toBeTruthy();
    };
    const now = Date.now();
    const at = (s: number) => new Date(now - s * 1000).toISOString();

    await login(page, 'lead01');
    await page.goto('/calls/wallboard');
    const waiting = page.getByTestId('wallboard-waiting-value');
    await expect(waiting).toHaveText(/^\d+\s*通$/);
    const before = Number((await waiting.innerText()).replace(/\D/g, ''));
    await event({ type: 'offered', callId: 'E2E-1', at: at(30), callerNumber: '13911112222' });
    // The stream pushes the change: no reload.
    await expect(waiting).toHaveText(new RegExp(`^${before + 1}\\s*通$`), { timeout: 20_000 });
    await screen(page, 'calls-wallboard');
    await event({ type: 'abandoned', callId: 'E2E-1', at: at(5) });
    await expect(waiting).toHaveText(new RegExp(`^${before}\\s*通$`), { timeout: 20_000 });

    await login(page, 'agent01');
    await page.goto('/calls/callbacks');
    const row = page.locator('tr', { hasText: '13911112222' });
    await expect(row).toBeVisible();
    await screen(page, 'calls-callbacks');
    await row.getByRole('button', { name: '回拨' }).click();
    await page.getByTestId('callback-reached').getByText('接通', { exact: true }).click();
    await page.getByLabel('情况说明').fill('已回拨，市民咨询公积金提取，已答复。');
    await page.getByTestId('callback-attempt-save').click();
    await expect(page.locator('tr', { hasText: '13911112222' })).toHaveCount(0);
  });

  test('the call metrics and incidents pages render', async ({ page }) => {
    await login(page, 'office01');
    await page.goto('/calls/metrics');
    await expect(page.getByTestId('metrics-totals')).toBeVisible();
    await screen(page, 'calls-metrics');
    await page.goto('/calls/incidents');
    await expect(page.getByTestId('incidents-outages')).toBeVisible();
    await screen(page, 'calls-incidents');
    await page.goto('/calls/records');
    await expect(page.getByText('13911112222').first()).toBeVisible();
    await screen(page, 'calls-records');
  });
});
