import { describe, expect, it } from 'vitest';
import type { Category } from '../web/src/api/models.ts';
import { resolveSuggestedCategory } from '../web/src/features/workbench/leaf-pick.ts';

const cat = (id: number, parentId: number | null, isLeaf: boolean, name = `c${id}`): Category =>
  ({
    id,
    code: name,
    name,
    parentId,
    path: [name],
    isLeaf,
    departmentId: null,
    timeLimitDays: null,
    urgentTimeLimitDays: null,
    effective: { departmentId: 7, timeLimitDays: 5, urgentTimeLimitDays: 1 },
  }) as Category;

// 城市管理 (1) › 市容 (2) › {油烟 (3), 占道 (4)}; 城市管理 › 园林 (5, leaf); 教育 (6) › 招生 (7, leaf)
const byId = new Map(
  [
    cat(1, null, false),
    cat(2, 1, false),
    cat(3, 2, true),
    cat(4, 2, true),
    cat(5, 1, true),
    cat(6, null, false),
    cat(7, 6, true),
  ].map((c) => [c.id, c]),
);

describe('a suggested category on the workbench', () => {
  it('is taken as it is when it is a leaf', () => {
    expect(resolveSuggestedCategory(3, byId)).toMatchObject({ leaf: { id: 3 } });
  });
  it('resolves a branch with one leaf to that leaf', () => {
    expect(resolveSuggestedCategory(6, byId)).toMatchObject({ leaf: { id: 7 } });
  });
  it('asks among all the leaves under a larger branch, at any depth', () => {
    const r = resolveSuggestedCategory(1, byId);
    expect(r && 'branch' in r && r.leaves.map((l) => l.id).sort()).toEqual([3, 4, 5]);
  });
  it('ignores an id the catalogue does not have', () => {
    expect(resolveSuggestedCategory(99, byId)).toBeNull();
  });
});
