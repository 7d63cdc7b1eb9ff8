// Composing a delegate's message: content hash that ignores Date and Message-ID but sees every change a delegate
// would read; report text HTML-escaped in the HTML body and left alone in the text body; subject templates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { composeMessage, MAIL_LIMITS, mailOptionsOf } from '../../src/mail/composeMessage.js';
import { loadSession, type MailSession } from '../../src/mail/loadSession.js';
import { compileSubject, DEFAULT_SUBJECT, loadMailTemplates } from '../../src/mail/mailTemplates.js';
import type { Delegate } from '../../src/mail/readDelegates.js';
import { archiveSession, removeTemporaryFolders } from './fixture.js';

const templates = loadMailTemplates();
const subject = compileSubject(DEFAULT_SUBJECT);
const ZHANG: Delegate = { line: 2, name: '张伟', email: 'zhang.wei@example.org', regions: ['沁源县', '沁水县'] };
const FROM = { header: 'renda@example.org', address: 'renda@example.org' };

let session: MailSession;

beforeAll(async () => {
  session = await loadSession((await archiveSession()).folder);
});
afterAll(removeTemporaryFolders);

/** The session with a highlight put first in 沁源县's summary. */
function withHighlight(base: MailSession, title: string, text: string): MailSession {
  const regions = base.regions.map((region) =>
    region.name === '沁源县'
      ? { ...region, summary: { ...region.summary, highlights: [{ title, text }, ...region.summary.highlights] } }
      : region,
  );
  return { ...base, regions };
}

describe('composeMessage', () => {
  it("lists last year's targets against this year's results (去年目标完成情况) when the summary has them, and nothing when not", () => {
    expect(composeMessage(session, ZHANG, { templates, subject }).text).not.toContain('去年目标完成情况');
    const lastYearTargets = {
      previous: { file: 'qinyuan-2025.txt', sha256: 'b'.repeat(64) },
      pairs: [
        {
          indicator: 'gdp',
          year: 2025,
          measure: 'growth' as const,
          target: {
            value: 6,
            unit: '%',
            qualifier: '左右',
            label: '地区生产总值增速',
            quote: '地区生产总值增长6%左右',
          },
          result: { value: 5.2, unit: '%', label: '地区生产总值', quote: '地区生产总值增长5.2%' },
          verdict: '未完成' as const,
          reason: '实际5.2%，目标6%左右：不低于5.5%',
        },
      ],
    };
    const regions = session.regions.map((region) =>
      region.name === '沁源县' ? { ...region, summary: { ...region.summary, lastYearTargets } } : region,
    );
    const message = composeMessage({ ...session, regions }, ZHANG, { templates, subject });
    expect(message.text).toContain('去年目标完成情况\n· 地区生产总值增速：目标增长6%左右，实际增长5.2%，未完成');
    expect(message.html).toContain('目标增长6%左右</td>');
    expect(message.text.indexOf('去年目标完成情况')).toBeLessThan(message.text.indexOf('■ 沁水县'));
  });

  it("quotes what the report says itself about last year's targets under the pairs", () => {
    const lastYearTargets = { previous: { file: 'qinyuan-2025.txt', sha256: 'b'.repeat(64) }, pairs: [] };
    const statedAttainment = [
      {
        says: '完成' as const,
        statement: '圆满完成年初确定的目标任务',
        quote: '过去一年，我们圆满完成年初确定的目标任务。',
      },
    ];
    const pair = {
      indicator: 'gdp',
      year: 2025,
      measure: 'growth' as const,
      target: { value: 6, unit: '%', label: '地区生产总值增速', quote: '地区生产总值增长6%' },
      verdict: '无可比数据' as const,
      reason: '今年的报告未给出',
    };
    const regions = session.regions.map((region) =>
      region.name === '沁源县'
        ? {
            ...region,
            summary: { ...region.summary, statedAttainment, lastYearTargets: { ...lastYearTargets, pairs: [pair] } },
          }
        : region,
    );
    const message = composeMessage({ ...session, regions }, ZHANG, { templates, subject });
    expect(message.text).toContain(
      '· 地区生产总值增速：目标增长6%，实际—，无可比数据\n报告自述：“圆满完成年初确定的目标任务”',
    );
    expect(message.html).toContain('报告自述：“圆满完成年初确定的目标任务”</td>');
  });

  it('renders subject, greeting, the regions in session order, figures and highlights, and attaches their PDFs', () => {
    const message = composeMessage(session, ZHANG, { templates, subject });
    expect(message.subject).toBe('长治两会 简报（2026年1月17日）');
    expect(message.attachments.map((attachment) => attachment.filename)).toEqual([
      '140431-沁源县.pdf',
      '140521-沁水县.pdf',
    ]);
    expect(message.text.indexOf('■ 沁源县')).toBeLessThan(message.text.indexOf('■ 沁水县'));
    const qinshui = session.regions.find((region) => region.name === '沁水县')!.summary;
    const shown = qinshui.figures.slice(0, MAIL_LIMITS.figures);
    for (const figure of shown) expect(message.html).toContain(`${figure.valueText}${figure.unit}`);
    expect(message.text).toContain(`（另有 ${qinshui.figures.length - shown.length} 项指标见附件 140521-沁水县.pdf）`);
    expect(message.html).toContain('>增长</th>');
    expect(message.text).not.toMatch(/\{\{|undefined|\[object/);
  });

  it("shows a growth's own bound after its rate (增长6%左右 → ▲6%左右), as the page does", () => {
    const regions = session.regions.map((region) =>
      region.name === '沁源县'
        ? {
            ...region,
            summary: {
              ...region.summary,
              figures: region.summary.figures.map((figure, index) =>
                index === 0 ? { ...figure, growthPct: 6, growthQualifier: '左右' } : figure,
              ),
            },
          }
        : region,
    );
    const message = composeMessage({ ...session, regions }, ZHANG, { templates, subject });
    expect(message.text).toContain('▲6%左右');
    expect(message.html).toContain('▲6%左右');
  });

  it('escapes report text in the HTML body and leaves it as written in the text body', () => {
    const tricky = withHighlight(session, '<script>alert("x")</script> & 沁源', '“两山”理念 <b>落地</b>');
    const message = composeMessage(tricky, ZHANG, { templates, subject });
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 沁源');
    expect(message.html).toContain('“两山”理念 &lt;b&gt;落地&lt;/b&gt;');
    expect(message.html).not.toContain('<script>');
    expect(message.text).toContain('· <script>alert("x")</script> & 沁源：“两山”理念 <b>落地</b>');
  });

  it('has a content hash that changes with what the delegate reads, not with the date', () => {
    const message = composeMessage(session, ZHANG, { templates, subject });
    expect(composeMessage(session, { ...ZHANG, line: 9 }, { templates, subject }).contentHash).toBe(
      message.contentHash,
    );
    expect(
      composeMessage(session, { ...ZHANG, email: 'ZHANG.WEI@example.org' }, { templates, subject }).contentHash,
    ).toBe(message.contentHash);
    expect(composeMessage(session, { ...ZHANG, name: '张 伟' }, { templates, subject }).contentHash).not.toBe(
      message.contentHash,
    );
    expect(composeMessage(session, { ...ZHANG, regions: ['沁源县'] }, { templates, subject }).contentHash).not.toBe(
      message.contentHash,
    );
    expect(composeMessage(withHighlight(session, '新亮点', ''), ZHANG, { templates, subject }).contentHash).not.toBe(
      message.contentHash,
    );
    expect(
      composeMessage(session, ZHANG, { templates, subject: compileSubject('{{name}}：{{regions}}') }).contentHash,
    ).not.toBe(message.contentHash);

    const monday = mailOptionsOf(message, { from: FROM, date: new Date('2026-01-19T08:00:00Z') });
    const tuesday = mailOptionsOf(message, { from: FROM, date: new Date('2026-01-20T08:00:00Z') });
    expect(monday.messageId).toBe(`<${message.contentHash.slice(0, 32)}.briefing@example.org>`);
    expect(tuesday.messageId).toBe(monday.messageId);
    expect(monday.to).toEqual({ name: '张伟', address: 'zhang.wei@example.org' });
  });
});

describe('compileSubject', () => {
  it('fills session, date, name and regions', () => {
    const render = compileSubject('{{session}}·{{regions}}·{{name}}·{{date}}');
    expect(render({ session: '长治两会', date: '2026年1月17日', name: '张伟', regions: '沁源县、沁水县' })).toBe(
      '长治两会·沁源县、沁水县·张伟·2026年1月17日',
    );
  });

  it('refuses an unknown variable or broken syntax as a usage error, before any mail is made', () => {
    for (const template of ['{{sesion}} 简报', '{{#if session}}简报', '{{session']) {
      const error = (() => {
        try {
          compileSubject(template);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(BriefingError);
      expect(error).toMatchObject({ code: 'USAGE', field: '--subject' });
    }
  });

  it('keeps a subject on one line', () => {
    expect(compileSubject('{{session}}\r\n简报')({ session: '长治两会', date: '', name: '', regions: '' })).toBe(
      '长治两会 简报',
    );
  });
});
