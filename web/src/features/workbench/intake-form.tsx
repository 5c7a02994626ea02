import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import {
  Card,
  Col,
  ConfigProvider,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  TreeSelect,
  message,
  type GetRef,
  type InputRef,
} from 'antd';
import { CHANNEL_LABELS, TYPE_LABELS, URGENCY_LABELS, options } from '../../app/labels.ts';
import { CategorySelect, useCategoryIndex } from './category-select.tsx';
import { CallerHistory } from './caller-history.tsx';
import { DISTRICTS, PHONE_PATTERN } from './constants.ts';
import { DispatchFields, IntakeButtons } from './dispatch-fields.tsx';
import { IntakeOutcomeBanner } from './intake-outcome.tsx';
import { ShortcutLegend } from './shortcut-legend.tsx';
import { useIntake, type IntakeMode, type IntakeValues } from './use-intake.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { resolveSuggestedCategory } from './leaf-pick.ts';

// The helpers beside the form (智能分派, 疑似重复, 知识推荐) load after it: a call can be taken at once.
const IntakeAssist = lazy(() => import('./intake-assist.tsx'));

/** Focuses once the element can take it: after a tab switch the pane becomes visible a moment later. */
function focusSoon(target: () => { focus: () => void } | null, tries = 10) {
  setTimeout(() => {
    const el = target();
    el?.focus();
    const focused = document.activeElement && document.activeElement !== document.body;
    if (!focused && tries > 1) focusSoon(target, tries - 1);
  }, 30);
}

const INITIAL: Partial<IntakeValues> = {
  caller: { anonymous: false, callbackWanted: true },
  channel: 'phone',
  urgency: 'normal',
  location: {},
};

/** 来电登记 — the form an agent fills while on the call, with the caller's history beside it. */
export function IntakeForm({ active, onActivate }: { active: boolean; onActivate: () => void }) {
  const [form] = Form.useForm<IntakeValues>();
  const phoneRef = useRef<InputRef>(null);
  const categoryRef = useRef<GetRef<typeof TreeSelect>>(null);
  const mode = useRef<IntakeMode>('dispatch');
  const [deptManual, setDeptManual] = useState(false);
  const { byId } = useCategoryIndex();
  const phone = Form.useWatch(['caller', 'phone'], form);
  const categoryId = Form.useWatch('categoryId', form);
  const urgency = Form.useWatch('urgency', form);
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const district = Form.useWatch(['location', 'district'], form);
  const address = Form.useWatch(['location', 'address'], form);
  const suggestion = useRef<string | number | null>(null);
  const onSuggestion = useCallback((id: string | number | null) => {
    suggestion.current = id;
  }, []);

  const category = categoryId != null ? byId.get(categoryId) : undefined;

  /** 引用到答复: the article's passage appended to the direct answer, its id kept for the order. */
  const quote = useCallback(
    (a: { id: number; title: string; text: string }) => {
      const answer: string = form.getFieldValue('answer') ?? '';
      const ids: number[] = form.getFieldValue('answerArticleIds') ?? [];
      form.setFieldValue('answer', `${answer ? `${answer}\n` : ''}【${a.title}】${a.text}`);
      form.setFieldValue('answerArticleIds', [...new Set([...ids, a.id])]);
    },
    [form],
  );

  const focusPhone = () => focusSoon(() => phoneRef.current);
  const intake = useIntake(
    form,
    () => {
      form.resetFields();
      form.setFieldValue('answerArticleIds', undefined);
      setDeptManual(false);
      focusPhone();
    },
    () => suggestion.current,
  );
  const clear = () => {
    form.resetFields();
    form.setFieldValue('answerArticleIds', undefined);
    setDeptManual(false);
    intake.reset();
    focusPhone();
  };
  const locked = intake.registered != null;

  /** A suggested category fills the picker and, as choosing it by hand would, its default department. */
  const pickCategory = (id: number) => {
    if (locked) return;
    const r = resolveSuggestedCategory(id, byId);
    if (!r) return;
    if ('branch' in r) {
      // A branch is not a category an order can carry: ask for one of its matters.
      form.setFieldValue('categoryId', undefined);
      form.setFieldValue('departmentId', r.branch.effective.departmentId ?? undefined);
      message.info(
        `建议分类「${r.branch.path.join(' › ')}」下有 ${r.leaves.length} 个具体事项，请在分类中选择其一`,
      );
      setDeptManual(false);
      return;
    }
    form.setFieldValue('categoryId', r.leaf.id);
    form.setFieldValue('departmentId', r.leaf.effective.departmentId ?? undefined);
    setDeptManual(false);
  };
  const pickDepartment = (id: number) => {
    form.setFieldValue('departmentId', id);
    setDeptManual(true);
  };

  const send = async (m: IntakeMode) => {
    if (intake.busy) return;
    mode.current = m;
    try {
      const values = await form.validateFields();
      await intake.submit(m, { ...form.getFieldsValue(true), ...values });
    } catch {
      // validation messages are on the fields
    }
  };

  useShortcuts({
    new: () => {
      onActivate();
      clear();
    },
    category: () => {
      onActivate();
      focusSoon(() => categoryRef.current);
    },
    dispatch: () => (active ? send('dispatch') : onActivate()),
    closeDirect: () => (active ? send('close-direct') : onActivate()),
  });

  const onValuesChange = (changed: Partial<IntakeValues>) => {
    if ('departmentId' in changed) setDeptManual(changed.departmentId != null);
    if ('categoryId' in changed && !deptManual) {
      const c = changed.categoryId != null ? byId.get(changed.categoryId) : undefined;
      form.setFieldValue('departmentId', c?.effective.departmentId ?? undefined);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <IntakeOutcomeBanner outcome={intake.outcome} onClose={intake.reset} />
          <Card size="small" title="来电登记">
            <Form<IntakeValues>
              form={form}
              layout="vertical"
              initialValues={INITIAL}
              onValuesChange={onValuesChange}
              data-testid="workbench-form"
              requiredMark
            >
              <ConfigProvider componentDisabled={locked}>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={['caller', 'phone']}
                      label="来电号码"
                      rules={[
                        {
                          pattern: PHONE_PATTERN,
                          message: '电话号码格式不正确（5–20 位数字，可含 + - 括号和空格）',
                        },
                      ]}
                    >
                      <Input
                        ref={phoneRef}
                        autoFocus
                        placeholder="输入号码自动查询历史工单"
                        allowClear
                        inputMode="tel"
                        data-testid="workbench-phone"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={['caller', 'name']}
                      label="来电人"
                      rules={[{ max: 50, message: '姓名不超过 50 字' }]}
                    >
                      <Input placeholder="可不填" />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={5}>
                    <Form.Item
                      name={['caller', 'anonymous']}
                      label="匿名"
                      tooltip="市民不愿向承办单位透露身份：承办单位看不到姓名和电话"
                      valuePropName="checked"
                    >
                      <Switch data-testid="workbench-anonymous" />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={5}>
                    <Form.Item name={['caller', 'callbackWanted']} label="需要回访" valuePropName="checked">
                      <Switch data-testid="workbench-callback" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name="channel"
                      label="渠道"
                      rules={[{ required: true, message: '请选择受理渠道' }]}
                    >
                      <Select options={options(CHANNEL_LABELS)} data-testid="workbench-channel" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name="urgency"
                      label="紧急程度"
                      rules={[{ required: true, message: '请选择紧急程度' }]}
                    >
                      <Radio.Group
                        options={options(URGENCY_LABELS)}
                        optionType="button"
                        buttonStyle="solid"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item
                      name="type"
                      label="诉求类型"
                      rules={[{ required: true, message: '请选择诉求类型' }]}
                    >
                      <Radio.Group
                        options={options(TYPE_LABELS)}
                        optionType="button"
                        buttonStyle="solid"
                        data-testid="workbench-type"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name="categoryId"
                      label="分类（Alt+S 搜索）"
                      extra={category ? category.path.join(' › ') : undefined}
                    >
                      <CategorySelect ref={categoryRef} testId="workbench-category" />
                    </Form.Item>
                  </Col>
                  <DispatchFields
                    form={form}
                    category={category}
                    urgency={urgency}
                    manual={deptManual}
                    onManualChange={setDeptManual}
                    mode={mode}
                  />
                  <Col xs={24} md={8}>
                    <Form.Item name={['location', 'district']} label="区县">
                      <Select
                        allowClear
                        showSearch
                        options={DISTRICTS.map((d) => ({ value: d, label: d }))}
                        placeholder="选择区县"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item
                      name={['location', 'address']}
                      label="详细地址"
                      rules={[{ max: 200, message: '地址不超过 200 字' }]}
                    >
                      <Input placeholder="街道、小区、门牌" />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="title" label="标题" rules={[{ max: 100, message: '标题不超过 100 字' }]}>
                      <Input placeholder="可不填，默认取诉求内容开头" />
                    </Form.Item>
                    <Form.Item
                      name="content"
                      label="诉求内容"
                      rules={[
                        { required: true, whitespace: true, message: '请填写诉求内容' },
                        { max: 5000, message: '诉求内容不超过 5000 字' },
                      ]}
                    >
                      <Input.TextArea
                        rows={4}
                        showCount
                        maxLength={5000}
                        placeholder="市民反映的问题、诉求和期望"
                        data-testid="workbench-content"
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </ConfigProvider>
              <Form.Item
                name="answer"
                label="直接答复（直接办结时填写）"
                rules={[
                  {
                    validator: async (_, v?: string) => {
                      if (mode.current === 'close-direct' && !v?.trim())
                        throw new Error('直接办结请填写答复内容');
                    },
                  },
                ]}
              >
                <Input.TextArea
                  rows={2}
                  maxLength={5000}
                  placeholder="依据知识库当场答复市民的内容"
                  data-testid="workbench-answer"
                />
              </Form.Item>
              <IntakeButtons busy={intake.busy} onSend={send} onClear={clear} />
            </Form>
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <CallerHistory phone={phone} />
          <Suspense fallback={null}>
            <IntakeAssist
              value={{ title, content, district, address, phone }}
              onPickCategory={pickCategory}
              onPickDepartment={pickDepartment}
              onSuggestion={onSuggestion}
              onQuote={quote}
            />
          </Suspense>
          <ShortcutLegend />
        </Space>
      </Col>
    </Row>
  );
}
