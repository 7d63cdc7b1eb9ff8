/**
 * The review page (served by `briefing serve`): pick a region, check each figure against the sentence it came from,
 * correct, hide or reorder it, choose highlights and targets, change the region, and see the page as it will print
 * after every edit. A report whose region the extractor could not settle is listed too, for a person to pick it.
 * Plain DOM, no framework: the page has one screen, and it must load offline from the package.
 */
import type { FieldIssue, MessageCode, Reason } from '../../summary/messages.js';

interface Figure {
  label: string;
  valueText: string;
  value: number;
  valueTo?: number;
  unit: string;
  qualifier?: string;
  growthPct?: number;
  growthPoints?: number;
  year?: number;
  kind: 'actual' | 'target';
  quote: string;
  offset?: number;
  indicator?: string;
  hidden?: true;
  reviewed?: { at: string; by?: string; extracted: { valueText: string; value: number; unit: string; label: string } };
  /** For a figure of a scan: the lowest confidence OCR had in its number (0–100). */
  ocrConfidence?: number;
}
interface Highlight {
  title: string;
  text: string;
  quote?: string;
}
interface RegionReading {
  name: string;
  parent: string;
  code: string;
  level: string;
  source?: 'text' | 'file-name' | 'scope' | 'user';
}
interface Region extends RegionReading {
  reviewed?: { at: string; by?: string; extracted?: RegionReading };
}
/** A division of the GB/T 2260 gazetteer, as the server's search lists it. */
interface Division {
  code: string;
  name: string;
  parent: string;
  level: string;
}
type Verdict = '完成' | '未完成' | '无可比数据';
interface PairedFigure {
  value: number;
  unit: string;
  label: string;
  quote: string;
}
/** One of last year's targets beside this year's result (the summary's lastYearTargets.pairs). */
interface TargetPair {
  resultIndicator?: string;
  year: number;
  target: PairedFigure;
  result?: PairedFigure;
  verdict: Verdict;
  reason: string;
  reviewed?: { at: string; by?: string; extracted: { verdict: Verdict; reason: string } };
}
interface StatedAttainment {
  says: '完成' | '未完成';
  statement: string;
  quote: string;
}
interface Summary {
  title: string;
  subtitle?: string;
  session: { name?: string; date?: string; year?: number };
  region: Region;
  figures: Figure[];
  highlights: Highlight[];
  targets: Highlight[];
  lastYearTargets?: { previous: { file: string }; pairs: TargetPair[] };
  statedAttainment?: StatedAttainment[];
  warnings: string[];
  [key: string]: unknown;
}
interface RegionStatus {
  id: string;
  name: string;
  parent: string;
  figures: number;
  hidden: number;
  corrected: number;
  warnings: number;
  reviewed: { at: string } | null;
  edited: boolean;
  saved: boolean;
  session: boolean;
}
/** A report the extractor could not give a region, with the divisions it weighed (best first). */
interface UnsettledStatus {
  id: string;
  file: string;
  reason: 'REGION_NOT_FOUND' | 'REGION_AMBIGUOUS';
  candidates: Division[];
}
interface UnsettledView {
  status: UnsettledStatus;
  source: DocumentView['source'];
  sourceFile: string;
}
interface SourceMark {
  figure: number;
  quoteStart: number;
  quoteEnd: number;
  numberStart: number;
  numberEnd: number;
}
interface DocumentView {
  status: RegionStatus;
  summary: Summary;
  version: string;
  file: string;
  source: { text: string; marks: SourceMark[]; unplaced: number[]; fromQuotes: boolean };
  sourceFile: string | null;
  candidates: { highlights: Highlight[]; targets: Highlight[] };
  template: string;
  templateFixed: boolean;
  /** For a scan or photo: its pages (shown beside the text) and the confidence below which a figure is flagged. */
  ocr: { pages: Array<{ page: number; meanConfidence: number; language: string }>; lowConfidence: number } | null;
}
type Issue = FieldIssue;
interface PdfJs {
  GlobalWorkerOptions: { workerSrc: string };
  getDocument(options: { data: Uint8Array; isEvalSupported: boolean }): { promise: Promise<PdfDocument> };
}
interface PdfDocument {
  getPage(number: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: {
    canvasContext: CanvasRenderingContext2D;
    viewport: { width: number; height: number };
    canvas: HTMLCanvasElement;
  }): { promise: Promise<void> };
}

const token = document.querySelector<HTMLMetaElement>('meta[name="briefing-token"]')!.content;
const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>('#summary-form');
const sourceText = $<HTMLDivElement>('#source-text');
const statusLine = $<HTMLSpanElement>('#status');
const canvas = $<HTMLCanvasElement>('#preview-canvas');
const templateSelect = $<HTMLSelectElement>('#template');

/** The region open in the form: the summary as loaded, and the edited copy with each figure's loaded index. */
let view: DocumentView | null = null;
/** Or the unsettled report open, waiting for its region. */
let unsettledOpen: UnsettledView | null = null;
let draft: Summary | null = null;
let origins: number[] = [];
let dirty = false;
let pdfjs: Promise<PdfJs> | null = null;
let previewTimer: number | undefined;
let previewSequence = 0;
let editStartedAt = 0;

/** The times from an edit to its new preview on screen, for the benchmark and the status line. */
const previewTimes: number[] = [];
(window as unknown as { briefingReview: unknown }).briefingReview = { previewTimes };

function api(path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-Briefing-Token': token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function say(message: string): void {
  statusLine.textContent = message;
}

// ---------------------------------------------------------------- regions

async function loadRegions(selectId?: string): Promise<void> {
  const response = await api('/api/regions');
  const data = (await response.json()) as {
    regions: RegionStatus[];
    unsettled: UnsettledStatus[];
    failures: { input: string; error: { message: string } }[];
    templates: string[];
    template: string;
  };
  if (templateSelect.options.length === 0) {
    for (const name of data.templates) templateSelect.append(element('option', { value: name }, name));
    templateSelect.value = data.template;
  }
  const list = $<HTMLUListElement>('#region-list');
  list.replaceChildren(...data.regions.map(regionItem), ...data.unsettled.map(unsettledItem));
  $<HTMLDivElement>('#failures').replaceChildren(
    ...data.failures.map((failure) =>
      element('p', { class: 'badge warn' }, `未能载入 ${failure.input}：${failure.error.message}`),
    ),
  );
  const address = addressed();
  const wanted = selectId ?? address.id;
  if (!view && !unsettledOpen) {
    const unsettled = data.unsettled.find((report) => report.id === wanted);
    const first = data.regions.find((region) => region.id === wanted) ?? data.regions[0];
    if (unsettled) await openUnsettled(unsettled.id);
    else if (first) await openAddress({ ...address, id: first.id });
    else if (data.unsettled[0]) await openUnsettled(data.unsettled[0].id);
  }
  markCurrent();
}

/** What the address names: a region, and perhaps one of its figures (#140431/figure/3, as a comparison cell gives it). */
function addressed(): { id: string; figure?: number } {
  const [id = '', part, figure] = decodeURIComponent(location.hash.slice(1)).split('/');
  return {
    id,
    ...(part === 'figure' && figure !== undefined && /^\d+$/.test(figure) ? { figure: Number(figure) } : {}),
  };
}

async function openAddress({ id, figure }: { id: string; figure?: number }): Promise<void> {
  if (view?.status.id !== id) await openRegion(id);
  if (figure !== undefined && view?.status.id === id) selectFigureRow(figure);
}

window.addEventListener('hashchange', () => {
  const address = addressed();
  if (address.id && (address.id !== view?.status.id || address.figure !== undefined)) void openAddress(address);
});

function regionItem(region: RegionStatus): HTMLLIElement {
  const badges = [
    element('span', { class: 'badge' }, `${region.figures} 个数字`),
    ...(region.warnings > 0
      ? [element('span', { class: 'badge warn', title: '提示需要人工核对' }, `⚠ ${region.warnings}`)]
      : []),
    region.reviewed
      ? element('span', { class: 'badge done', title: region.reviewed.at }, '已审核')
      : element('span', { class: 'badge' }, '未审核'),
    ...(region.edited ? [element('span', { class: 'badge edited' }, '已修改')] : []),
  ];
  const button = element(
    'button',
    { type: 'button', 'data-region': region.id },
    element('span', { class: 'name' }, region.name),
    element('span', { class: 'parent badge' }, region.parent),
    element('span', { class: 'badges' }, ...badges),
  );
  button.addEventListener('click', () => void openRegion(region.id));
  return element('li', { 'data-region': region.id }, button);
}

function unsettledItem(report: UnsettledStatus): HTMLLIElement {
  const badges = [
    element('span', { class: 'badge warn' }, '待选地区'),
    element('span', { class: 'badge' }, `${report.candidates.length} 个候选`),
  ];
  const button = element(
    'button',
    { type: 'button', 'data-unsettled': report.id, title: report.file },
    element('span', { class: 'name' }, '未定地区'),
    element('span', { class: 'parent badge' }, report.file),
    element('span', { class: 'badges' }, ...badges),
  );
  button.addEventListener('click', () => void openUnsettled(report.id));
  return element('li', { 'data-region': report.id, class: 'unsettled' }, button);
}

function markCurrent(): void {
  const current = view?.status.id ?? unsettledOpen?.status.id;
  for (const item of document.querySelectorAll<HTMLLIElement>('#region-list li'))
    item.classList.toggle('current', item.dataset.region === current);
}

function leaveUnsaved(id: string): boolean {
  return !dirty || !view || view.status.id === id || confirm('有未保存的更改，仍要切换地区吗？');
}

async function openRegion(id: string): Promise<void> {
  if (!leaveUnsaved(id)) return;
  const response = await api(`/api/regions/${encodeURIComponent(id)}`);
  if (!response.ok) {
    say(`无法载入：${response.status}`);
    return;
  }
  show((await response.json()) as DocumentView);
  location.hash = encodeURIComponent(id);
  markCurrent();
}

/** Shows a document as loaded (or saved): the source, the form, and its preview. */
function show(loaded: DocumentView): void {
  view = loaded;
  unsettledOpen = null;
  draft = structuredClone(loaded.summary);
  origins = loaded.summary.figures.map((_, index) => index);
  dirty = false;
  showRegionTitle(loaded.summary.region);
  canvas.parentElement!.hidden = false;
  templateSelect.disabled = loaded.templateFixed;
  if (loaded.templateFixed) templateSelect.value = loaded.template;
  renderSource(loaded);
  renderScan(loaded.status.id, loaded.ocr);
  renderForm();
  editStartedAt = performance.now();
  void refreshPreview();
}

function showRegionTitle(region: Region): void {
  $<HTMLSpanElement>('#region-title').textContent = `${region.name}（${region.parent}）`;
}

// ---------------------------------------------------------------- unsettled reports

async function openUnsettled(id: string): Promise<void> {
  if (!leaveUnsaved(id)) return;
  const response = await api(`/api/unsettled/${encodeURIComponent(id)}`);
  if (!response.ok) {
    say(`无法载入：${response.status}`);
    return;
  }
  const loaded = (await response.json()) as UnsettledView;
  view = null;
  draft = null;
  dirty = false;
  unsettledOpen = loaded;
  $<HTMLSpanElement>('#region-title').textContent = `未定地区：${loaded.status.file}`;
  renderSource(loaded);
  renderUnsettledForm(loaded.status);
  // Nothing to print until the region is known.
  canvas.parentElement!.hidden = true;
  $<HTMLElement>('#preview-note').textContent = '（选定地区后显示）';
  $<HTMLUListElement>('#trimmed').replaceChildren();
  location.hash = encodeURIComponent(id);
  markCurrent();
}

const REFUSALS: Record<UnsettledStatus['reason'], string> = {
  REGION_AMBIGUOUS: '无法确定这份报告属于哪个地区：以下地区的证据不相上下。',
  REGION_NOT_FOUND: '报告中没有找到足以确定地区的名称。',
};

function renderUnsettledForm(report: UnsettledStatus): void {
  const candidates = report.candidates.map((candidate) => {
    const button = element(
      'button',
      { type: 'button', class: 'candidate', 'data-code': candidate.code },
      element('strong', {}, candidate.name),
      ` ${candidate.parent} · ${candidate.code}`,
    );
    button.addEventListener('click', () => void settle(report.id, candidate));
    return element('li', {}, button);
  });
  form.replaceChildren(
    element(
      'fieldset',
      { class: 'region' },
      element('legend', {}, '地区'),
      element(
        'p',
        { class: 'refusal' },
        REFUSALS[report.reason],
        '请选择这份报告所属的地区，选定后即按该地区重新提取。',
      ),
      ...(candidates.length > 0
        ? [element('p', { class: 'caption' }, '可能的地区：'), element('ul', { class: 'candidates' }, ...candidates)]
        : []),
      element('p', { class: 'caption' }, candidates.length > 0 ? '都不是？搜索其他地区：' : '搜索地区：'),
      regionSearch((division) => void settle(report.id, division)),
      element('p', { id: 'form-error', class: 'error', role: 'alert' }),
    ),
  );
}

/** Extracts the report again with the region picked; it becomes a region like the others, saved as usual. */
async function settle(id: string, division: Division): Promise<void> {
  say(`正在按 ${division.name} 重新提取…`);
  const response = await api(`/api/unsettled/${encodeURIComponent(id)}/region`, { code: division.code });
  const data = (await response.json()) as DocumentView & { error?: { code: string; message: string; reason?: Reason } };
  if (!response.ok) {
    const problem =
      data.error?.code === 'INPUT_NOT_A_REPORT'
        ? '报告中没有带单位的数字，无法生成简报'
        : data.error
          ? wordsFor(data.error)
          : String(response.status);
    form.querySelector<HTMLElement>('#form-error')!.textContent = `未能按 ${division.name} 提取：${problem}`;
    say('未能提取');
    return;
  }
  show(data);
  location.hash = encodeURIComponent(data.status.id);
  say(`已选定 ${division.name}：核对后请保存`);
  await loadRegions(data.status.id);
}

// ---------------------------------------------------------------- the region search

const LEVEL_NAMES: Record<string, string> = {
  province: '省级',
  city: '地级',
  county: '县',
  district: '区',
  county_city: '县级市',
  banner: '旗',
  other: '其他',
};

/**
 * A search box over the GB/T 2260 gazetteer: a name, short name or code (沁源, 沁源县, 140431) lists matching
 * divisions, asked of the server as the person types; ↑/↓ and Enter, or a click, choose one. Typing a query is no edit
 * of the summary, so its input stays its own; Enter chooses while there is a query, and saves, as in every field,
 * when the box is empty.
 */
function regionSearch(choose: (division: Division) => void): HTMLElement {
  const box = element('input', {
    type: 'search',
    class: 'region-query',
    placeholder: '输入地区名称、简称或代码',
    'aria-label': '搜索地区',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'region-results',
  });
  const results = element('ul', {
    id: 'region-results',
    class: 'region-results',
    role: 'listbox',
    'aria-label': '匹配的地区',
  });
  results.hidden = true;
  /** The divisions listed, and the query they answer (the box may hold a newer one not yet asked). */
  let found: Division[] = [];
  let listedQuery = '';
  let active = 0;
  let sequence = 0;
  let timer: number | undefined;

  const close = (): void => {
    results.hidden = true;
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
  };
  const pick = (division: Division): void => {
    close();
    box.value = '';
    choose(division);
  };
  const highlight = (index: number): void => {
    active = index;
    for (const [at, item] of [...results.children].entries()) item.setAttribute('aria-selected', String(at === active));
    box.setAttribute('aria-activedescendant', `region-option-${active}`);
    results.children[active]?.scrollIntoView({ block: 'nearest' });
  };
  const list = (query: string, divisions: Division[]): void => {
    found = divisions;
    listedQuery = query;
    const items = divisions.map((division, index) => {
      const item = element(
        'li',
        { id: `region-option-${index}`, role: 'option', 'data-code': division.code },
        element('span', { class: 'name' }, division.name),
        element('span', { class: 'where' }, `${division.parent} · ${LEVEL_NAMES[division.level] ?? division.level}`),
        element('span', { class: 'code' }, division.code),
      );
      // mousedown, not click: the box keeps its focus, and the list is still there when the choice lands.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(division);
      });
      return item;
    });
    results.replaceChildren(...(items.length > 0 ? items : [element('li', { class: 'none' }, '没有匹配的地区')]));
    results.hidden = false;
    box.setAttribute('aria-expanded', 'true');
    if (items.length > 0) highlight(0);
  };
  /** Asks the server for the box's query; the answer is listed unless a newer query was asked since. */
  const search = async (): Promise<Division[] | undefined> => {
    window.clearTimeout(timer);
    const query = box.value.trim();
    const mine = ++sequence;
    if (!query) {
      close();
      return undefined;
    }
    const response = await api(`/api/divisions?q=${encodeURIComponent(query)}`);
    const data = (await response.json()) as { divisions: Division[] };
    // An answer that comes after the person left the box, or after a newer query, is not shown.
    if (mine !== sequence || document.activeElement !== box) return undefined;
    list(query, data.divisions);
    return data.divisions;
  };

  box.addEventListener('input', (event) => {
    event.stopPropagation();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(), 80);
  });
  box.addEventListener('keydown', (event) => {
    const query = box.value.trim();
    if (!['ArrowDown', 'ArrowUp', 'Enter', 'Escape'].includes(event.key) || (event.key === 'Enter' && !query)) return;
    event.preventDefault();
    event.stopPropagation();
    const listed = !results.hidden && listedQuery === query;
    if (event.key === 'Escape') {
      if (results.hidden) box.value = '';
      close();
    } else if (event.key === 'Enter') {
      // Typed faster than the list: Enter takes the best match of what the box holds now.
      const choice = listed ? found[active] : undefined;
      if (choice) pick(choice);
      else if (!listed) {
        void search().then((divisions) => {
          if (divisions?.[0]) pick(divisions[0]);
        });
      }
    } else if (listed && found.length > 0) {
      highlight((active + (event.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length);
    }
  });
  box.addEventListener('blur', close);
  box.addEventListener('focus', () => {
    if (box.value.trim()) void search();
  });
  return element('div', { class: 'region-search' }, box, results);
}

// ---------------------------------------------------------------- source pane

function renderSource(loaded: Pick<DocumentView, 'source' | 'sourceFile'>): void {
  const note = $<HTMLElement>('#source-note');
  const source = loaded.source;
  note.textContent = source.fromQuotes
    ? '（未找到原文，只列出各数字的原句：可用 --reports 指定原文所在文件夹）'
    : `${loaded.sourceFile ?? ''}${source.unplaced.length > 0 ? `（${source.unplaced.length} 个数字的原句未在原文中找到）` : ''}`;
  const cuts = new Set<number>([0, source.text.length]);
  for (const mark of source.marks)
    for (const at of [mark.quoteStart, mark.quoteEnd, mark.numberStart, mark.numberEnd]) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const text = source.text.slice(start, end);
    const quotes = source.marks.filter((mark) => mark.quoteStart <= start && end <= mark.quoteEnd);
    const number = source.marks.find(
      (mark) => mark.numberStart <= start && end <= mark.numberEnd && mark.numberStart < mark.numberEnd,
    );
    if (quotes.length === 0) {
      // Display only: runs of blank lines between paragraphs shown as one (the marks are placed already).
      fragment.append(text.replace(/\n[ \t\u3000]*(?:\n[ \t\u3000]*){2,}/g, '\n\n'));
      continue;
    }
    const span = element('span', { class: 'quote', 'data-figures': quotes.map((mark) => mark.figure).join(' ') });
    if (number) {
      // Out of the tab order (a report has hundreds): keyboard users reach each quote from its figure's 原文 button.
      const mark = element(
        'mark',
        { class: 'number', 'data-figure': String(number.figure), title: '点击查看此数字' },
        text,
      );
      span.append(mark);
    } else {
      span.append(text);
    }
    fragment.append(span);
  }
  sourceText.replaceChildren(fragment);
}

/** A scan's pages beside what OCR read from them, so a person can check a figure against the picture. */
function renderScan(id: string, ocr: DocumentView['ocr']): void {
  const scan = $<HTMLDivElement>('#source-scan');
  scan.hidden = !ocr;
  scan.closest('.source')!.classList.toggle('with-scan', Boolean(ocr));
  scan.replaceChildren(
    ...(ocr?.pages ?? []).map(({ page, meanConfidence }) => {
      const src = `/api/regions/${encodeURIComponent(id)}/pages/${page}?token=${token}`;
      // The column is narrow: a click opens the page at full size to read a figure.
      return element(
        'figure',
        { class: 'scan-page' },
        element(
          'a',
          { href: src, target: '_blank', rel: 'noopener', title: '在新窗口中查看原图' },
          element('img', { src, alt: `扫描第 ${page} 页`, loading: 'lazy' }),
        ),
        element('figcaption', {}, `第 ${page} 页 · OCR 平均置信度 ${meanConfidence}`),
      );
    }),
  );
}

sourceText.addEventListener('click', (event) => {
  const mark = (event.target as HTMLElement).closest<HTMLElement>('mark.number');
  if (mark) selectFigureRow(Number(mark.dataset.figure));
});
/** Scrolls the figure's quote into view and flashes it (the figure as loaded: its origin). */
function showQuote(origin: number): void {
  for (const active of sourceText.querySelectorAll('.active')) active.classList.remove('active', 'flash');
  const spans = [...sourceText.querySelectorAll<HTMLElement>('.quote')].filter((span) =>
    (span.dataset.figures ?? '').split(' ').includes(String(origin)),
  );
  const numbers = [...sourceText.querySelectorAll<HTMLElement>(`mark.number[data-figure="${origin}"]`)];
  for (const span of [...spans, ...numbers]) {
    span.classList.add('active');
    void span.offsetWidth;
    span.classList.add('flash');
  }
  (numbers[0] ?? spans[0])?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function selectFigureRow(origin: number): void {
  const index = origins.indexOf(origin);
  const row = form.querySelector<HTMLLIElement>(`li.figure[data-index="${index}"]`);
  if (!row) return;
  for (const selected of form.querySelectorAll('li.selected')) selected.classList.remove('selected');
  row.classList.add('selected', 'flash');
  row.scrollIntoView({ block: 'center', behavior: 'smooth' });
  row.querySelector<HTMLInputElement>('input[data-field="value"]')?.focus({ preventScroll: true });
  showQuote(origin);
}

// ---------------------------------------------------------------- form

const KIND_NAMES = { actual: '实绩', target: '目标' } as const;

function renderForm(): void {
  if (!view || !draft) return;
  const summary = draft;
  const warnings =
    summary.warnings.length > 0
      ? [
          element(
            'ul',
            { class: 'warnings', 'aria-label': '提示' },
            ...summary.warnings.map((warning) => element('li', {}, warning)),
          ),
        ]
      : [];
  const basics = element(
    'fieldset',
    {},
    element('legend', {}, '基本信息'),
    textField('标题', 'title', summary.title),
    textField('副标题', 'subtitle', summary.subtitle ?? ''),
    textField('会议', 'session.name', summary.session.name ?? ''),
    textField('日期', 'session.date', summary.session.date ?? '', 'YYYY-MM-DD'),
  );
  const figures = element(
    'fieldset',
    {},
    element('legend', {}, `数字（${summary.figures.length}）`),
    element('ol', { class: 'items figures', 'aria-label': '数字' }, ...summary.figures.map(figureRow)),
  );
  const lists = (['highlights', 'targets'] as const).map(listFieldset);
  const attainment = attainmentFieldset();
  const actions = element(
    'div',
    { class: 'actions' },
    element('button', { type: 'submit', class: 'primary' }, '保存'),
    element('button', { type: 'button', 'data-action': 'revert' }, '撤销未保存的更改'),
    element('span', { class: 'hint' }, 'Enter 保存 · Esc 还原当前栏 · Alt+↑/↓ 移动数字'),
  );
  form.replaceChildren(
    element('div', { id: 'banner' }),
    ...warnings,
    regionFieldset(),
    basics,
    figures,
    ...attainment,
    ...lists,
    element('p', { id: 'form-error', class: 'error', role: 'alert' }),
    actions,
  );
}

const REGION_SOURCES: Record<NonNullable<Region['source']>, string> = {
  text: '据原文',
  'file-name': '据文件名',
  scope: '据会议范围',
  user: '人工指定',
};

/**
 * The region: as it stands in the draft, with what the extractor read when a person changed it, and the search that
 * changes it. The server takes only the code and records the change (reviewed.extracted keeps the extractor's).
 */
function regionFieldset(): HTMLFieldSetElement {
  const region = draft!.region;
  const loaded = view!.summary.region;
  const extracted = loaded.reviewed ? loaded.reviewed.extracted : loaded;
  const current = element(
    'p',
    { class: 'region-current', 'data-path': 'region', 'data-code': region.code },
    element('strong', {}, region.name),
    ` ${region.parent} · ${region.code}`,
    ...(region.source
      ? [element('span', { class: `badge${region.source === 'user' ? ' edited' : ''}` }, REGION_SOURCES[region.source])]
      : []),
  );
  const origin = !extracted
    ? [element('p', { class: 'region-extracted' }, '提取时未能确定地区，由审核人选定')]
    : region.code !== extracted.code
      ? [
          element(
            'p',
            { class: 'region-extracted' },
            `提取结果：${extracted.name}（${extracted.parent} · ${extracted.code}）`,
          ),
        ]
      : [];
  const change = view!.status.session
    ? element('p', { class: 'hint' }, '会议文件夹中的地区不能在此更改：归档按地区命名文件、排列合订本。')
    : regionSearch((division) => {
        if (division.code === region.code) return;
        // Shown at once; the server writes the gazetteer's name and level for the code, and records the change (or,
        // back at the extracted region, removes the record).
        draft!.region =
          division.code === extracted?.code
            ? structuredClone(extracted)
            : {
                code: division.code,
                name: division.name,
                parent: division.parent,
                level: division.level,
                source: 'user',
              };
        showRegionTitle(draft!.region);
        edited();
        form.querySelector<HTMLInputElement>('.region-query')?.focus();
      });
  return element(
    'fieldset',
    { class: 'region' },
    element('legend', {}, '地区'),
    current,
    ...origin,
    change,
    element('span', { class: 'error', 'data-error-for': 'region' }),
  );
}

function textField(caption: string, path: string, value: string, placeholder = ''): HTMLLabelElement {
  const input = element('input', { type: 'text', 'data-path': path, value, placeholder });
  input.value = value;
  return element(
    'label',
    { class: 'field' },
    caption,
    input,
    element('span', { class: 'error', 'data-error-for': path }),
  );
}

function figureRow(figure: Figure, index: number): HTMLLIElement {
  const origin = origins[index]!;
  const path = (field: string): string => `figures.${index}.${field}`;
  const input = (
    caption: string,
    field: keyof Figure,
    value: string,
    wide = false,
    mode = 'text',
  ): HTMLLabelElement => {
    const box = element('input', { type: 'text', 'data-path': path(field), 'data-field': field, inputmode: mode });
    box.value = value;
    return element(
      'label',
      wide ? { class: 'wide' } : {},
      caption,
      box,
      element('span', { class: 'error', 'data-error-for': path(field) }),
    );
  };
  const kind = element(
    'select',
    { 'data-path': path('kind'), 'data-field': 'kind' },
    ...(['actual', 'target'] as const).map((name) => element('option', { value: name }, KIND_NAMES[name])),
  );
  kind.value = figure.kind;
  const shown = element('input', { type: 'checkbox', 'data-field': 'shown', 'aria-label': '印在简报上' });
  shown.checked = !figure.hidden;
  const unsure =
    view?.ocr && figure.ocrConfidence !== undefined && figure.ocrConfidence < view.ocr.lowConfidence
      ? [
          element(
            'span',
            { class: 'badge warn ocr-unsure', title: 'OCR 对这个数字把握不大：请对照扫描页核对' },
            `OCR 存疑（置信度 ${figure.ocrConfidence}）`,
          ),
        ]
      : [];
  const corrected = figure.reviewed
    ? [
        element(
          'span',
          { class: 'corrected', title: `更正于 ${figure.reviewed.at}` },
          `已更正（原文 ${figure.reviewed.extracted.valueText}${figure.reviewed.extracted.unit}）`,
        ),
      ]
    : [];
  const row = element(
    'li',
    {
      class: `figure${figure.hidden ? ' hidden-figure' : ''}`,
      'data-index': String(index),
      'data-origin': String(origin),
      draggable: 'true',
    },
    element(
      'div',
      { class: 'item-head' },
      element('span', { class: 'grip', title: '拖动以调整顺序', 'aria-hidden': 'true' }, '⠿'),
      element('button', { type: 'button', 'data-action': 'locate', title: '在原文中找到这句话' }, `#${index + 1} 原文`),
      element('label', {}, shown, '印出'),
      ...unsure,
      ...corrected,
      element('span', { class: 'spacer' }),
      element('button', { type: 'button', 'data-action': 'up', 'aria-label': '上移' }, '↑'),
      element('button', { type: 'button', 'data-action': 'down', 'aria-label': '下移' }, '↓'),
    ),
    element(
      'div',
      { class: 'figure-grid' },
      input('名称', 'label', figure.label, true),
      input('数值', 'value', String(figure.value), false, 'decimal'),
      input('单位', 'unit', figure.unit),
      input('增长 %', 'growthPct', figure.growthPct === undefined ? '' : String(figure.growthPct), false, 'decimal'),
      input('年份', 'year', figure.year === undefined ? '' : String(figure.year), false, 'numeric'),
      element('label', {}, '类别', kind, element('span', { class: 'error', 'data-error-for': path('kind') })),
      input('指标', 'indicator', figure.indicator ?? ''),
    ),
  );
  return row;
}

const VERDICTS: Verdict[] = ['完成', '未完成', '无可比数据'];

/**
 * 去年目标完成情况: each pair's two sentences side by side — last year's target, this year's result (a button finds it
 * in the report) — with the rule's verdict and reason, and a verdict a person may set instead (the server records it
 * as reviewed). Below them, what the report says itself about its targets, quoted.
 */
function attainmentFieldset(): HTMLFieldSetElement[] {
  const targets = draft!.lastYearTargets;
  const said = draft!.statedAttainment ?? [];
  if (!targets && said.length === 0) return [];
  const loaded = view!.summary.lastYearTargets?.pairs ?? [];
  const rows = (targets?.pairs ?? []).map((pair, index) => {
    const rule = loaded[index]!.reviewed?.extracted ?? {
      verdict: loaded[index]!.verdict,
      reason: loaded[index]!.reason,
    };
    const verdict = element(
      'select',
      { 'data-pair': String(index), 'aria-label': `${pair.target.label}：完成情况` },
      ...VERDICTS.map((name) => element('option', { value: name }, name)),
    );
    verdict.value = pair.verdict;
    const resultFigure = pair.result
      ? view!.summary.figures.findIndex((figure) => figure.quote === pair.result!.quote)
      : -1;
    return element(
      'li',
      { class: `pair verdict-${VERDICTS.indexOf(pair.verdict)}`, 'data-pair': String(index) },
      element(
        'div',
        { class: 'item-head' },
        // A target set for each part (城乡居民…分别增长7.5%) is answered by the part the result names.
        element('strong', {}, pair.resultIndicator && pair.result ? pair.result.label : pair.target.label),
        ` ${pair.year}年`,
        element('span', { class: 'spacer' }),
        verdict,
        ...(pair.verdict !== rule.verdict
          ? [element('span', { class: 'badge edited' }, `已改判（按规则：${rule.verdict}）`)]
          : []),
      ),
      element(
        'div',
        { class: 'pair-sentences' },
        element('blockquote', { class: 'pair-target' }, element('small', {}, '去年报告 · 目标'), pair.target.quote),
        element(
          'blockquote',
          { class: 'pair-result' },
          element('small', {}, '今年报告 · 实绩'),
          pair.result?.quote ?? '今年的报告未给出可比的数字',
          ...(resultFigure >= 0
            ? [
                element(
                  'button',
                  { type: 'button', 'data-action': 'locate-figure', 'data-origin': String(resultFigure) },
                  '原文',
                ),
              ]
            : []),
        ),
      ),
      element('p', { class: 'hint' }, `规则：${rule.reason}`),
    );
  });
  const statements = said.map((statement) =>
    element('blockquote', { class: 'stated' }, element('small', {}, `报告自述 · ${statement.says}`), statement.quote),
  );
  return [
    element(
      'fieldset',
      { class: 'attainment' },
      element('legend', {}, `去年目标完成情况（${rows.length}）`),
      ...(targets ? [element('p', { class: 'hint' }, `去年的报告：${targets.previous.file}`)] : []),
      element('ol', { class: 'items pairs', 'aria-label': '去年目标' }, ...rows),
      ...statements,
    ),
  ];
}

function listFieldset(list: 'highlights' | 'targets'): HTMLFieldSetElement {
  const items = draft![list];
  const caption = list === 'highlights' ? '亮点' : '目标';
  const rows = items.map((item, index) => {
    const title = element('input', { type: 'text', 'data-path': `${list}.${index}.title` });
    title.value = item.title;
    const text = element('textarea', { 'data-path': `${list}.${index}.text`, rows: '2' });
    text.value = item.text;
    return element(
      'li',
      { 'data-list': list, 'data-index': String(index) },
      element(
        'div',
        { class: 'item-head' },
        `${index + 1}`,
        element('span', { class: 'spacer' }),
        element('button', { type: 'button', 'data-action': 'up', 'aria-label': '上移' }, '↑'),
        element('button', { type: 'button', 'data-action': 'down', 'aria-label': '下移' }, '↓'),
        element('button', { type: 'button', 'data-action': 'remove', 'aria-label': '移除' }, '移除'),
      ),
      element(
        'label',
        { class: 'field' },
        '标题',
        title,
        element('span', { class: 'error', 'data-error-for': `${list}.${index}.title` }),
      ),
      element(
        'label',
        { class: 'field' },
        '内容',
        text,
        element('span', { class: 'error', 'data-error-for': `${list}.${index}.text` }),
      ),
    );
  });
  const present = new Set(items.map((item) => item.title));
  const candidates = (view?.candidates[list] ?? []).filter((candidate) => !present.has(candidate.title));
  const picker = element(
    'select',
    { 'data-candidates': list, 'aria-label': `从原文选择${caption}` },
    element('option', { value: '' }, `从原文句子中添加${caption}…`),
    ...candidates.map((candidate, index) => element('option', { value: String(index) }, candidate.title)),
  );
  const add = element('button', { type: 'button', 'data-action': 'add', 'data-list': list }, '添加');
  (add as HTMLButtonElement & { candidates?: Highlight[] }).candidates = candidates;
  return element(
    'fieldset',
    {},
    element('legend', {}, `${caption}（${items.length}）`),
    element('ol', { class: 'items', 'data-list': list }, ...rows),
    element('div', { class: 'adder' }, picker, add),
  );
}

/** Reads an edited field into the draft; a number that does not parse is an error on its field. */
function readField(target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string | undefined {
  if (!draft) return undefined;
  const path = target.dataset.path;
  const row = target.closest<HTMLLIElement>('li.figure');
  if (row && target instanceof HTMLInputElement && target.dataset.field === 'shown') {
    const figure = draft.figures[Number(row.dataset.index)]!;
    if (target.checked) delete figure.hidden;
    else figure.hidden = true;
    row.classList.toggle('hidden-figure', !target.checked);
    return undefined;
  }
  if (!path) return undefined;
  const [first, second, third] = path.split('.');
  const value = target.value;
  if (first === 'figures') {
    const figure = draft.figures[Number(second)]! as unknown as Record<string, unknown>;
    const field = third!;
    if (['value', 'growthPct', 'year'].includes(field)) {
      const text = value.trim().replace(/，/g, ',').replace(/,/g, '');
      if (text === '' && field !== 'value') {
        delete figure[field];
        return undefined;
      }
      const number = Number(text);
      if (text === '' || !Number.isFinite(number)) return '请输入数字';
      if (field === 'year' && !Number.isInteger(number)) return '年份应为整数';
      figure[field] = number;
      return undefined;
    }
    if (field === 'indicator' && value.trim() === '') delete figure.indicator;
    else figure[field] = field === 'indicator' ? value.trim() : value;
    return undefined;
  }
  if (first === 'highlights' || first === 'targets') {
    draft[first][Number(second)]![third as 'title' | 'text'] = value;
    return undefined;
  }
  if (first === 'session') {
    if (value.trim() === '') delete draft.session[second as 'name' | 'date'];
    else draft.session[second as 'name' | 'date'] = value.trim();
    return undefined;
  }
  if (first === 'subtitle' && value.trim() === '') delete draft.subtitle;
  else draft[first as 'title' | 'subtitle'] = value;
  return undefined;
}

/** Field errors the page found itself (numbers that do not parse); such a draft is not sent. */
const localErrors = new Map<string, string>();

form.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement;
  const problem = readField(target);
  const path = target.dataset.path;
  if (path) {
    if (problem) localErrors.set(path, problem);
    else localErrors.delete(path);
  }
  markDirty();
  showErrors([]);
  schedulePreview();
});
form.addEventListener('change', (event) => {
  // A select's or checkbox's change also counts as an edit (some browsers send no input event for them).
  const target = event.target as HTMLElement;
  if (target instanceof HTMLSelectElement && target.dataset.candidates) return;
  if (target instanceof HTMLSelectElement && target.dataset.pair !== undefined) {
    draft!.lastYearTargets!.pairs[Number(target.dataset.pair)]!.verdict = target.value as Verdict;
    edited();
    return;
  }
  if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox')) {
    readField(target);
    markDirty();
    schedulePreview();
  }
});

form.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
  if (!button || !draft) return;
  const action = button.dataset.action;
  if (action === 'revert') {
    if (view) show(view);
    return;
  }
  const item = button.closest<HTMLLIElement>('li');
  if (action === 'locate' && item) {
    selectFigureRow(Number(item.dataset.origin));
    return;
  }
  if (action === 'locate-figure') {
    selectFigureRow(Number(button.dataset.origin));
    return;
  }
  if (action === 'add') {
    const list = button.dataset.list as 'highlights' | 'targets';
    const picker = form.querySelector<HTMLSelectElement>(`select[data-candidates="${list}"]`)!;
    const candidate = (button as HTMLButtonElement & { candidates?: Highlight[] }).candidates?.[Number(picker.value)];
    if (picker.value === '' || !candidate) return;
    draft[list].push(structuredClone(candidate));
    edited();
    return;
  }
  if (!item) return;
  const index = Number(item.dataset.index);
  const list = item.classList.contains('figure') ? 'figures' : (item.dataset.list as 'highlights' | 'targets');
  if (action === 'up' || action === 'down') move(list, index, action === 'up' ? index - 1 : index + 1);
  if (action === 'remove' && list !== 'figures') {
    draft[list].splice(index, 1);
    edited();
  }
});

/** Moves an item of a list (figures keep their loaded index beside them). */
function move(list: 'figures' | 'highlights' | 'targets', from: number, to: number): void {
  if (!draft) return;
  const items = draft[list] as unknown[];
  if (to < 0 || to >= items.length || from === to) return;
  items.splice(to, 0, items.splice(from, 1)[0]);
  if (list === 'figures') origins.splice(to, 0, origins.splice(from, 1)[0]!);
  edited();
  const selector = list === 'figures' ? `li.figure[data-index="${to}"]` : `li[data-list="${list}"][data-index="${to}"]`;
  form.querySelector<HTMLElement>(`${selector} button[data-action="${to < from ? 'up' : 'down'}"]`)?.focus();
}

function markDirty(): void {
  dirty = true;
  editStartedAt = performance.now();
  say('有未保存的更改（Enter 保存）');
}

/** A structural edit (order, list membership): the form is drawn again from the draft. */
function edited(): void {
  markDirty();
  const scroll = form.parentElement!.scrollTop;
  renderForm();
  form.parentElement!.scrollTop = scroll;
  schedulePreview();
}

let dragged: number | null = null;
form.addEventListener('dragstart', (event) => {
  const row = (event.target as HTMLElement).closest<HTMLLIElement>('li.figure');
  if (!row) return;
  dragged = Number(row.dataset.index);
  event.dataTransfer?.setData('text/plain', String(dragged));
});
form.addEventListener('dragover', (event) => {
  const row = (event.target as HTMLElement).closest<HTMLLIElement>('li.figure');
  if (row && dragged !== null) {
    event.preventDefault();
    for (const over of form.querySelectorAll('.drag-over')) over.classList.remove('drag-over');
    row.classList.add('drag-over');
  }
});
form.addEventListener('drop', (event) => {
  const row = (event.target as HTMLElement).closest<HTMLLIElement>('li.figure');
  if (!row || dragged === null) return;
  event.preventDefault();
  move('figures', dragged, Number(row.dataset.index));
  dragged = null;
});
form.addEventListener('dragend', () => {
  dragged = null;
  for (const over of form.querySelectorAll('.drag-over')) over.classList.remove('drag-over');
});

/** The value a field had when it got focus: Esc puts it back. */
const valueAtFocus = new WeakMap<HTMLElement, string>();
form.addEventListener('focusin', (event) => {
  const target = event.target as HTMLInputElement;
  if ('value' in target) valueAtFocus.set(target, target.value);
  const row = target.closest<HTMLLIElement>('li.figure');
  if (row && !row.classList.contains('selected')) {
    for (const selected of form.querySelectorAll('li.selected')) selected.classList.remove('selected');
    row.classList.add('selected');
    showQuote(Number(row.dataset.origin));
  }
});
form.addEventListener('keydown', (event) => {
  const target = event.target as HTMLInputElement;
  if (event.key === 'Escape' && valueAtFocus.has(target)) {
    event.preventDefault();
    target.value = valueAtFocus.get(target)!;
    target.dispatchEvent(new Event('input', { bubbles: true }));
    target.blur();
    return;
  }
  const row = target.closest<HTMLLIElement>('li.figure');
  if (row && event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    event.preventDefault();
    const index = Number(row.dataset.index);
    move('figures', index, event.key === 'ArrowUp' ? index - 1 : index + 1);
  }
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void save();
});
templateSelect.addEventListener('change', () => {
  editStartedAt = performance.now();
  schedulePreview();
});

function showErrors(issues: Issue[]): void {
  for (const invalid of form.querySelectorAll('.invalid')) invalid.classList.remove('invalid');
  for (const error of form.querySelectorAll<HTMLElement>('[data-error-for]')) error.textContent = '';
  const general: string[] = [];
  const all = [...[...localErrors].map(([path, message]) => ({ path: `$.${path}`, message })), ...issues];
  for (const issue of all) {
    // The region is one field on the page, whatever part of it the server found wrong.
    const path = issue.path
      .replace(/^\$\.?/, '')
      .replace(/\[(\d+)\]/g, '.$1')
      .replace(/^region\..*/, 'region');
    const field =
      form.querySelector<HTMLElement>(`[data-path="${path}"]`) ??
      form.querySelector<HTMLElement>(`[data-path="${path.replace(/\.valueText$/, '.value')}"]`);
    const slot = field && form.querySelector<HTMLElement>(`[data-error-for="${field.dataset.path}"]`);
    if (field && slot) {
      field.classList.add('invalid');
      field.setAttribute('aria-invalid', 'true');
      slot.textContent = wordsFor(issue);
    } else {
      general.push(`${issue.path}：${wordsFor(issue)}`);
    }
  }
  const formError = form.querySelector<HTMLElement>('#form-error');
  if (formError) formError.textContent = general.join('；');
}

/** What the server says, in the page's language: by its reason code and arguments; a message with none is shown as it is. */
function wordsFor(said: { message: string; reason?: Reason }): string {
  const reason = said.reason;
  if (!reason) return said.message;
  const arg = (name: string): string => String(reason.args?.[name] ?? '');
  const words: Record<MessageCode, () => string> = {
    date_format: () => '日期格式应为 YYYY-MM-DD',
    too_small: () => `不能小于 ${arg('minimum')}`,
    too_big: () => `不能大于 ${arg('maximum')}`,
    empty: () => '不能为空',
    not_integer: () => '应为整数',
    quote_lacks_value: () => '原句中没有这个数字',
    control_character: () => '含有控制字符',
    too_long: () => `超过 ${arg('maximum')} 个字`,
    region_locked: () => '会议文件夹中的地区不能在此更改',
    unknown_region_code: () => `地区代码 ${arg('code')} 不在 GB/T 2260 中`,
    summary_exists: () => `已有另一份关于${arg('region')}的摘要（${arg('file')}），未保存`,
  };
  return words[reason.code]();
}

// ---------------------------------------------------------------- preview

function schedulePreview(): void {
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => void refreshPreview(), 40);
}

function editBody(): { summary: Summary; origins: number[]; template: string } {
  return { summary: draft!, origins, template: templateSelect.value };
}

async function refreshPreview(): Promise<void> {
  if (!view || !draft) return;
  if (localErrors.size > 0) {
    showErrors([]);
    $<HTMLElement>('#preview-note').textContent = '（有错误，预览未更新）';
    return;
  }
  const sequence = ++previewSequence;
  const startedAt = editStartedAt;
  const response = await api(`/api/regions/${encodeURIComponent(view.status.id)}/preview`, editBody());
  if (sequence !== previewSequence) return;
  const data = (await response.json()) as {
    pdf?: string;
    pages?: number;
    trimmed?: string[];
    warnings?: string[];
    issues?: Issue[];
    error?: { message: string };
  };
  if (!response.ok || !data.pdf) {
    showErrors(data.issues ?? []);
    if (!data.issues) say(`预览失败：${data.error?.message ?? response.status}`);
    $<HTMLElement>('#preview-note').textContent = '（有错误，预览未更新）';
    return;
  }
  showErrors([]);
  await drawPdf(data.pdf);
  if (sequence !== previewSequence) return;
  const elapsed = Math.round(performance.now() - startedAt);
  previewTimes.push(elapsed);
  $<HTMLElement>('#preview-note').textContent = `（${data.pages} 页 · ${elapsed} ms）`;
  const trimmed = [...(data.trimmed ?? []).map(trimmedInChinese), ...(data.warnings ?? [])];
  $<HTMLUListElement>('#trimmed').replaceChildren(...trimmed.map((item) => element('li', {}, item)));
  document.body.dataset.preview = String(sequence);
}

const ITEM_NAMES: Record<string, string> = { figure: '数字', highlight: '亮点', target: '目标' };

/** What fitting left off the page (the renderer says it in English, for logs), in the page's language. */
function trimmedInChinese(item: string): string {
  const tiles = /^the (\S+) template shows the (\d+) top-ranked of (\d+) figures/.exec(item);
  if (tiles) return `版式 ${tiles[1]} 只印排名前 ${tiles[2]} 的数字（共 ${tiles[3]} 个，摘要中全部保留）`;
  const notShown = /^not shown: (figure|highlight|target) (“.*”) \(the (\S+) template shows at most (\d+)\)$/.exec(
    item,
  );
  if (notShown)
    return `未印出${ITEM_NAMES[notShown[1]!]}${notShown[2]}（版式 ${notShown[3]} 最多印 ${notShown[4]} 条）`;
  const cut = /^trimmed to fit one page: (figure|highlight|target) (“.*”)$/.exec(item);
  if (cut) return `为排成一页未印出${ITEM_NAMES[cut[1]!]}${cut[2]}`;
  return item;
}

async function drawPdf(base64: string): Promise<void> {
  pdfjs ??= import(`/assets/pdf.mjs?token=${token}`).then((module: PdfJs) => {
    module.GlobalWorkerOptions.workerSrc = `/assets/pdf.worker.mjs?token=${token}`;
    return module;
  });
  const library = await pdfjs;
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const pdf = await library.getDocument({ data: bytes, isEvalSupported: false }).promise;
  try {
    const page = await pdf.getPage(1);
    const width = canvas.parentElement!.clientWidth || 320;
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (width / base.width) * (window.devicePixelRatio || 1) });
    // Drawn off screen, then copied: the visible page never shows half a render.
    const offscreen = document.createElement('canvas');
    offscreen.width = Math.round(viewport.width);
    offscreen.height = Math.round(viewport.height);
    await page.render({ canvasContext: offscreen.getContext('2d')!, viewport, canvas: offscreen }).promise;
    canvas.width = offscreen.width;
    canvas.height = offscreen.height;
    canvas.getContext('2d')!.drawImage(offscreen, 0, 0);
  } finally {
    await pdf.destroy();
  }
}

// ---------------------------------------------------------------- save

async function save(): Promise<void> {
  if (!view || !draft) return;
  if (localErrors.size > 0) {
    showErrors([]);
    say('有错误，未保存');
    return;
  }
  say('正在保存…');
  const response = await api(`/api/regions/${encodeURIComponent(view.status.id)}/save`, {
    ...editBody(),
    version: view.version,
  });
  const data = (await response.json()) as DocumentView & {
    written?: string[];
    issues?: Issue[];
    error?: { message: string; hint?: string; reason?: Reason };
  };
  if (response.status === 409) {
    say('未保存：文件已被修改');
    const reload = element('button', { type: 'button' }, '重新载入');
    reload.addEventListener('click', () => void reloadCurrent());
    $<HTMLDivElement>('#banner').replaceChildren(
      element('div', { class: 'banner conflict', role: 'alert' }, '此摘要在载入后已在磁盘上被修改，未覆盖。', reload),
    );
    return;
  }
  if (!response.ok) {
    showErrors(data.issues ?? []);
    say(`未保存：${data.issues ? '请更正标红的栏目' : data.error ? wordsFor(data.error) : response.status}`);
    return;
  }
  show(data);
  say(
    `已保存 ${new Date().toLocaleTimeString('zh-CN')}：${(data.written ?? []).map((file) => file.split(/[\\/]/).pop()).join('、')}`,
  );
  await loadRegions(data.status.id);
}

async function reloadCurrent(): Promise<void> {
  if (!view) return;
  const response = await api(`/api/regions/${encodeURIComponent(view.status.id)}/reload`, {});
  if (response.ok) {
    show((await response.json()) as DocumentView);
    say('已重新载入');
  }
}

window.addEventListener('beforeunload', (event) => {
  if (dirty) event.preventDefault();
});

// The page's own CJK font, for machines without one; system fonts come first in the stylesheet.
document.fonts.add(new FontFace('BriefingSans', `url(/assets/sans.ttf?token=${token})`));
void loadRegions();
