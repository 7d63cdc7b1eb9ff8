import { describe, expect, it } from 'vitest';
import { findSession } from '../../src/extract/findSession.js';
import { cleanText } from '../../src/ingest/cleanText.js';

describe('findSession', () => {
  it('reads a delivery date and congress session, even split over two lines', () => {
    const found = findSession(
      cleanText(
        '政府工作报告\n\n（2023年2月21日在沁水县第十七届\n人民代表大会第四次会议上）\n\n一、2022年工作回顾\n\n二、2023年工作安排\n',
      ),
    );
    expect(found.session).toEqual({ name: '沁水县第十七届人民代表大会第四次会议', date: '2023-02-21', year: 2023 });
    expect(found).toMatchObject({ reviewYear: 2022, planYear: 2023, planStart: 3 });
  });

  it('reads dates in Chinese numerals', () => {
    const found = findSession(cleanText('（二〇二三年二月二十日在壶关县第十七届人民代表大会第三次会议上）\n'));
    expect(found.session.date).toBe('2023-02-20');
  });

  it('takes a newspaper issue date from its masthead line, and the 两会 name', () => {
    const found = findSession(
      cleanText('长治日报\n\n长治两会\n\n2026年1月17日 星期六\n\n过去的2025年，全县上下承压奋进。\n'),
    );
    expect(found.session).toEqual({ name: '长治两会', date: '2026-01-17', year: 2026 });
    expect(found.reviewYear).toBe(2025);
  });

  it('treats a report that reviews nothing as a plan for the session year', () => {
    const found = findSession(
      cleanText(
        '2026年1月18日 星期日\n\n坚持项目为王，积蓄发展动能\n\n确保2026年项目储备动态保持在1000亿元以上，新建项目开工40%以上。\n',
      ),
    );
    expect(found).toMatchObject({ reviewYear: undefined, planYear: 2026 });
    expect(found.planStart).toBe(1);
  });
});

describe('findSession on dates as reports print them', () => {
  const sessionOf = (text: string) => findSession(cleanText(text));

  it('reads dates with spaces, dots, line breaks and traditional characters', () => {
    expect(sessionOf('——2021年12 月 8 日在盘锦市兴隆台区第九届人民代表大会\n第一次会议上\n').session).toMatchObject({
      name: '盘锦市兴隆台区第九届人民代表大会第一次会议',
      date: '2021-12-08',
    });
    expect(sessionOf('（2024.1.10在某县第十八届人民代表大会第三次会议上）').session.date).toBe('2024-01-10');
    expect(sessionOf('2023年2月27日在瀏陽市第十八屆\n人民代表大會第三次會議上\n').session).toMatchObject({
      date: '2023-02-27',
      name: '浏阳市第十八届人民代表大会第三次会议',
    });
  });

  it('takes the meeting date, not a web page publication date', () => {
    const text =
      '公开日期：2025-04-15 14:43\n成文日期：2025年04月15日\n2025年3月21日在汉滨区第十九届\n人民代表大会第四次会议上\n一、过去一年工作回顾\n2024年，我们…\n';
    expect(sessionOf(text)).toMatchObject({ session: { date: '2025-03-21' }, reviewYear: 2024 });
  });

  it('completes a month and day with the year after the year reviewed', () => {
    expect(
      sessionOf('今天(2月10日)上午\n宜都市第九届人民代表大会第五次会议\n在宜都大剧院开幕\n回首2024年\n').session,
    ).toMatchObject({ name: '宜都市第九届人民代表大会第五次会议', date: '2025-02-10' });
  });

  it('reads the year a communiqué reports and finds no plan in it', () => {
    expect(sessionOf('2022年宁陕县国民经济和社会发展统计公报\n\n全县生产总值完成26.55亿元。\n')).toMatchObject({
      reviewYear: 2022,
      planYear: undefined,
    });
  });

  it('finds the year reviewed from the two years a report speaks of, when no cue names it', () => {
    expect(
      sessionOf(
        '三穗县第十五届人民代表大会第五次会议隆重开幕。\n2010年，全县生产总值实现131487万元。\n2011年，全县将…\n',
      ).reviewYear,
    ).toBe(2010);
  });
});
