import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, login, pickCategory, screen } from './support.ts';

/**
 * 智能分派 end to end, on the demo city without orders: a history of closed orders in four categories with
 * clearly different wording, a model trained on it over HTTP (POST /api/triage/train), then the agent's
 * workbench — the suggestion fills the category, the choice is recorded and measured, a near-identical request
 * at the same address is flagged as a likely duplicate — and the dashboard's 采纳率 card.
 */

const PLACES = ['源汇区', '郾城区', '召陵区', '舞阳县', '临颍县'];
const ROADS = ['人民路', '黄河路', '交通路', '嵩山路', '太行山路', '泰山路', '长江路', '淞江路'];

/** Per category (a leaf's code): phrases that, recombined, give distinct requests of one kind. */
const MATERIAL: Record<string, { topName: string; subjects: string[]; details: string[]; asks: string[] }> = {
  'CSGL.LD': {
    topName: '城市管理',
    subjects: ['路灯不亮', '路灯损坏', '路灯忽明忽暗', '灯杆倾斜', '路灯白天常亮'],
    details: [
      '夜间道路漆黑，行人出行不便',
      '路灯已经坏了一个多星期',
      '灯泡烧坏一直无人维修',
      '路灯线路老化经常断电',
      '晚上骑电动车看不清路面',
    ],
    asks: ['请尽快维修路灯', '希望城管部门检修照明设施', '请更换灯泡恢复照明'],
  },
  'LDSB.TQGZ': {
    topName: '劳动和社会保障',
    subjects: [
      '公司拖欠工资',
      '老板拖欠农民工工资',
      '工厂欠薪不发',
      '工地包工头拖欠工资',
      '离职后工资未结清',
    ],
    details: [
      '已经三个月没有发工资',
      '多次讨要工资老板一直推脱',
      '工友二十多人的工钱都没有结算',
      '劳动报酬被无故克扣',
      '年底了工资仍未发放',
    ],
    asks: ['请劳动监察部门帮助追讨欠薪', '希望人社局督促支付工资', '请依法责令企业发放工资'],
  },
  'JY.RXZS': {
    topName: '教育',
    subjects: ['孩子小学入学报名', '初中招生划片', '一年级新生入学', '外地户籍子女上学', '幼升小学位'],
    details: [
      '学校说学区房不在招生范围内',
      '报名材料要求居住证和房产证',
      '孩子今年六周岁需要上一年级',
      '招生简章没有公布学区划分',
      '随迁子女入学手续不清楚',
    ],
    asks: ['请教育局明确入学政策', '希望学校按规定接收孩子入学', '请答复招生报名的时间和材料'],
  },
  'JTYS.GJXL': {
    topName: '交通运输',
    subjects: ['公交线路调整', '公交车班次太少', '公交站台撤销', '希望增开公交线路', '公交车末班车太早'],
    details: [
      '等公交车要半个多小时',
      '新建小区附近没有公交站点',
      '公交车改线后居民乘车不便',
      '早高峰公交车拥挤上不去车',
      '末班车晚上七点就停运了',
    ],
    asks: ['请公交公司增加班次', '希望交通部门优化公交线路', '请恢复原来的公交站台'],
  },
};

const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;

function requestText(code: string, i: number) {
  const m = MATERIAL[code]!;
  const subject = pick(m.subjects, i);
  const place = `${pick(PLACES, i)}${pick(ROADS, i * 3 + 1)}`;
  return {
    title: `${place}${subject}`,
    content: `市民来电反映：${place}附近${subject}，${pick(m.details, i * 2 + Math.floor(i / 5))}。${pick(m.asks, i + Math.floor(i / 3))}。`,
  };
}

async function categoryIds(request: APIRequestContext) {
  const agent = await apiAs(request, 'agent01');
  const { items } = (await agent.get('/api/categories')) as { items: { id: number; code: string }[] };
  return new Map(items.map((c) => [c.code, c.id]));
}

/** YYYY-MM-DD in the city, `daysAgo` days before today. */
const cityDay = (daysAgo = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );

test.describe.serial('smart dispatch', () => {
  const PER_CATEGORY = 30;

  test('a model is trained over HTTP on the closed orders', async ({ request }) => {
    test.setTimeout(180_000);
    const agent = await apiAs(request, 'agent01');
    const office = await apiAs(request, 'office01');
    const ids = await categoryIds(request);
    const codes = Object.keys(MATERIAL);

    // Too little history: refused with the counts, and the workbench then has nothing to suggest.
    const early = await request.post('/api/triage/train', {
      headers: { authorization: `Bearer ${await token(request, 'office01')}` },
      data: {},
    });
    expect(early.status()).toBe(422);
    expect((await early.json()).error.code).toBe('triage_too_little_history');

    // Round-robin over the categories, so the newest fifth held back for scoring has all four.
    for (let i = 0; i < PER_CATEGORY; i++) {
      await Promise.all(
        codes.map(async (code) => {
          const order = await agent.post('/api/orders', {
            channel: 'phone',
            type: 'help',
            categoryId: ids.get(code),
            ...requestText(code, i),
            caller: { phone: `1390000${String(i).padStart(4, '0')}` },
          });
          await agent.post(`/api/orders/${order.id}/actions/close-direct`, {
            answer: '已当场答复市民，告知办理渠道和政策。',
          });
        }),
      );
    }

    const trained = await office.post('/api/triage/train', { minOrders: 50 });
    // Other journeys on this server may have closed a few orders of their own before this one ran.
    expect(trained).toMatchObject({ version: 1, level: 1, activated: true });
    expect(trained.categories).toBeGreaterThanOrEqual(4);
    expect(trained.trainingSize + trained.heldBackSize).toBeGreaterThanOrEqual(4 * PER_CATEGORY);
    expect(trained.candidate.accuracy).toBeGreaterThan(0.8);
  });

  test('the agent takes the suggestion, the choice is measured, a duplicate is flagged', async ({
    page,
    request,
  }) => {
    const agent = await apiAs(request, 'agent01');
    const day = cityDay();
    const measured = async () => agent.get(`/api/triage/accuracy?from=${day}&to=${day}`);
    const before = await measured();
    await login(page, 'agent01');
    await page.goto('/workbench');
    await expect(page.getByTestId('workbench-form')).toBeVisible();

    // 1. The suggestion, first with a probability; a click fills the category and its department.
    await page.getByTestId('workbench-phone').fill('13912340001');
    await page.getByTestId('workbench-type').getByText('求助', { exact: true }).click();
    await page
      .getByTestId('workbench-content')
      .fill('郾城区淞江路与嵩山路口的路灯坏了好几天，晚上黑乎乎的，行人过马路很危险，请派人维修路灯。');
    const first = page.getByTestId('triage-category').first();
    await expect(first).toContainText('城市管理');
    await expect(first).toContainText('%');
    const percent = Number(/(\d+)%/.exec(await first.innerText())![1]);
    expect(percent).toBeGreaterThan(40);
    await first.click();
    // 城市管理 is a branch: an order carries only a leaf, so the agent is asked to pick one of its matters (issue
    // 14); the branch's department is already filled.
    await expect(page.getByText('请在分类中选择其一')).toBeVisible();
    await expect(page.getByTestId('workbench-department')).toContainText('城市管理局');
    await pickCategory(page, 'workbench-category', '路灯');
    await expect(page.getByTestId('workbench-department')).toContainText('城市管理局');
    await page.getByTestId('workbench-dispatch').click();
    await expect(page.getByTestId('workbench-result')).toContainText('已派单');

    // 2. The choice is recorded beside the suggestion and counted as a top-1 hit.
    await expect.poll(async () => (await measured()).withChoice).toBe(before.withChoice + 1);
    const after = await measured();
    for (const k of ['top1Hits', 'top3Hits', 'withDepartment', 'departmentHits'] as const) {
      expect(after[k], k).toBe(before[k] + 1);
    }
    expect(after.suggestions).toBeGreaterThan(before.suggestions);

    // 3. An open order at an address; the same matter typed again at that address is flagged.
    const address = '幸福里小区6号楼东侧';
    const open = await agent.post('/api/orders', {
      channel: 'phone',
      type: 'complaint',
      title: '幸福里小区下水道堵塞污水外溢',
      content: '幸福里小区6号楼东侧下水道堵塞，污水外溢到路面，气味很大，居民出行困难，请尽快疏通。',
      caller: { phone: '13700002222' },
      location: { district: '源汇区', address },
    });
    await page.getByLabel('详细地址').fill(address);
    await page
      .getByTestId('workbench-content')
      .fill('幸福里小区6号楼东侧的下水道堵了，污水外溢到路面上，味道很大，居民出行困难，请尽快疏通。');
    const duplicates = page.getByTestId('duplicates-panel');
    await expect(duplicates).toBeVisible();
    const item = duplicates.getByTestId('duplicate-item').filter({ hasText: open.number });
    await expect(item).toContainText(open.number);
    await expect(item).toContainText('地址相同');
    await expect(item.getByRole('link', { name: open.number })).toHaveAttribute('href', `/orders/${open.id}`);
    await expect(page.getByTestId('triage-category').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: '/tmp/triage-workbench.png', fullPage: true });
    await screen(page, 'workbench-triage');
  });

  test('the dashboard shows the acceptance figures', async ({ page, request }) => {
    const day = cityDay();
    const from = cityDay(29);
    const office = await apiAs(request, 'office01');
    const figures = await office.get(`/api/triage/accuracy?from=${from}&to=${day}`);
    expect(figures.withChoice).toBeGreaterThanOrEqual(1);
    const pct = (r: number) => (Math.round(r * 1000) / 10).toFixed(1);
    await login(page, 'office01');
    await page.goto('/dashboard');
    const card = page.getByTestId('dashboard-triage-accuracy');
    await expect(card).toContainText('智能分派采纳率');
    await expect(card.getByTestId('triage-accuracy-suggestions')).toContainText(String(figures.suggestions));
    await expect(card.getByTestId('triage-accuracy-with-choice')).toContainText(String(figures.withChoice));
    await expect(card.getByTestId('triage-accuracy-top1')).toContainText(pct(figures.top1Rate));
    await expect(card.getByTestId('triage-accuracy-top3')).toContainText(pct(figures.top3Rate));
    await expect(card.getByTestId('triage-accuracy-department')).toContainText(pct(figures.departmentRate));
    await expect(card.getByTestId('triage-accuracy-chart').locator('canvas')).toHaveCount(1);
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500); // the chart's entry animation, for the screenshot
    await screen(page, 'dashboard-triage');
  });
});

async function token(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password: 'Demo-12345' } });
  return ((await res.json()) as { token: string }).token;
}
