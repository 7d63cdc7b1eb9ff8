// pdfmake 0.3 ships no type declarations; these cover the internals this project uses.
declare module 'pdfmake/js/Printer.js' {
  import type { EventEmitter } from 'node:events';
  export interface PdfKitDocument extends EventEmitter {
    end(): void;
  }
  export default class PdfPrinter {
    constructor(fonts: Record<string, Record<string, string>>, virtualfs: unknown, urlResolver: unknown, localAccessPolicy?: (path: string) => boolean);
    createPdfKitDocument(docDefinition: Record<string, unknown>, options?: Record<string, unknown>): Promise<PdfKitDocument>;
  }
}
declare module 'pdfmake/js/URLResolver.js' {
  export default class URLResolver {
    constructor(virtualfs: unknown);
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
  }
}
declare module 'pdfmake/js/virtual-fs.js' {
  const virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
  export default virtualfs;
}
