import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiAs, login, screen } from './support.ts';

/**
 * 排班 on a fresh demo city (roster seeded, no call history): the team lead sees the forecast chart, plans a
 * one-week rota for 45 agents, edits a shift in the grid (the Labour-Law check runs again), publishes it, reads
 * the coverage heat map and the what-if panel; the agent then sees their own shifts under 我的班次.
 */
test.describe.serial('workforce planning', () => {
  test('the team lead plans, edits and publishes a rota; heat map and what-if', async ({ page }) => {
    test.setTimeout(300_000);
    await login(page, 'lead01');
    await page.goto('/workforce/planning');
    await expect(page.getByTestId('forecast-chart').locator('canvas').first()).toBeVisible();
    await expect(page.getByTestId('forecast-profile').locator('canvas').first()).toBeVisible();

    await page.getByRole('tab', { name: '排班表' }).click();
    await page.getByRole('button', { name: '生成排班表' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('周数').fill('1');
    await modal.getByLabel('话务员人数').fill('45');
    await modal.getByRole('button', { name: '生成' }).click();
    await expect(modal).toHaveCount(0, { timeout: 120_000 });
    const grid = page.getByTestId('rota-grid');
    await expect(grid.locator('tbody tr.ant-table-row')).toHaveCount(45);
    await expect(page.getByText('符合劳动法规则')).toBeVisible();
    await screen(page, 'workforce-rota-grid');

    // A worked day set to rest, then back: the rota is saved and checked each time.
    const cell = grid
      .locator('[data-cell]')
      .filter({ hasText: /\d\d:\d\d–/ })
      .first();
    const key = (await cell.getAttribute('data-cell'))!;
    const before = (await cell.textContent())!;
    await cell.click();
    const edit = page.locator('.ant-modal:visible');
    await chooseShift(page, edit, '休息（无班次）');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(edit).toHaveCount(0);
    await expect(grid.locator(`[data-cell="${key}"]`)).toHaveText('休');
    await grid.locator(`[data-cell="${key}"]`).click();
    const back = page.locator('.ant-modal:visible');
    const start = before.slice(0, 5);
    await chooseShift(page, back, `${start}–`);
    await back.getByRole('button', { name: '保存' }).click();
    await expect(back).toHaveCount(0);
    await expect(grid.locator(`[data-cell="${key}"]`)).toHaveText(before);
    await expect(page.getByText('符合劳动法规则')).toBeVisible();

    await page.getByRole('button', { name: '发布' }).click();
    await expect(page.locator('.ant-tag').filter({ hasText: '已发布' })).toBeVisible();

    await page.getByRole('tab', { name: '需求与覆盖' }).click();
    await expect(page.getByTestId('coverage-heatmap').locator('canvas').first()).toBeVisible();
    await expect(page.getByText('需求满足的半小时占比')).toBeVisible();
    await screen(page, 'workforce-coverage');

    await page.getByRole('tab', { name: '人力测算' }).click();
    await page.getByLabel('人数').fill('40,45');
    await page.getByRole('button', { name: '按人数测算' }).click();
    const table = page.getByTestId('what-if-table');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(2, { timeout: 180_000 });
    await expect(table).toContainText('40');
    await expect(table).toContainText('%');
    await expect(page.getByTestId('what-if-chart').locator('canvas').first()).toBeVisible();
    await screen(page, 'workforce-what-if');
  });

  test('the agent sees their own published shifts', async ({ page, request }) => {
    const lead = await apiAs(request, 'lead01');
    const me = ((await (await apiAs(request, 'agent01')).get('/api/auth/me')) as { user: { id: number } })
      .user;
    const { items } = (await lead.get('/api/workforce/rotas')) as { items: { id: number; status: string }[] };
    const rota = (await lead.get(
      `/api/workforce/rotas/${items.find((r) => r.status === 'published')!.id}`,
    )) as {
      agents: { agent: string; userId: number | null }[];
      shifts: { agent: string }[];
    };
    const mine = rota.agents.find((a) => a.userId === me.id);
    const expected = mine ? rota.shifts.filter((s) => s.agent === mine.agent).length : 0;
    await login(page, 'agent01');
    await page.goto('/workforce/my-shifts');
    const rows = page.getByTestId('my-shifts').locator('tbody tr.ant-table-row');
    if (expected) await expect(rows).toHaveCount(expected);
    else await expect(page.getByText('没有已发布的班次')).toBeVisible();
    // The planning page is not the agent's.
    await page.goto('/workforce/planning');
    await expect(page.getByTestId('forecast-chart')).toHaveCount(0);
  });
});

/** Chooses a shift in the cell dialog's 班次 select; a click during the drop-down's animation can be lost, so the
 * choice is checked in the dialog and made again if it was not taken. */
async function chooseShift(page: Page, dialog: Locator, text: string): Promise<void> {
  await expect(async () => {
    await dialog.getByLabel('班次').click();
    await page
      .locator('.ant-select-item-option:visible')
      .filter({ hasText: text })
      .first()
      .click({ timeout: 2000 });
    await expect(dialog).toContainText(text, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}
