/** pdfmake table layouts of the PDF stage (plain data, so the benchmark's naive pipeline can register them too). */

/** A layout with every rule of one width and colour, and the same cell padding all round each cell. */
function ruledLayout(width: number, color: string, padding: { x: number; y: number }) {
  return {
    hLineWidth: () => width,
    vLineWidth: () => width,
    hLineColor: () => color,
    vLineColor: () => color,
    paddingLeft: () => padding.x,
    paddingRight: () => padding.x,
    paddingTop: () => padding.y,
    paddingBottom: () => padding.y,
  };
}

/** Table layouts templates may name ("layout": "briefingTiles"), beside pdfmake's own (lightHorizontalLines …). */
export const TABLE_LAYOUTS = {
  /** Key-figure tiles separated by white gutters. */
  briefingTiles: ruledLayout(4, '#ffffff', { x: 0, y: 0 }),
  /** GB/T 9704-style table: thin black rules all round. */
  officialTable: ruledLayout(0.5, '#000000', { x: 4, y: 1.5 }),
};
