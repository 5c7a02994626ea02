import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.ts';
import { get } from './api.ts';
import type { Category, Department } from '../api/models.ts';

/** Departments and the category catalogue change rarely: cached for the session, refreshed after edits. */
export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => get<{ items: Department[] }>('/api/departments').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: () => unwrap(client.GET('/api/categories')).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export interface CategoryTreeNode {
  value: number;
  title: string;
  key: number;
  selectable: boolean;
  children?: CategoryTreeNode[];
}

/** The catalogue as a TreeSelect tree; only leaves are selectable, as an agent classifies to a matter. */
export function categoryTree(categories: Category[]): CategoryTreeNode[] {
  const byParent = new Map<number | null, Category[]>();
  for (const c of categories.filter((x) => x.active)) {
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const build = (parent: number | null): CategoryTreeNode[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return {
        value: c.id,
        key: c.id,
        title: c.name,
        selectable: c.isLeaf,
        children: children.length ? children : undefined,
      };
    });
  return build(null);
}

export function departmentName(departments: Department[] | undefined, id: number | null): string {
  if (id == null) return '—';
  return departments?.find((d) => d.id === id)?.name ?? `#${id}`;
}
