import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../../app/api.ts';
import type { Role } from '../../app/types.ts';
import type { IndicatorFigure } from '../knowledge/kb-api.ts';

/** Shapes of the training API's answers (src/modules/training). */

export interface NameCount {
  name: string;
  count: number;
}

export interface Detection {
  score: number;
  count: number;
  people: number;
  growth: number;
  expected: number;
  districts: NameCount[];
  categories: NameCount[];
  terms: { term: string; weight: number }[];
  first: string;
  last: string;
}

export type HotTopicStatus = 'candidate' | 'confirmed' | 'dismissed';

export interface HotTopic {
  id: number;
  title: string;
  brief: string | null;
  keywords: string[];
  categoryId: number | null;
  district: string | null;
  detectedAt: string | null;
  detection: Detection | null;
  orderIds: number[];
  status: HotTopicStatus;
  confirmedAt: string | null;
  confirmedBy: number | null;
  trainingDueAt: string | null;
  dismissedAt: string | null;
  dismissedBy: number | null;
  createdAt: string;
}

export type TraineeState = 'trained_on_time' | 'trained_late' | 'outstanding' | 'overdue';

export interface Trainee {
  id: number;
  hotTopicId: number;
  agentId: number;
  note: string | null;
  trainedAt: string | null;
  sessionId: number | null;
  name: string;
  username: string;
  state: TraineeState;
}

export interface HotTopicDetail extends HotTopic {
  trainees: Trainee[];
}

export interface TrainingSession {
  id: number;
  title: string;
  hotTopicId: number | null;
  heldAt: string;
  trainer: string | null;
  materials: string | null;
  recordedBy: number | null;
  recordedAt: string;
  attendees: { agentId: number; name: string }[];
}

export interface StandardRevision {
  id: number;
  standardId: number;
  version: string;
  revisedOn: string;
  summary: string;
  revisedBy: number | null;
  recordedAt: string;
}

export interface Standard {
  id: number;
  code: string;
  title: string;
  version: string;
  plannedOn: string;
  completedOn: string | null;
  status: 'planned' | 'completed';
  createdAt: string;
  updatedAt: string;
  revisions: StandardRevision[];
}

export interface TrainingIndicators {
  hotTopicTraining: IndicatorFigure;
  standardsCompletion: IndicatorFigure;
}

/** Who runs training and keeps the standards: team leads, the KB editor and the office. */
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
    queryFn: () => get<{ items: HotTopic[] }>(`/api/hot-topics${qs({ status })}`).then((r) => r.items),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: ['training', 'sessions'],
    queryFn: () => get<{ items: TrainingSession[] }>('/api/training/sessions').then((r) => r.items),
  });
}

export function useTrainingIndicators(period: { from: string; to: string }, enabled = true) {
  return useQuery({
    queryKey: ['training', 'indicators', period.from, period.to],
    queryFn: () => get<TrainingIndicators>(`/api/training/indicators${qs(period)}`),
    enabled,
  });
}
