import type { Category } from '../../api/models.ts';

/**
 * Only a leaf of the dispatch catalogue may go on an order (its time limit and lead department are the
 * leaf's). A suggestion of a branch (the level-1 model suggests 城市管理) resolves to its only leaf when it
 * has one; otherwise the agent is asked to choose among the branch's leaves (issue 14: the branch itself was
 * filled in and the order went out with it).
 */
export function resolveSuggestedCategory(
  id: number,
  byId: Map<number, Category>,
): { leaf: Category } | { branch: Category; leaves: Category[] } | null {
  const c = byId.get(id);
  if (!c) return null;
  if (c.isLeaf) return { leaf: c };
  const under = (x: Category): boolean => {
    for (let p = x.parentId == null ? undefined : byId.get(x.parentId), n = 0; p && n < 20; n++) {
      if (p.id === id) return true;
      p = p.parentId == null ? undefined : byId.get(p.parentId);
    }
    return false;
  };
  const leaves = [...byId.values()].filter((x) => x.isLeaf && under(x));
  return leaves.length === 1 ? { leaf: leaves[0]! } : { branch: c, leaves };
}
