import { Space } from 'antd';
import { DuplicatesPanel, type DuplicateQuery } from './duplicates-panel.tsx';
import { KbSuggestions } from './kb-suggestions.tsx';
import { TriagePanel } from './triage-panel.tsx';

/**
 * What helps the agent while the request is typed: the likely category and department, orders it may
 * duplicate, and knowledge articles to answer from. Loaded after the form, so a call can be taken at once.
 */
export default function IntakeAssist({
  value,
  onPickCategory,
  onPickDepartment,
  onSuggestion,
  onQuote,
}: {
  value: DuplicateQuery;
  onPickCategory: (id: number) => void;
  onPickDepartment: (id: number) => void;
  onSuggestion: (id: string | number | null) => void;
  onQuote?: (article: { id: number; title: string; text: string }) => void;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <TriagePanel
        title={value.title}
        content={value.content}
        onPickCategory={onPickCategory}
        onPickDepartment={onPickDepartment}
        onSuggestion={onSuggestion}
      />
      <DuplicatesPanel value={value} />
      <KbSuggestions content={value.content} onQuote={onQuote} />
    </Space>
  );
}
