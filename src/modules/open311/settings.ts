import { z } from 'zod';
import { defineSetting } from '../../platform/settings.ts';

/**
 * Which orders the open interface lists. The standard lets anyone read service requests; a 12345 hotline's
 * requests are private matters (a neighbour's noise, a wage dispute), so by default only the requests that came
 * in through Open311 itself are shown — their clients already hold the text. `all` lists every order too, but
 * shows its state, matter, department and official answers only, never the citizen's text.
 */
export const OPEN311_REQUESTS_SCOPE = defineSetting({
  key: 'open311.requestsScope',
  default: 'open311' as 'open311' | 'all',
  schema: z.enum(['open311', 'all']),
  description: 'Which orders GET /open311/v2/requests shows: those submitted through Open311, or all orders.',
  descriptionZh: 'Open311 查询接口公开的范围：仅经 Open311 提交的诉求，或全部工单（不含诉求原文）',
  source: 'PIPL art. 6 (minimum necessary) and 国办函〔2025〕66号 on open data; the city’s choice',
});

/** Requests one client may create per hour; beyond it the client gets 429 with Retry-After. */
export const OPEN311_SUBMIT_LIMIT_PER_HOUR = defineSetting({
  key: 'open311.submitLimitPerHour',
  default: 600,
  schema: z.number().int().min(1).max(100_000),
  description: 'Service requests one Open311 client may create per hour.',
  descriptionZh: '每个 Open311 接入方每小时最多提交的诉求数',
  source: 'GB/T 22239-2019 (resource control, 资源控制); operating practice',
});
