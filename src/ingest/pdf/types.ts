/** Positioned text of a PDF page, as the reading-order stages see it (pdfjs-dist's text items, in PDF units). */

/** A run of text pdfjs-dist gives with its position: `x` its left edge, `y` its baseline (from the page's bottom). */
export interface PositionedItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size: the height of a CJK character. */
  size: number;
}

export interface PositionedPage {
  /** The page's height: positions run from 0 at its bottom to this at its top. */
  height: number;
  items: PositionedItem[];
}

/** Items on one baseline that read as one run of text: a line of a column, a masthead, a caption. */
export interface TextLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/** Lines read one after another: a column of a band of the page, or one line that spans the columns. */
export interface TextBlock {
  lines: TextLine[];
  /** The block's left and right edges (a column's), against which a line is full or short. */
  left: number;
  right: number;
}
