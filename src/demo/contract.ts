/**
 * The demo contract (演示合同): a copy of Luohe's terms whose one-year term covers the day the demo is seeded,
 * so the contract board, statements and reports have a current month and quarter on first start (issue 14:
 * both real contracts had ended and the board showed indicator 1 as 0/0). Pure: the date comes in.
 */
import type { LocalDate } from '../calendar/local-time.ts';
import type { ContractDefinition } from '../modules/contracts/index.ts';

/** First day of the month `n` months after `date`'s month (n may be negative). */
export function monthStart(date: LocalDate, n = 0): LocalDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * The term starts on the first day of the month before `today`: one whole month behind (its monthly report
 * delivered, its figures final) and the current month in progress; it runs a year, as Luohe's (art. 1.3).
 * `term.to` is exclusive, as in the contract files.
 */
export function demoContractOf(luohe: ContractDefinition, today: LocalDate): ContractDefinition {
  const from = monthStart(today, -1);
  const to = monthStart(today, 11);
  const year = from.slice(0, 4);
  return {
    ...luohe,
    id: `demo-${year}`,
    version: 1,
    name: `（演示）${luohe.name}`,
    city: `${luohe.city}（演示）`,
    signedOn: from,
    term: {
      from,
      to,
      clause: `演示合同：条款同 ${luohe.id}，服务期为一年，自 ${from.slice(0, 7)} 起（按示例数据生成之日计算）`,
    },
  };
}
