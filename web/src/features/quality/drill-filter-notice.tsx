import { Alert, Button } from 'antd';

/**
 * Shown above a list opened from an indicator's drill-down (`?ids=`): says the list is narrowed to the records
 * the figure counts, and offers the whole list back.
 */
export function DrillFilterNotice({
  ids,
  onClear,
  unit,
  style = { marginBottom: 12 },
}: {
  ids: Set<string> | null;
  onClear: () => void;
  /** Counter and noun, e.g. "条投诉", "名人员". */
  unit: string;
  style?: React.CSSProperties;
}) {
  if (!ids) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={style}
      title={`仅显示指标计入的 ${ids.size} ${unit}`}
      action={
        <Button size="small" onClick={onClear}>
          显示全部
        </Button>
      }
    />
  );
}
