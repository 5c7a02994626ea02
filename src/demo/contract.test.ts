import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { ContractDefinition } from '../modules/contracts/index.ts';
import { demoContractOf, monthStart } from './contract.ts';

const luohe = ContractDefinition.parse(
  JSON.parse(fs.readFileSync(new URL('../../contracts/luohe-2025.json', import.meta.url), 'utf8')),
);

describe('the demo contract', () => {
  it.each([
    ['2026-12-02', '2026-11-01', '2027-11-01', 'demo-2026'],
    ['2027-01-15', '2026-12-01', '2027-12-01', 'demo-2026'],
    ['2026-03-31', '2026-02-01', '2027-02-01', 'demo-2026'],
  ])('seeded on %s runs from %s to %s (exclusive) as %s', (today, from, to, id) => {
    const c = demoContractOf(luohe, today);
    expect(c.term.from).toBe(from);
    expect(c.term.to).toBe(to);
    expect(c.id).toBe(id);
    expect(c.term.from <= today && today < c.term.to).toBe(true);
  });

  it("keeps Luohe's money, indicators and readings and passes the contract schema", () => {
    const c = ContractDefinition.parse(demoContractOf(luohe, '2026-12-02'));
    expect(c.totalFen).toBe(luohe.totalFen);
    expect(c.indicators).toEqual(luohe.indicators);
    expect(c.payments).toEqual(luohe.payments);
  });

  it('counts months across years', () => {
    expect(monthStart('2026-01-20', -1)).toBe('2025-12-01');
    expect(monthStart('2026-12-31', 1)).toBe('2027-01-01');
    expect(monthStart('2026-05-05', -17)).toBe('2024-12-01');
  });
});
