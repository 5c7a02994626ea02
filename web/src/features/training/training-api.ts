import { useQuery } from '@tanstack/react-query';
import { client, query, unwrap } from '../../api/client.ts';
import type { Role } from '../../api/models.ts';
import type { ApiOk, ApiQuery } from '../../api/responses.ts';

/** Shapes of the training API's answers, from the generated API types (src/modules/training/model.ts). */
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type HotTopic = Items<ApiOk<'/api/hot-topics'>>;
export type HotTopicStatus = NonNullable<ApiQuery<'/api/hot-topics'>['status']>;
export type Detection = NonNullable<HotTopic['detection']>;
export type NameCount = Detection['districts'][number];
export type HotTopicDetail = ApiOk<'/api/hot-topics/{id}'>;
export type Trainee = HotTopicDetail['trainees'][number];
export type TraineeState = Trainee['state'];
export type TrainingSession = Items<ApiOk<'/api/training/sessions'>>;
export type Standard = Items<ApiOk<'/api/standards'>>;
export type StandardRevision = Standard['revisions'][number];
export type TrainingIndicators = ApiOk<'/api/training/indicators'>;

export const TRAINERS: Role[] = ['team_lead', 'kb_editor', 'office'];

export const HOT_TOPIC_STATUS_LABELS: Record<HotTopicStatus, string> = {
  candidate: '待确认',
  confirmed: '已确认',
  dismissed: '已忽略',
};

export const TRAINEE_STATE_LABELS: Record<TraineeState, string> = {
  trained_on_time: '按时培训',
  trained_late: '超时培训',
  outstanding: '待培训',
  overdue: '超时未培训',
};

export const TRAINEE_STATE_COLORS: Record<TraineeState, string> = {
  trained_on_time: 'green',
  trained_late: 'orange',
  outstanding: 'processing',
  overdue: 'red',
};

export function useHotTopics(status?: HotTopicStatus) {
  return useQuery({
    queryKey: ['training', 'hot-topics', status ?? 'all'],
    queryFn: () =>
      unwrap(client.GET('/api/hot-topics', { params: { query: query({ status }) } })).then((r) => r.items),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: ['training', 'sessions'],
    queryFn: () => unwrap(client.GET('/api/training/sessions')).then((r) => r.items),
  });
}

export function useTrainingIndicators(period: { from: string; to: string }, enabled = true) {
  return useQuery({
    queryKey: ['training', 'indicators', period.from, period.to],
    queryFn: () => unwrap(client.GET('/api/training/indicators', { params: { query: query(period) } })),
    enabled,
  });
}
