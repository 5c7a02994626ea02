/**
 * The contact centre's answers as the console reads them, named from the generated OpenAPI types
 * (`npm run gen:api`), never copied: a change to a calls route's response schema fails `tsc -p web` here.
 */
import type { ApiBody, ApiOk, ApiQuery } from '../../api/responses.ts';

export type CallMetrics = ApiOk<'/api/calls/metrics'>;
/** The figures of a period or a bucket; rates 0–1, null when nothing was offered. */
export type CallFigures = CallMetrics['totals'];
export type CallGranularity = NonNullable<ApiQuery<'/api/calls/metrics'>['granularity']>;

/** A call offered to the agent queue; the caller number masked except for the office. */
export type CallRecord = ApiOk<'/api/calls'>['items'][number];

/** `GET /api/calls/wallboard` and each `snapshot` event of its stream. */
export type WallboardSnapshot = ApiOk<'/api/calls/wallboard'>;

/** 漏接回拨 task. */
export type CallbackTask = ApiOk<'/api/calls/callbacks'>['items'][number];
export type CallbackStatus = NonNullable<ApiQuery<'/api/calls/callbacks'>['status']>;
export type CallbackAttempt = ApiOk<'/api/calls/callbacks/{id}/attempts'>['items'][number];
export type CallbackAttemptBody = ApiBody<'/api/calls/callbacks/{id}/attempts'>;
export type CallbackStats = ApiOk<'/api/calls/callbacks/stats'>;

/** 突发事件免责时段. */
export type CallExemption = ApiOk<'/api/calls/exemptions'>['items'][number];

/** 热线中断, with its length so far and whether it passed the alert hours. */
export type HotlineOutage = ApiOk<'/api/calls/outages'>['items'][number];

/** Something that needs a person (e.g. an outage past the contract's hours). */
export type PlatformAlert = ApiOk<'/api/alerts'>['items'][number];

/** The answer of `POST /api/calls/import` (the body is the raw file, so uploadCallLog sends it by hand). */
export type CallImportResult = ApiOk<'/api/calls/import', 'post'>;
export type CallImportFormat = NonNullable<ApiQuery<'/api/calls/import', 'post'>['format']>;
export type RejectedCallLine = CallImportResult['rejections'][number];
/** A past import run. */
export type CallImportRun = ApiOk<'/api/calls/imports'>['items'][number];

export type CallSatisfaction = ApiOk<'/api/calls/satisfaction'>;

/** One platform setting (`GET /api/settings`). */
export type SettingItem = ApiOk<'/api/settings'>['items'][number];
