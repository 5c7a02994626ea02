/** 培训 — hot-topic training, training sessions and the service standards: the module's public surface. */
export { detectFromOrders } from './detect-service.ts';
export * from './hot-topics/index.ts';
export {
  confirmHotTopic,
  createHotTopic,
  dismissHotTopic,
  getHotTopic,
  HOT_TOPIC_TRAINING_HOURS,
  HotTopicInput,
  listHotTopics,
  noteTrainee,
  traineeState,
  type TraineeState,
} from './hot-topics-service.ts';
export { hotTopicTrainingTimeliness, standardsCompletion } from './indicators.ts';
export { registerTrainingRoutes } from './routes.ts';
export { getSession, listSessions, recordSession, SessionInput } from './sessions-service.ts';
export {
  completeStandard,
  createStandard,
  listStandards,
  reviseStandard,
  RevisionInput,
  StandardInput,
} from './standards-service.ts';
export { hotTopicsConfirmedBetween } from './hot-topics-report.ts';
