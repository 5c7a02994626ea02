import { validationFailed } from '../../platform/errors.ts';

/**
 * Checks that `parentId` exists and that making it the parent of `selfId` does not close a loop, by walking up
 * from the proposed parent. `parentOf` answers a node's parent, or undefined when the node does not exist.
 */
export async function checkParentLink(
  parentId: number | null | undefined,
  selfId: number | undefined,
  parentOf: (id: number) => Promise<number | null | undefined>,
  what: string,
): Promise<void> {
  for (let id: number | null | undefined = parentId, hops = 0; id != null && hops < 50; hops++) {
    if (id === selfId) throw validationFailed([{ field: 'parentId', message: 'would make a cycle' }]);
    const parent = await parentOf(id);
    if (parent === undefined) throw validationFailed([{ field: 'parentId', message: `no ${what} ${id}` }]);
    id = parent;
  }
}
