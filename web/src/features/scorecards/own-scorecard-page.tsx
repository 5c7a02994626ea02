import { Card } from 'antd';
import { useUser } from '../../app/auth.tsx';
import { PeriodBar } from './period-bar.tsx';
import { usePeriod } from './scorecard-api.ts';
import { ScorecardDetailView } from './scorecard-detail.tsx';

/** 本单位考评 — the department portal's own scorecard, the same figures the office ranks. */
export default function OwnScorecardPage() {
  const user = useUser();
  const period = usePeriod();
  return (
    <Card title="本单位考评">
      <PeriodBar period={period} />
      {user.departmentId != null && (
        <ScorecardDetailView departmentId={user.departmentId} params={period.params} />
      )}
    </Card>
  );
}
