import { Select } from 'antd';
import { useContracts } from './shared.ts';
import { lastDayOf } from '../../app/dates.ts';

export function ContractPicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const list = useContracts();
  return (
    <Select
      style={{ minWidth: 260 }}
      loading={list.isLoading}
      value={value}
      onChange={onChange}
      data-testid="contract-picker"
      options={list.data?.items.map((c) => ({
        value: c.id,
        label: `${c.city} · ${c.term.from.slice(0, 7)} 至 ${lastDayOf(c.term.to).slice(0, 7)}`,
      }))}
    />
  );
}
