/**
 * Containment for what a template may make the renderer read. Images must be data URLs or files inside the
 * template's own folder, by their real path (a symlink that leads out is refused); no URL is ever fetched; SVG may
 * not reference anything outside itself. Checked on the document definition before rendering, so the error names the
 * template and the offending reference (the PDF stage's access policies enforce the same rules underneath). A
 * template's own relative image is given to the renderer by its real path, so it works from any working folder.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { BriefingError } from '../errors.js';
import type { DocDefinition } from './buildDocDefinition.js';
import type { LayoutTemplate } from './templates.js';

export function checkResources(definition: DocDefinition, template: LayoutTemplate): void {
  const images = (definition.images ?? {}) as Record<string, unknown>;
  for (const [name, source] of Object.entries(images))
    images[name] = checkImageSource(source, template, `images.${name}`);
  visit(definition.content, (node) => {
    if (typeof node.image === 'string' && !(node.image in images))
      node.image = checkImageSource(node.image, template, 'image');
    if (typeof node.svg === 'string' && /\b(?:xlink:)?href\s*=\s*["'](?!#|data:)/i.test(node.svg)) {
      throw refused(template, 'an SVG refers to an outside resource', 'draw it inline, or embed images as data: URLs');
    }
  });
}

/** The source as the renderer should read it: a data URL as is, a file by its real path inside the template folder. */
function checkImageSource(source: unknown, template: LayoutTemplate, field: string): unknown {
  if (typeof source !== 'string') return source;
  if (source.startsWith('data:')) return source;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw refused(
      template,
      `${field} is a URL (${source}); URLs are never fetched`,
      'embed the image as a data: URL or put the file in the template folder',
    );
  }
  const folder = realPath(template.folder);
  const path = realPath(resolve(template.folder, source));
  const inside = relative(folder, path);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw refused(
      template,
      `${field} is outside the template folder (${source})`,
      'put the image file in the template folder and refer to it by a relative path',
    );
  }
  return path;
}

/** The path with every symlink resolved; a path that does not exist is left as it is (the renderer reports it). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function refused(template: LayoutTemplate, message: string, hint: string): BriefingError {
  return new BriefingError('TEMPLATE_INVALID', message, { file: `${template.folder}/document.hbs`, hint });
}

function visit(node: unknown, callback: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, callback);
  } else if (node && typeof node === 'object') {
    callback(node as Record<string, unknown>);
    for (const value of Object.values(node)) visit(value, callback);
  }
}
