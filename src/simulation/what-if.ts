import { type ChinaCalendar, type LocalDate, startOfLocalDay } from '../calendar/index.ts';
import { simulateCalls, summarizeCalls } from './calls/index.ts';

/** The simulator's answer rate for a head count over [from, to), its default roster scaled to the head count. */
export function simulatedAnswerRate(
  from: LocalDate,
  to: LocalDate,
  agents: number,
  calendar: ChinaCalendar,
  seed = 7,
): { offered: number; answered: number; answerRate: number } {
  const s = summarizeCalls(
    simulateCalls({ from: startOfLocalDay(from), to: startOfLocalDay(to), seed, agents, calendar }),
  );
  return { offered: s.offered, answered: s.answered, answerRate: s.answerRate };
}
