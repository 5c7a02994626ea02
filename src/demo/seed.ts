import { count } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { SYSTEM_ACTOR, type Role } from '../platform/actor.ts';
import { createCategory, createDepartment, createUser, type User } from '../modules/directory/index.ts';
import { departments } from '../modules/directory/schema.ts';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, type DemoCategory } from './city-data.ts';
import { generateDemoOrders } from './orders-generator.ts';
import { detectDemoHotTopics, seedDemoOperations } from './operations.ts';
import { addDays, localDateOf, startOfLocalDay } from '../calendar/local-time.ts';

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
        },
        now,
      );
      ids.set(c.code, view.id);
      if (c.children) await walk(c.children, view.id);
    }
  };
  await walk(DEMO_CATEGORIES, null);
  return ids;
}

async function seedUsers(db: Db, now: Date, departmentIds: Map<string, number>): Promise<DemoAccounts> {
  const add = (
    username: string,
    role: Role,
    displayName: string,
    departmentId?: number,
    extra: { agentCode?: string; team?: string } = {},
  ) =>
    createUser(
      db.orm,
      SYSTEM_ACTOR,
      { username, password: DEMO_PASSWORD, role, displayName, departmentId, ...extra },
      now,
    );
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
) {
  if (days <= 0) return null;
  const { writeSimulation } = await import('../simulation/write-simulation.ts');
  const from = startOfLocalDay(addDays(localDateOf(now), -days));
  const r = await writeSimulation(db, { from, to: now, agents: 45, seed: 7, now, withOrders: false });
  log(`demo calls: ${r.calls} calls over ${days} days (${r.answered} answered)`);
  return r;
}

/** The whole demo city with its orders and calls. */
export async function seedDemo(db: Db, now: Date, options: DemoSeedOptions & { callDays?: number } = {}) {
  const city = await seedDemoCity(db, now, options.log);
  const stats = await seedDemoOrders(db, now, city.accounts, options);
  await (await import('../modules/triage/index.ts')).trainDemoModel(db.orm, now, options.log);
  await seedDemoCalls(db, now, options.callDays ?? 30, options.log);
  await seedDemoOperations(db, now, options.log);
  await detectDemoHotTopics(db, now, options.log);
  return { ...city, stats };
}

export function printDemoAccounts(log: (line: string) => void): void {
  log('');
  log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  log('  admin      系统管理员 admin');
  log('  agent01…10 话务员 agent');
  log('  lead01     班长 team_lead');
  log('  office01   热线办 office');
  log('  kb01       知识库编辑 kb_editor');
  log('  dept_zjj   住建局承办人 department (every department has dept_<code>, e.g. dept_cgj 城管局)');
  log('');
}

/**
 * On a database without departments: seeds the demo city and returns the generation of its orders, which the
 * server runs in the background after it starts listening (months of orders take a minute or two on the
 * embedded database). Returns null when the database already has data.
 */
export async function seedDemoCityIfEmpty(
  db: Db,
  now: Date,
  log: (line: string) => void,
): Promise<(() => Promise<unknown>) | null> {
  const [row] = await db.orm.select({ n: count() }).from(departments);
  if (Number(row?.n ?? 0) > 0) {
    log('demo data already present (seeded on first start)');
    printDemoAccounts(log);
    return null;
  }
  log('first start: seeding the demo city…');
  const city = await seedDemoCity(db, now, log);
  printDemoAccounts(log);
  return async () => {
    await seedDemoOrders(db, now, city.accounts, { log });
    await (await import('../modules/triage/index.ts')).trainDemoModel(db.orm, now, log);
    await seedDemoCalls(db, now, 30, log);
    await seedDemoOperations(db, now, log);
    await detectDemoHotTopics(db, now, log);
  };
}
