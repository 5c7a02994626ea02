import { useMemo, type Ref } from 'react';
import { TreeSelect, type GetRef } from 'antd';
import { categoryTree, useCategories, type CategoryTreeNode } from '../../app/reference-data.ts';
import type { Category } from '../../api/models.ts';
import { categoryMatches } from './category-search.ts';

type Labelled = CategoryTreeNode & { label: string; children?: Labelled[] };

/** The tree with each node's full path as its label, so the chosen matter reads 城乡建设 › 物业管理. */
function withPaths(nodes: CategoryTreeNode[], byId: Map<number, Category>): Labelled[] {
  return nodes.map((n) => ({
    ...n,
    label: byId.get(n.value)?.path.join(' › ') ?? n.title,
    children: n.children ? withPaths(n.children, byId) : undefined,
  }));
}

/** The catalogue by id, for the default department and time limits of a chosen category. */
export function useCategoryIndex() {
  const categories = useCategories();
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  return { ...categories, byId };
}

/** The handling limit a dispatch would use by the category, for the order's urgency (null: the city's default). */
export function categoryLimit(c: Category | undefined, urgency: string | undefined): number | null {
  if (!c) return null;
  return urgency === 'urgent' ? c.effective.urgentTimeLimitDays : c.effective.timeLimitDays;
}

/**
 * 分类 — TreeSelect with search over the whole catalogue by name, path and the words citizens use (烧烤 finds
 * 餐饮油烟); only leaves can be chosen.
 */
export function CategorySelect({
  value,
  onChange,
  ref,
  testId,
  disabled,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  ref?: Ref<GetRef<typeof TreeSelect>>;
  testId?: string;
  disabled?: boolean;
}) {
  const { data, isLoading, byId } = useCategoryIndex();
  const tree = useMemo(() => (data ? withPaths(categoryTree(data), byId) : []), [data, byId]);
  return (
    <TreeSelect
      ref={ref}
      value={value}
      onChange={onChange}
      disabled={disabled}
      showSearch
      allowClear
      filterTreeNode={(typed, node) => {
        const c = byId.get(Number(node.value));
        return c ? categoryMatches(c, typed) : false;
      }}
      treeNodeLabelProp="label"
      treeData={tree}
      loading={isLoading}
      placeholder="输入关键词搜索，只能选到末级分类"
      listHeight={360}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
