import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { zId } from '../../platform/input.ts';
import type { SimulateAnswerRate } from './what-if.ts';

export interface WorkforceDeps {
  db: Db;
  clock: Clock;
  /** The call simulator's answer rate, passed in by the app (modules do not import src/simulation). */
  simulateAnswerRate?: SimulateAnswerRate;
}

export const IdParams = z.object({ id: zId });

/** Who reads the roster and its evidence: the operator's team leads, the office, the administrator. */
export const READERS = ['team_lead', 'office', 'admin'] as const;
/** The operator's manager keeps the roster (Luohe art. 6.5 乙方…负责对热线运营团队人员进行管理). */
export const WRITERS = ['team_lead', 'office', 'admin'] as const;
/** Party A's own acts — replacement requests (Sanmenxia art. 12.2) — are the office's to record. */
export const PARTY_A = ['office', 'admin'] as const;

export const TAGS = ['workforce'];
