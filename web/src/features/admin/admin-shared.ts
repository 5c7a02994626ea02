/** Vocabulary and tree helpers shared by the 管理 pages. */

export const DEPARTMENT_KIND_LABELS: Record<string, string> = {
  municipal: '市直部门',
  district: '区县政府',
  township: '乡镇街道',
  enterprise: '企事业单位',
  other: '其他',
};

export const DEPARTMENT_KIND_COLORS: Record<string, string> = {
  municipal: 'blue',
  district: 'purple',
  township: 'cyan',
  enterprise: 'orange',
  other: 'default',
};

/** The stable code the server accepts for departments and categories. */
export const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;
export const CODE_MESSAGE = '只能使用字母、数字和“_”“-”“.”，不超过 32 位';

export type TreeRow<T> = T & { children?: TreeRow<T>[] };

interface Node {
  id: number;
  parentId: number | null;
}

/**
 * Nests a flat list by parentId. With `keep`, only matching rows and their ancestors stay (a search that still
 * shows where each match sits). Rows whose parent is missing become roots.
 */
export function buildTree<T extends Node>(items: T[], keep?: (item: T) => boolean): TreeRow<T>[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  let visible: Set<number> | null = null;
  if (keep) {
    visible = new Set();
    for (const item of items) {
      if (!keep(item)) continue;
      for (let cur: T | undefined = item; cur && !visible.has(cur.id); cur = byId.get(cur.parentId ?? -1))
        visible.add(cur.id);
    }
  }
  const children = new Map<number | null, T[]>();
  for (const item of items) {
    if (visible && !visible.has(item.id)) continue;
    const parent = item.parentId != null && byId.has(item.parentId) ? item.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(item);
    children.set(parent, list);
  }
  const build = (parent: number | null): TreeRow<T>[] =>
    (children.get(parent) ?? []).map((item) => {
      const kids = build(item.id);
      return kids.length ? { ...item, children: kids } : { ...item };
    });
  return build(null);
}

/** The ids of a node and everything below it: not allowed as its new parent. */
export function selfAndDescendants<T extends Node>(items: T[], id: number): Set<number> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of items) {
      if (i.parentId != null && out.has(i.parentId) && !out.has(i.id)) {
        out.add(i.id);
        grew = true;
      }
    }
  }
  return out;
}

export interface TreeSelectNode {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TreeSelectNode[];
}

/** A TreeSelect tree of the items, with `exclude` (and inactive ones, unless current) disabled. */
export function treeSelectData<T extends Node & { name: string; active: boolean }>(
  items: T[],
  exclude: Set<number> = new Set(),
): TreeSelectNode[] {
  const map = (rows: TreeRow<T>[]): TreeSelectNode[] =>
    rows.map((r) => ({
      value: r.id,
      title: r.active ? r.name : `${r.name}（停用）`,
      disabled: exclude.has(r.id),
      children: r.children ? map(r.children) : undefined,
    }));
  return map(buildTree(items));
}

/** All keys of a tree, to expand everything (after a search). */
export function allKeys<T extends { id: number; children?: T[] }>(rows: T[]): number[] {
  return rows.flatMap((r) => [r.id, ...(r.children ? allKeys(r.children) : [])]);
}
