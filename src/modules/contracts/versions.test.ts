/**
 * A changed contract is a new version (issue 12): luohe-2025.json gained its `rectification` block as version 1,
 * so two databases could hold two different "version 1" and compute different money for the same statement.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { syncRepositoryContracts } from './contracts-service.ts';
import { definitionHash, readRepositoryContracts } from './definitions.ts';
import { contractDefinitions } from './schema.ts';

/**
 * The content of each committed version. Changing a file without raising its `version` (and adding a `changes`
 * line) fails here; a new version adds a line here.
 */
const PINNED: Record<string, string> = {
  'luohe-2025@2': 'e0e5eccaa03f001e39ba575d4f061361cd6a38cc4eeecff3178d26380b8a3f18',
  'sanmenxia-2024@2': '595590f085f785fdfe93e202b157025605027aa8a8625e07505d4120bb23cb08',
};

let t: TestContext;
const req = async (user: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: await t.as(user) });

beforeAll(async () => {
  t = await createTestContext('2026-12-01T10:00:00+08:00');
  await t.addUser('office', 'office');
}, 300_000);
afterAll(() => t?.close());

describe('contract versions', () => {
  it('pins the content of every committed version', () => {
    const found = Object.fromEntries(
      readRepositoryContracts().map((c) => [`${c.id}@${c.version}`, definitionHash(c)]),
    );
    expect(found).toEqual(PINNED);
    for (const c of readRepositoryContracts())
      expect(c.changes?.some((x) => x.version === c.version) ?? c.version === 1).toBe(true);
  });

  it('Luohe version 2 carries the rectification period of art. 5.4', () => {
    const luohe = JSON.parse(readFileSync('contracts/luohe-2025.json', 'utf8'));
    expect(luohe).toMatchObject({ version: 2, rectification: { days: 7 } });
  });

  it('refuses a repository file changed without a new version, and keeps the loaded one', async () => {
    const [luohe] = readRepositoryContracts().filter((c) => c.id === 'luohe-2025');
    // An earlier database loaded "version 2" with other content (as version 1 was, before and after the block).
    const changed = { ...luohe!, rectification: undefined };
    await t.db.orm.insert(contractDefinitions).values({
      id: 'luohe-2025',
      version: 2,
      definition: JSON.parse(JSON.stringify(changed)),
      source: 'repository',
      loadedAt: t.clock.now(),
    });
    await expect(syncRepositoryContracts(t.db.orm, t.clock.now())).rejects.toThrow(
      /luohe-2025.*new "version"/,
    );
    await t.db.orm.delete(contractDefinitions);
    expect(await syncRepositoryContracts(t.db.orm, t.clock.now())).toEqual([
      'luohe-2025@2',
      'sanmenxia-2024@2',
    ]);
    expect(await syncRepositoryContracts(t.db.orm, t.clock.now())).toEqual([]);
  });

  it('names the version and its content hash on the statement, and reproduces one under an earlier version', async () => {
    const [luohe] = readRepositoryContracts().filter((c) => c.id === 'luohe-2025');
    const v1 = { ...luohe!, version: 1, rectification: undefined, changes: undefined };
    await t.db.orm.insert(contractDefinitions).values({
      id: 'luohe-2025',
      version: 1,
      definition: JSON.parse(JSON.stringify(v1)),
      source: 'repository',
      loadedAt: t.clock.now(),
    });
    const now = (await req('office', '/api/contracts/luohe-2025/settlements/1?asOf=2026-02-01')).json()
      .current;
    expect(now).toMatchObject({ contractVersion: 2, contractHash: definitionHash(luohe) });
    const old = await req('office', '/api/contracts/luohe-2025/settlements/1?asOf=2026-02-01&version=1');
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json().current).toMatchObject({ contractVersion: 1, contractHash: definitionHash(v1) });
    expect(old.json().current.contractHash).not.toBe(now.contractHash);
    const missing = await req('office', '/api/contracts/luohe-2025/settlements/1?version=7');
    expect(missing.statusCode).toBe(404);
    const bad = await req('office', '/api/contracts/luohe-2025/settlements/1?version=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('version');
  });
});
