export { applyOrderAction } from './actions.ts';
export {
  callbackAttitudeAnswers,
  callbackAttitudeCounts,
  callbackHandlingByDepartment,
  ordersReceivedBetween,
  owedCallbacks,
  type AttitudeAnswer,
  type CallbackRequirement,
  type HandlingAnswerCounts,
  type OwedCallback,
  type OwedCallbackScope,
  type ReceivedOrderText,
} from './callback-reads.ts';
export * from './deadlines.ts';
export { DEFAULT_ORDER_SETTINGS, type OrderSettings } from './handlers/types.ts';
export {
  createOrder,
  submitExternalRequest,
  submitPublicOrder,
  type ExternalSubmission,
} from './intake-service.ts';
export { externalOrderViews, type ExternalOrderFilter, type ExternalOrderView } from './external-reads.ts';
export * from './model.ts';
export { maskName, maskPhone } from './presenter.ts';
export {
  historyRefusal,
  INTAKE_STEPS,
  RECORD_ONLY_STEPS,
  stepRefusal,
  type RecordedStep,
} from './history-check.ts';
export { getOrderDetail, listOrders, trackPublicOrder } from './query-service.ts';
export {
  finishedOrdersWithCategory,
  FINISHED_STATUSES,
  orderExists,
  recentOpenOrders,
  type FinishedOrderText,
  type OpenOrderText,
} from './triage-reads.ts';
export { registerOrderRoutes, registerStatsRoutes } from './routes.ts';
export { anyOrderSince, overviewStats, queueCounts } from './stats-service.ts';
export * from './state-machine.ts';
export { runDeadlineSweep } from './sweep.ts';
export { setIntakeGroupMax } from './intake-group.ts';
export { segmentUnsearchableOrders } from './search-text.ts';
export { ORDER_CALLBACK_MAX_ATTEMPTS } from './settings.ts';
export { onlineResponseCounts, onlineResponseRate, returnCounts, returnRate } from './indicators.ts';
export {
  callbackSummary,
  intakeBreakdown,
  ordersForDrillDown,
  ordersForSpecialReport,
  topMatters,
  type Counted,
} from './report-stats.ts';
export {
  callerPhoneIndex,
  callerPhoneIndexes,
  openCaller,
  ORDER_SEAL_SPEC,
  sealCaller,
} from './personal-data.ts';
export { ORDERS_CHANNEL, orderNotificationsFor, type OrderNotification } from './notifications-service.ts';
export { NOTIFICATION_LABELS, type OrderNotificationKind } from './notifications.ts';
export { registerAttachmentRoutes } from './attachments-routes.ts';
export {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  attachmentHandoverFiles,
  AttachmentStore,
  resealAttachmentFiles,
  sniffType,
} from './attachments.ts';
export { orderBriefs, registerOrderBriefRoutes } from './briefs.ts';
export {
  closeCoTasks,
  coDueAt,
  openCoTasks,
  type CoPatch,
  type CoTask,
  type OpenCoTasksOptions,
} from './co-handling.ts';
export { coHandlingByDepartment, type CoHandlingFigures } from './co-handling-reads.ts';
export { CO_HANDLING_LEAD_WORKING_DAYS } from './settings.ts';
export { registerCoHandlingRoutes } from './co-handling-routes.ts';
export {
  departmentCounts,
  departmentFigureOrders,
  departmentReplies,
  type DepartmentCounts,
  type DepartmentReply,
  type FigurePeriod,
  type FigureSource,
} from './department-figures.ts';
export { registerDisputeRoutes } from './dispute-routes.ts';
export { disputeFiguresByDepartment, type DepartmentDisputeFigures } from './dispute-reads.ts';
export {
  ORDER_DISPUTE_DECISION_WORKING_DAYS,
  ORDER_DISPUTE_FLAG_COUNT,
  ORDER_DISPUTE_FLAG_WINDOW_DAYS,
} from './dispute-settings.ts';
export { pausedTimeByDepartment, type DepartmentPausedTime } from './pause-stats.ts';
export {
  DEFAULT_PAUSE_SETTINGS,
  ORDER_PAUSE_MAX_WORKING_DAYS,
  ORDER_PAUSE_REASONS,
  type PauseReason,
  type PauseSettings,
} from './pause-settings.ts';
