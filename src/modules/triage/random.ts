/** Seeded shuffling, so that training and cross-validation give the same figures on every run. */
import type { Random } from '../../platform/random.ts';

export { createRandom, type Random } from '../../platform/random.ts';

/** Fisher–Yates in place. */
export function shuffleInPlace(items: Int32Array | number[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}
