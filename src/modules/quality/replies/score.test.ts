import { describe, expect, it } from 'vitest';
import { bigramsOf, pointsOf, relevanceOf, scoreReply, termStats } from './score.ts';

const REQUEST =
  '源汇区黄河路与嵩山路交叉口东侧的三盏路灯已经一周晚上不亮了，行人过马路很危险。希望有关部门尽快修复路灯。什么时候能修好？';
const GOOD_REPLY =
  '市民您好：您反映的黄河路与嵩山路交叉口路灯不亮问题，市城市管理局已于2025年3月5日安排路灯所到现场核查，' +
  '系线路老化导致。根据《城市照明管理规定》，我局已更换线路，三盏路灯已于当天修复并恢复照明。如有疑问，可拨打0395-3123456咨询。';
const BOILERPLATE = '网友：您好！留言已收悉，已转相关单位办理。感谢您的留言。';

describe('reply quality (答复意见评价)', () => {
  it('scores a specific, complete reply good and a boilerplate one poor, with reasons', () => {
    const good = scoreReply(REQUEST, GOOD_REPLY);
    const poor = scoreReply(REQUEST, BOILERPLATE);
    expect(good.verdict).toBe('good');
    expect(poor.verdict).toBe('poor');
    expect(good.overall).toBeGreaterThan(poor.overall + 30);
    expect(good.evidence.elements).toMatchObject({
      action: '已更换线路',
      time: expect.stringContaining('2025年3月5日'),
      basis: '《城市照明管理规定》',
      contact: expect.stringContaining('0395-3123456'),
    });
    expect(good.evidence.elements.actor).not.toBeNull();
    expect(good.evidence.sharedTerms).toEqual(expect.arrayContaining(['路灯']));
    expect(good.reasons).toEqual([]);
    expect(poor.reasons).toEqual(
      expect.arrayContaining(['答复与诉求内容关联度低，未针对所反映的问题', '未引用政策或规定依据']),
    );
  });

  it('finds the points a request raises and whether each is taken up', () => {
    expect(pointsOf(REQUEST)).toHaveLength(2);
    const s = scoreReply(REQUEST, '黄河路路灯已修复。');
    expect(s.evidence.points.map((p) => p.answered)).toEqual([true, false]);
    expect(s.reasons.some((r) => r.startsWith('未回应诉求要点'))).toBe(true);
  });

  it('tells a reply to its own request from a reply to another one', () => {
    const other = '我市今年公积金贷款额度调整为最高60万元，请问二套房能否使用公积金贷款？';
    expect(relevanceOf(REQUEST, GOOD_REPLY).score).toBeGreaterThan(relevanceOf(other, GOOD_REPLY).score);
    const stats = termStats([REQUEST, GOOD_REPLY, BOILERPLATE, other]);
    expect(relevanceOf(REQUEST, GOOD_REPLY, stats).score).toBeGreaterThan(
      relevanceOf(other, GOOD_REPLY, stats).score,
    );
  });

  it('applies a category’s required elements', () => {
    const required = [{ label: '处理结果', pattern: /(?:修复|完成|恢复)/ }];
    expect(scoreReply(REQUEST, GOOD_REPLY, { required }).reasons).not.toContain('未说明处理结果');
    expect(scoreReply(REQUEST, '已安排人员查看。', { required }).reasons).toContain('未说明处理结果');
  });

  it('takes empty, punctuation-only and huge texts without failing', () => {
    expect(scoreReply('', '').verdict).toBe('poor');
    expect(bigramsOf('，。！？')).toEqual([]);
    const huge = '路灯不亮。'.repeat(200_000);
    const s = scoreReply(huge, GOOD_REPLY);
    expect(s.overall).toBeGreaterThan(0);
    expect(s.evidence.points.length).toBeLessThanOrEqual(8);
  });
});
