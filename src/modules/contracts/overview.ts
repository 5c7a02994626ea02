import { loadCalendar } from '../../calendar/service.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AsOf } from './as-of.ts';
import { assessPeriod } from './assessment.ts';
import { getContract, readingsOf } from './contracts-service.ts';
import { parsePeriod } from './periods.ts';
import { describeReadings } from './readings.ts';
import { paymentSchedule } from './schedule.ts';

/** A contract with its payment schedule (what `hotline contract show` prints). */
export async function contractOverview(db: DbOrTx, id: string) {
  const [c, readings, calendar] = await Promise.all([
    getContract(db, id),
    readingsOf(db, id),
    loadCalendar(db),
  ]);
  const schedule = paymentSchedule(c, readings, calendar);
  return {
    id: c.id,
    version: c.version,
    name: c.name,
    city: c.city,
    parties: c.parties,
    signedOn: c.signedOn,
    term: c.term,
    totalFen: schedule.totalFen,
    bondFen: schedule.bondFen,
    bondReturnBy: schedule.bondReturnBy,
    payments: schedule.payments,
    rounding: schedule.rounding,
    headcount: c.headcount,
    indicators: c.indicators,
    deductions: c.deductions,
    reports: c.reports,
    deadlines: c.deadlines,
    terminationTriggers: c.terminationTriggers,
    readings: describeReadings(readings),
  };
}

/** The assessment of a contract for a period key (see parsePeriod). */
export async function assessContract(db: DbOrTx, id: string, periodKey: string, asOf: AsOf) {
  const [c, readings] = await Promise.all([getContract(db, id), readingsOf(db, id)]);
  return assessPeriod(db, c, parsePeriod(periodKey, c, readings), readings, asOf);
}
