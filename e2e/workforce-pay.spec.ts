import { expect, test } from '@playwright/test';
import { apiAs, login, screen } from './support.ts';

/**
 * 加班工资与考勤 (issue 15): a published week of the demo roster, one agent's clock-in records imported, and the
 * pay table naming how many days came from the records and how many from the rota; a bad file is refused
 * naming its line and field.
 */
test('pay names each day’s source; a bad attendance file names its line', async ({ page }) => {
  test.setTimeout(180_000);
  const lead = await apiAs(page.request, 'lead01');
  const rota = await lead.post('/api/workforce/rotas', { from: '2026-11-02', weeks: 1, agents: 6 });
  await lead.post(`/api/workforce/rotas/${rota.id}/publish`);
  const agent = rota.agents.find((a: { memberId: number | null }) => a.memberId != null);
  const first = rota.shifts
    .filter((s: { agent: string }) => s.agent === agent.agent)
    .map((s: { start: string }) => new Date(Date.parse(s.start) + 8 * 3600_000).toISOString().slice(0, 10))
    .sort()[0];
  await lead.post('/api/workforce/attendance/import', {
    csv: `agent,date,clockIn,clockOut\n${agent.agent},${first},07:00,17:00\n`,
  });

  await login(page, 'lead01');
  await page.goto('/workforce/planning');
  await page.getByRole('tab', { name: '加班工资与考勤' }).click();
  await page.getByLabel('选择排班表').click();
  await page.locator('.ant-select-item-option', { hasText: `#${rota.id} ` }).click();
  const row = page.getByTestId('pay-table').locator('tr', { hasText: agent.name });
  await expect(row).toContainText('考勤 1 天');
  await expect(row).toContainText('¥');
  await screen(page, 'workforce-pay');

  await page.locator('input[type="file"]').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('agent,date,clockIn,clockOut\n无此人,2026-11-03,08:00,16:00\n'),
  });
  await expect(page.getByTestId('attendance-problems')).toContainText('第 2 行 agent');
});
