import { describe, expect, it } from 'vitest';
import { findSession } from '../../src/extract/findSession.js';
import { cleanText } from '../../src/ingest/cleanText.js';

describe('findSession', () => {
  it('reads a delivery date and congress session, even split over two lines', () => {
    const found = findSession(cleanText('政府工作报告\n\n（2023年2月21日在沁水县第十七届\n人民代表大会第四次会议上）\n\n一、2022年工作回顾\n\n二、2023年工作安排\n'));
    expect(found.session).toEqual({ name: '沁水县第十七届人民代表大会第四次会议', date: '2023-02-21', year: 2023 });
    expect(found).toMatchObject({ reviewYear: 2022, planYear: 2023, planStart: 3 });
  });

  it('reads dates in Chinese numerals', () => {
    const found = findSession(cleanText('（二〇二三年二月二十日在壶关县第十七届人民代表大会第三次会议上）\n'));
    expect(found.session.date).toBe('2023-02-20');
  });

  it('takes a newspaper issue date from its masthead line, and the 两会 name', () => {
    const found = findSession(cleanText('长治日报\n\n长治两会\n\n2026年1月17日 星期六\n\n过去的2025年，全县上下承压奋进。\n'));
    expect(found.session).toEqual({ name: '长治两会', date: '2026-01-17', year: 2026 });
    expect(found.reviewYear).toBe(2025);
  });

  it('treats a report that reviews nothing as a plan for the session year', () => {
    const found = findSession(cleanText('2026年1月18日 星期日\n\n坚持项目为王，积蓄发展动能\n\n确保2026年项目储备动态保持在1000亿元以上，新建项目开工40%以上。\n'));
    expect(found).toMatchObject({ reviewYear: undefined, planYear: 2026 });
    expect(found.planStart).toBe(1);
  });
});
