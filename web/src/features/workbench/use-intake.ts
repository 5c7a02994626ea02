import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, post } from '../../app/api.ts';
import type { OrderDetail } from '../../api/models.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { reportTriageChoice } from './intake-assist-api.ts';

export type IntakeMode = 'dispatch' | 'close-direct';

export interface IntakeValues {
  caller: { phone?: string; name?: string; anonymous: boolean; callbackWanted: boolean };
  channel: string;
  type: string;
  urgency: string;
  categoryId?: number;
  departmentId?: number;
  timeLimitWorkingDays?: number | null;
  location: { district?: string; address?: string };
  title?: string;
  content: string;
  answer?: string;
  /** Articles quoted into the answer with 引用到答复, recorded on the order. */
  answerArticleIds?: number[];
}

/** What the last submission came to, for the banner above the form. */
export type IntakeOutcome =
  | { kind: 'done'; mode: IntakeMode; order: OrderDetail }
  | { kind: 'partial'; mode: IntakeMode; order: OrderDetail; message: string }
  | { kind: 'failed'; message: string };

const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

export function createBody(v: IntakeValues) {
  return {
    channel: v.channel,
    type: v.type,
    urgency: v.urgency,
    categoryId: v.categoryId ?? undefined,
    title: text(v.title),
    content: v.content.trim(),
    caller: {
      name: text(v.caller.name) ?? null,
      phone: text(v.caller.phone) ?? null,
      anonymous: v.caller.anonymous,
      callbackWanted: v.caller.callbackWanted,
    },
    location: { district: v.location.district ?? null, address: text(v.location.address) ?? null },
  };
}

function stepBody(mode: IntakeMode, v: IntakeValues, version: number) {
  return mode === 'dispatch'
    ? {
        departmentId: v.departmentId,
        timeLimitWorkingDays: v.timeLimitWorkingDays ?? undefined,
        expectedVersion: version,
      }
    : { answer: v.answer?.trim(), articleIds: v.answerArticleIds ?? [], expectedVersion: version };
}

/**
 * Registering a call is two requests: `POST /api/orders`, then dispatch or close-direct on the new order.
 * When the second fails the order exists: it is kept as `registered` so the next click only retries the second
 * step (never registering the same call twice), and the banner says so with the order's number.
 */
export function useIntake(
  form: FormInstance<IntakeValues>,
  onDone: () => void,
  /** The 智能分派 suggestion shown for this call, if any: told what the agent chose once the order exists. */
  triageSuggestion: () => string | number | null = () => null,
) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<IntakeMode | null>(null);
  const [registered, setRegistered] = useState<OrderDetail | null>(null);
  const [outcome, setOutcome] = useState<IntakeOutcome | null>(null);

  const refresh = (id: number) => {
    queryClient.invalidateQueries({ queryKey: ['orders'] });
    queryClient.invalidateQueries({ queryKey: ['order', id] });
    queryClient.invalidateQueries({ queryKey: ['queues'] });
  };

  const submit = async (mode: IntakeMode, values: IntakeValues) => {
    setBusy(mode);
    let order = registered;
    try {
      if (!order) {
        try {
          order = await post<OrderDetail>('/api/orders', createBody(values));
        } catch (err) {
          setOutcome({ kind: 'failed', message: `登记失败：${applyZhServerErrors(form, err)}` });
          return;
        }
        refresh(order.id);
        reportTriageChoice(triageSuggestion(), {
          orderId: order.id,
          categoryId: values.categoryId,
          // Closed directly, the order goes to no department: the picker's default is not a choice.
          departmentId: mode === 'dispatch' ? values.departmentId : null,
        });
      }
      try {
        const done = await post<OrderDetail>(
          `/api/orders/${order.id}/actions/${mode}`,
          stepBody(mode, values, order.version),
        );
        refresh(order.id);
        setRegistered(null);
        setOutcome({ kind: 'done', mode, order: done });
        onDone();
      } catch (err) {
        const message =
          err instanceof ApiError && err.fields.length
            ? applyZhServerErrors(form, err)
            : err instanceof ApiError
              ? err.messageZh
              : '网络错误';
        setRegistered(order);
        setOutcome({ kind: 'partial', mode, order, message });
      }
    } finally {
      setBusy(null);
    }
  };

  /** Starts over for the next call; an order left registered stays in the 待派单 queue. */
  const reset = () => {
    setRegistered(null);
    setOutcome((o) => (o?.kind === 'done' ? o : null));
  };

  return { busy, registered, outcome, submit, reset };
}
