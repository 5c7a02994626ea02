import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import type { AppError } from '../../platform/errors.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { getActiveModel } from './active-model-cache.ts';
import { computeDepartmentShares, loadHistory } from './history.ts';
import { findActiveVersion, listModels, loadActiveModel } from './model-store.ts';
import { insertHistory, seedTriageCity, type TriageCity } from './test-fixtures.ts';
import { decideActivation, trainFromHistory } from './train-service.ts';

let t: TestContext;
let city: TriageCity;
/** A crippled learner (5 features) that does clearly worse on the synthetic history. */
const WEAK = { classifier: { selectedFeatures: 5 } };
const train = (options: Parameters<typeof trainFromHistory>[2] = {}) =>
  trainFromHistory(t.db.orm, SYSTEM_ACTOR, { minOrders: 50, ...options }, t.clock.now());

beforeAll(async () => {
  t = await createTestContext('2026-03-10T10:00:00+08:00');
  city = await seedTriageCity(t.db.orm, t.clock.now());
});
afterAll(() => t.close());

describe('history', () => {
  it('refuses clearly with too few finished orders', async () => {
    const err = (await train().catch((e) => e)) as AppError;
    expect(err.code).toBe('triage_too_little_history');
    expect(err.status).toBe(422);
    expect(err.message).toContain('at least 50 finished orders');
    expect(await listModels(t.db.orm)).toEqual([]);
  });

  it('labels closed orders by their category at the level, oldest first, with their departments', async () => {
    await insertHistory(t.db.orm, city, 40, t.clock.now());
    const h = await loadHistory(t.db.orm, 1);
    expect(h.docs).toHaveLength(160);
    expect(new Set(h.docs.map((d) => d.label))).toEqual(new Set([...city.top.values()].map(String)));
    const times = h.docs.map((d) => d.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const shares = computeDepartmentShares(h.docs);
    const traffic = shares[String(city.top.get('交通运输'))]!;
    // Half went to the top category's department, half (no department recorded) to the leaf's default.
    expect(traffic.map(([, s]) => s)).toEqual([0.5, 0.5]);
    expect(traffic.map(([id]) => id)).toContain(city.departments.get('交通运输'));
    expect((await loadHistory(t.db.orm, 2)).docs[0]!.label).toBe(String(city.leaves.get('交通运输')![0]));
  });
});

describe('activation rule', () => {
  it('activates the first model, whatever its figures', async () => {
    const r = await train(WEAK);
    expect(r).toMatchObject({ version: 1, activated: true, previous: null, trainingSize: 128 });
    expect(r.heldBackSize).toBe(32);
    expect(r.decision).toMatch(/^activated: no active model/);
    expect(await findActiveVersion(t.db.orm)).toBe(1);
  });

  it('activates a model that is better on the held-back orders, and prints both figures', async () => {
    const r = await train();
    expect(r.activated).toBe(true);
    expect(r.previous).toMatchObject({ version: 1, level: 1 });
    expect(r.candidate.macroF1).toBeGreaterThan(r.previous!.macroF1);
    expect(r.decision).toContain('better on the held-back orders');
    expect(r.decision).toContain(`active v1 macro-F1 ${r.previous!.macroF1.toFixed(4)}`);
    expect(await findActiveVersion(t.db.orm)).toBe(2);
  });

  it('stores but does not activate a worse model, nor an equal one', async () => {
    const worse = await train(WEAK);
    expect(worse).toMatchObject({ version: 3, activated: false });
    expect(worse.candidate.macroF1).toBeLessThan(worse.previous!.macroF1);
    expect(worse.decision).toMatch(/^kept v2: the new model is not better/);
    const same = await train();
    expect(same.candidate.macroF1).toBe(same.previous!.macroF1);
    expect(same.activated).toBe(false);
    expect(await findActiveVersion(t.db.orm)).toBe(2);
    const models = await listModels(t.db.orm);
    expect(models.map((m) => [m.version, m.active])).toEqual([
      [4, false],
      [3, false],
      [2, true],
      [1, false],
    ]);
    expect(models[1]!.macroF1).toBeCloseTo(worse.candidate.macroF1, 10);
    expect(models[1]!.modelBytes).toBeGreaterThan(0);
  });

  it('activates a worse model with force', async () => {
    const r = await train({ ...WEAK, force: true });
    expect(r.activated).toBe(true);
    expect(r.decision).toMatch(/^activated by force/);
    expect(await findActiveVersion(t.db.orm)).toBe(r.version);
  });

  it('does not replace a model of another level without force', async () => {
    const r = await train({ level: 2 });
    expect(r.activated).toBe(false);
    expect(r.decision).toContain('learns level 1, not 2');
    const forced = await train({ level: 2, force: true });
    expect(forced.activated).toBe(true);
    const active = await loadActiveModel(t.db.orm);
    expect(active!.summary).toMatchObject({ version: forced.version, level: 2 });
    expect(active!.model.labels).toHaveLength(8);
  });

  it('the cache picks up a newly activated model at once', async () => {
    const before = await getActiveModel(t.db.orm, t.clock.now());
    const r = await train({ force: true });
    const after = await getActiveModel(t.db.orm, t.clock.now());
    expect(after!.summary.version).toBe(r.version);
    expect(after!.summary.version).not.toBe(before!.summary.version);
  });
});

describe('decideActivation', () => {
  const prev = { version: 4, level: 1, accuracy: 0.9, macroF1: 0.9 };
  it.each([
    [0.91, false, true],
    [0.9, false, false],
    [0.89, false, false],
    [0.89, true, true],
  ])('new macro-F1 %s, force %s → activated %s', (macroF1, force, activated) => {
    expect(decideActivation({ accuracy: 0.9, macroF1 }, prev, 1, force).activated).toBe(activated);
  });
});
