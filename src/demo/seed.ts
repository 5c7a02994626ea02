import { count } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { SYSTEM_ACTOR, type Role } from '../platform/actor.ts';
import {
  actorOf,
  createCategory,
  createDepartment,
  createUser,
  type User,
} from '../modules/directory/index.ts';
import { departments } from '../modules/directory/schema.ts';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, type DemoCategory } from './city-data.ts';
import { DEMO_CATEGORY_KEYWORDS } from './category-keywords.ts';
import { generateDemoOrders } from './orders-generator.ts';
import { detectDemoHotTopics, seedDemoOperations } from './operations.ts';
import { deliverDemoReports, seedDemoContract } from './contract-seed.ts';
import { addDays, localDateOf, startOfLocalDay } from '../calendar/local-time.ts';
import { hashPassword } from '../platform/passwords.ts';
import { yieldToEventLoop } from '../platform/yield.ts';
import type { DemoProgress } from './progress.ts';

/** One password for every demo account, printed at first start and in the README. Demo only. */
export const DEMO_PASSWORD = 'Demo-12345';

export interface DemoAccounts {
  admin: User;
  agents: User[];
  leads: User[];
  office: User[];
  /** Department handler by department code. */
  handlers: Map<string, User>;
}

async function seedDepartments(db: Db, now: Date): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  // Parents before children: the list names parents by code.
  const pending = [...DEMO_DEPARTMENTS];
  while (pending.length) {
    const i = pending.findIndex((d) => !d.parentCode || ids.has(d.parentCode));
    if (i < 0)
      throw new Error(`demo departments with unknown parents: ${pending.map((d) => d.code).join(', ')}`);
    const [d] = pending.splice(i, 1);
    const row = await createDepartment(
      db.orm,
      SYSTEM_ACTOR,
      {
        code: d!.code,
        name: d!.name,
        shortName: d!.shortName,
        kind: d!.kind,
        parentId: d!.parentCode ? ids.get(d!.parentCode)! : null,
        contactName: d!.contactName,
        contactPhone: d!.contactPhone,
      },
      now,
    );
    ids.set(d!.code, row.id);
    await yieldToEventLoop();
  }
  return ids;
}

async function seedCategories(
  db: Db,
  now: Date,
  departmentIds: Map<string, number>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const walk = async (nodes: readonly DemoCategory[], parentId: number | null) => {
    for (const [i, c] of nodes.entries()) {
      const view = await createCategory(
        db.orm,
        SYSTEM_ACTOR,
        {
          code: c.code,
          name: c.name,
          parentId,
          departmentId: c.departmentCode ? departmentIds.get(c.departmentCode)! : null,
          timeLimitDays: c.timeLimitDays ?? null,
          urgentTimeLimitDays: c.urgentTimeLimitDays ?? null,
          sortOrder: i,
          keywords: DEMO_CATEGORY_KEYWORDS[c.code] ?? [],
        },
        now,
      );
      ids.set(c.code, view.id);
      await yieldToEventLoop();
      if (c.children) await walk(c.children, view.id);
    }
  };
  await walk(DEMO_CATEGORIES, null);
  return ids;
}

async function seedUsers(db: Db, now: Date, departmentIds: Map<string, number>): Promise<DemoAccounts> {
  // One password for all: hashed once (scrypt costs ~0.1 s a hash), not 72 times.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const add = async (
    username: string,
    role: Role,
    displayName: string,
    departmentId?: number,
    extra: { agentCode?: string; team?: string } = {},
  ) => {
    const user = await createUser(
      db.orm,
      SYSTEM_ACTOR,
      { username, password: DEMO_PASSWORD, role, displayName, departmentId, ...extra },
      now,
      { passwordHash },
    );
    await yieldToEventLoop();
    return user;
  };
  const agentNames = ['李娜', '王芳', '张静', '刘洋', '陈晨', '杨雪', '赵敏', '黄磊', '周婷', '吴倩'];
  const accounts: DemoAccounts = {
    admin: await add('admin', 'admin', '系统管理员'),
    agents: [],
    leads: [await add('lead01', 'team_lead', '班长 孙丽'), await add('lead02', 'team_lead', '班长 马强')],
    office: [
      await add('office01', 'office', '热线办 郑主任'),
      await add('office02', 'office', '热线办 冯科长'),
    ],
    handlers: new Map(),
  };
  await add('kb01', 'kb_editor', '知识库编辑 何晓');
  for (const [i, name] of agentNames.entries()) {
    // Switch extensions 1001… as the traffic simulator uses them; two teams (班组).
    accounts.agents.push(
      await add(`agent${String(i + 1).padStart(2, '0')}`, 'agent', `话务员 ${name}`, undefined, {
        agentCode: String(1001 + i),
        team: i < 5 ? '一班' : '二班',
      }),
    );
  }
  for (const d of DEMO_DEPARTMENTS) {
    accounts.handlers.set(
      d.code,
      await add(
        `dept_${d.code.toLowerCase()}`,
        'department',
        `${d.shortName}承办人`,
        departmentIds.get(d.code),
      ),
    );
  }
  return accounts;
}

export interface DemoSeedOptions {
  orders?: number;
  seed?: number;
  log?: (line: string) => void;
  /** How far the generation is, for the first start's health answer and banner. */
  progress?: DemoProgress;
}

/** The demo city without its orders: departments, the dispatch catalogue, users of every role. */
export async function seedDemoCity(db: Db, now: Date, log: (line: string) => void = () => undefined) {
  const departmentIds = await seedDepartments(db, now);
  const categoryIds = await seedCategories(db, now, departmentIds);
  const accounts = await seedUsers(db, now, departmentIds);
  log(
    `demo city: ${departmentIds.size} departments, ${categoryIds.size} categories, ${accounts.handlers.size + 15} users`,
  );
  return { departments: departmentIds.size, categories: categoryIds.size, accounts };
}

/** Months of demo work orders for a seeded city, run through the real services. */
export async function seedDemoOrders(
  db: Db,
  now: Date,
  accounts: DemoAccounts,
  options: DemoSeedOptions = {},
) {
  const log = options.log ?? (() => undefined);
  return generateDemoOrders(db, now, accounts, {
    count: options.orders ?? 2000,
    seed: options.seed ?? 12345,
    onProgress: (done, total) => {
      options.progress?.at('orders', done / total);
      if (done % 250 === 0 || done === total) log(`demo orders: ${done}/${total}`);
    },
  });
}

/** The last `days` days of the agent queue's calls, from the traffic simulator (calls only: the orders come from the generator). */
export async function seedDemoCalls(
  db: Db,
  now: Date,
  days: number,
  log: (line: string) => void = () => undefined,
  progress?: DemoProgress,
) {
  if (days <= 0) return null;
  const { writeSimulation } = await import('../simulation/write-simulation.ts');
  const from = startOfLocalDay(addDays(localDateOf(now), -days));
  const span = now.getTime() - from.getTime();
  const r = await writeSimulation(db, {
    from,
    to: now,
    agents: 45,
    seed: 7,
    now,
    withOrders: false,
    // Small batches, each its own statement, with a pause between: the server answers while they are written.
    callBatch: 250,
    onCallsWritten: (lastOfferedAt) =>
      progress?.at('calls', (lastOfferedAt.getTime() - from.getTime()) / span),
  });
  log(`demo calls: ${r.calls} calls over ${days} days (${r.answered} answered)`);
  return r;
}

/** The whole demo city with its orders, calls, contract and operations, reporting progress as it goes. */
export async function seedDemo(db: Db, now: Date, options: DemoSeedOptions & { callDays?: number } = {}) {
  const { log = () => undefined, progress } = options;
  progress?.at('city');
  const city = await seedDemoCity(db, now, log);
  progress?.at('contract');
  const contract = await seedDemoContract(db, now, log);
  progress?.at('orders');
  const stats = await seedDemoOrders(db, now, city.accounts, options);
  progress?.at('model');
  await (await import('./triage-model.ts')).trainDemoModel(db.orm, now, log);
  progress?.at('calls');
  // Calls from the start of the demo contract's term (at least 30 days), so its months have an answer rate.
  const callDays = options.callDays ?? Math.max(30, daysSince(contract.term.from, now) + 1);
  await seedDemoCalls(db, now, callDays, log, progress);
  progress?.at('operations');
  await seedDemoOperations(db, now, log);
  await deliverDemoReports(db, contract.id, actorOf(city.accounts.office[0]!), now, log);
  progress?.at('hotTopics');
  await detectDemoHotTopics(db, now, log);
  progress?.done();
  return { ...city, stats, contract };
}

/** Whole days from the start of `date` (city time) to `now`. */
function daysSince(date: string, now: Date): number {
  return Math.floor((now.getTime() - startOfLocalDay(date).getTime()) / 86_400_000);
}

/**
 * The demo accounts as the startup banner prints them and the README lists them (a test keeps the two
 * in step): user name(s), role in Chinese, role key.
 */
export const DEMO_ACCOUNTS: readonly { users: string; zh: string; role: string }[] = [
  { users: 'admin', zh: '系统管理员', role: 'admin' },
  { users: 'agent01 … agent10', zh: '话务员', role: 'agent' },
  { users: 'lead01, lead02', zh: '班长', role: 'team_lead' },
  { users: 'office01, office02', zh: '热线办', role: 'office' },
  { users: 'kb01', zh: '知识库管理员', role: 'kb_editor' },
  { users: 'dept_<code>, e.g. dept_zjj 住建局, dept_cgj 城管局', zh: '承办单位', role: 'department' },
];

export function printDemoAccounts(log: (line: string) => void): void {
  log('');
  log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) log(`  ${a.users.padEnd(20)} ${a.zh} ${a.role}`);
  log('');
}

/**
 * On a database without departments: a progress tracker and the generation of the whole demo city, which the
 * server runs in the background after it starts listening (GET /api/health reports the progress). Returns
 * null when the database already has data.
 */
export async function prepareDemoCity(
  db: Db,
  log: (line: string) => void,
): Promise<{ progress: DemoProgress; run: (now: Date) => Promise<unknown> } | null> {
  const [row] = await db.orm.select({ n: count() }).from(departments);
  if (Number(row?.n ?? 0) > 0) {
    log('demo data already present (seeded on first start)');
    printDemoAccounts(log);
    return null;
  }
  const { DemoProgress } = await import('./progress.ts');
  const progress = new DemoProgress();
  return {
    progress,
    run: async (now) => {
      log('first start: writing the demo city in the background; the platform answers meanwhile');
      try {
        await seedDemo(db, now, { log, progress });
      } catch (err) {
        progress.failed();
        throw err;
      }
      log('demo city ready');
      printDemoAccounts(log);
    },
  };
}
