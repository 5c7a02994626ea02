import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../app/api.ts';
import { client, query, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';

export interface Person {
  id: number;
  name: string;
}

/**
 * The agents to choose from. The office and the administrator read the user directory; a team lead may not
 * (GET /api/users is theirs only), so for them the agents rated in the last 90 days stand in.
 */
export function useAgents() {
  const user = useUser();
  const directory = user.role === 'office' || user.role === 'admin';
  return useQuery({
    queryKey: ['quality', 'agents', directory],
    staleTime: 300_000,
    queryFn: async (): Promise<Person[]> => {
      if (directory) {
        const { items } = await unwrap(client.GET('/api/users'));
        return items
          .filter((u) => u.role === 'agent' || u.role === 'team_lead')
          .map((u) => ({ id: u.id, name: u.displayName }));
      }
      const range = {
        from: dayjs().subtract(90, 'day').format('YYYY-MM-DD'),
        to: dayjs().add(1, 'day').format('YYYY-MM-DD'),
      };
      const s = await unwrap(client.GET('/api/quality/satisfaction', { params: { query: query(range) } }));
      return s.attitude.agents
        .filter((a) => a.agentId != null)
        .map((a) => ({ id: a.agentId!, name: a.name ?? `#${a.agentId}` }));
    },
  });
}

/** An order number typed by a person, resolved to the order's id (400 on the field when there is none). */
export async function orderIdOf(number: string | undefined, field = 'orderNumber'): Promise<number | null> {
  const n = number?.trim();
  if (!n) return null;
  const page = await unwrap(client.GET('/api/orders', { params: { query: query({ q: n, pageSize: 5 }) } }));
  const hit = page.items.find((o) => o.number === n);
  if (!hit)
    throw new ApiError(400, 'validation_failed', 'No such order', '工单编号不存在', [
      { field, message: '工单编号不存在' },
    ]);
  return hit.id;
}
