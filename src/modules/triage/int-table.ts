/**
 * Open-addressing hash table from non-zero int32 keys to int32 values.
 *
 * Term hashes are counted (document frequency over ~10⁶ distinct terms) and looked up (every
 * term of every request) far more often than anything else in the classifier. Key and value sit
 * side by side in one typed array, so a lookup costs one cache miss; a JS Map costs several
 * times the time and memory. Key 0 marks an empty slot (makeTermKey never yields 0).
 */

export interface IntTable {
  /** slots[2s] = key (0 = empty), slots[2s + 1] = value. */
  slots: Int32Array;
  size: number;
}

export function createIntTable(expectedSize = 1024): IntTable {
  let capacity = 16;
  while (capacity < expectedSize * 2) capacity *= 2;
  return { slots: new Int32Array(capacity * 2), size: 0 };
}

/** Index of the slot holding `key`, or of the empty slot where it would go. */
function slotOf(slots: Int32Array, key: number): number {
  const mask = (slots.length >> 1) - 1;
  // Keys are already hashes; the multiply only guards against keys that share low bits.
  let slot = Math.imul(key, 0x9e3779b1) & mask;
  for (;;) {
    const found = slots[slot << 1]!;
    if (found === key || found === 0) return slot;
    slot = (slot + 1) & mask;
  }
}

/** The value stored under `key`, or `missing`. */
export function getInt(table: IntTable, key: number, missing = -1): number {
  const slot = slotOf(table.slots, key) << 1;
  return table.slots[slot] === 0 ? missing : table.slots[slot + 1]!;
}

export function setInt(table: IntTable, key: number, value: number): void {
  const slot = claimSlot(table, key);
  table.slots[slot + 1] = value;
}

/** Adds `delta` to the value under `key` (0 when absent). */
export function addInt(table: IntTable, key: number, delta: number): void {
  const slot = claimSlot(table, key);
  table.slots[slot + 1] = table.slots[slot + 1]! + delta;
}

/** Array offset of the slot for `key`, inserting it (value 0) and growing at half load if absent. */
function claimSlot(table: IntTable, key: number): number {
  if (key === 0) throw new Error('IntTable keys must be non-zero');
  let slot = slotOf(table.slots, key) << 1;
  if (table.slots[slot] === key) return slot;
  if ((table.size + 1) * 4 > table.slots.length) {
    growTable(table);
    slot = slotOf(table.slots, key) << 1;
  }
  table.slots[slot] = key;
  table.size++;
  return slot;
}

function growTable(table: IntTable): void {
  const old = table.slots;
  const slots = new Int32Array(old.length * 2);
  for (let i = 0; i < old.length; i += 2) {
    const key = old[i]!;
    if (key === 0) continue;
    const slot = slotOf(slots, key) << 1;
    slots[slot] = key;
    slots[slot + 1] = old[i + 1]!;
  }
  table.slots = slots;
}

/** Calls `visit` for every entry, in slot order (deterministic for the same insertions). */
export function forEachInt(table: IntTable, visit: (key: number, value: number) => void): void {
  const { slots } = table;
  for (let i = 0; i < slots.length; i += 2) if (slots[i] !== 0) visit(slots[i]!, slots[i + 1]!);
}
