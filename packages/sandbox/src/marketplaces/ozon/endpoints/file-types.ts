import { badRequest } from '../errors.js';

const TYPES: Record<string, { mimeType: string; isImage: boolean }> = {
  png: { mimeType: 'image/png', isImage: true },
  jpg: { mimeType: 'image/jpeg', isImage: true },
  jpeg: { mimeType: 'image/jpeg', isImage: true },
  gif: { mimeType: 'image/gif', isImage: true },
  webp: { mimeType: 'image/webp', isImage: true },
  bmp: { mimeType: 'image/bmp', isImage: true },
  pdf: { mimeType: 'application/pdf', isImage: false },
};

/** The docs: name is "the file name with its extension"; the extension picks the type. */
export function typeOfName(name: string): { mimeType: string; isImage: boolean } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const type = extension ? TYPES[extension] : undefined;
  if (!type) {
    throw badRequest(`name must end in one of .${Object.keys(TYPES).join(', .')} (got "${name}")`);
  }
  return type;
}

/** Messages are Markdown; a file appears as an image or a link to the stored bytes. */
export function fileMarkdown(name: string, url: string, isImage: boolean): string {
  const label = name.replace(/[[\]]/g, '');
  return isImage ? `![${label}](${url})` : `[${label}](${url})`;
}
