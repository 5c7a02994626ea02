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

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name, so 加班工资-….xlsx arrives as itself. */
export function attachmentName(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
