// The capability matrix in docs/capabilities.md, rendered from the core's descriptors so the page
// cannot drift from what the nodes actually offer. packages/core/test/capability-docs.test.ts
// renders it from the sources and fails when the page is stale.
//
//   node scripts/capability-matrix.mjs           print the matrix
//   node scripts/capability-matrix.mjs --write   update docs/capabilities.md
//   node scripts/capability-matrix.mjs --check   exit 1 when docs/capabilities.md is stale
//
// Needs the built core (packages/core/dist): `npm test` builds it, or run `pnpm turbo run build`.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const START_MARKER = '<!-- capabilities:start -->';
export const END_MARKER = '<!-- capabilities:end -->';
export const WRITE_COMMAND = 'node scripts/capability-matrix.mjs --write';
export const DOC_PATH = fileURLToPath(new URL('../docs/capabilities.md', import.meta.url));

const MIB = 1024 * 1024;

function bytes(n) {
  if (n % MIB === 0) return `${n / MIB} MB`;
  if (n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

const yesNo = (value) => (value ? 'yes' : 'no');

const SEND_FILE = {
  'upload-then-attach': 'upload to the order, then attach to a message',
  multipart: 'one file per message (multipart upload)',
  base64: 'one file per message (base64, name with extension)',
  none: 'no',
};

const MARK_READ = {
  explicit: 'yes, up to a given message',
  'implicit-on-read': 'implicit: reading a chat marks it seen',
  none: 'no',
};

const START_CHAT = {
  order: 'by order (with a chat category)',
  'order-or-return': 'by order or by return',
  posting: 'by posting number',
  none: 'no: buyers start chats',
};

function textLimit(text) {
  if (text.maxLength === null) return `at least ${text.minLength} character, no documented maximum`;
  return `${text.minLength}–${text.maxLength} characters`;
}

function fileLimits(attachments) {
  if (attachments === null) return '—';
  const count = `${attachments.maxCount} ${attachments.maxCount === 1 ? 'file' : 'files'}`;
  const size =
    attachments.maxSize === null ? 'no documented size limit' : `${bytes(attachments.maxSize)} each`;
  return `${count}, ${size}`;
}

function fileTypes(attachments) {
  if (attachments === null) return '—';
  if (attachments.mimeTypes === null) return 'any';
  return attachments.mimeTypes.map((type) => `\`${type}\``).join(', ');
}

function chatPage(paging) {
  if (paging.chatsMax === null) return 'every chat in one answer (no paging)';
  return `up to ${paging.chatsMax} (default ${paging.chatsDefault})`;
}

const CHAT_FILTER = {
  unreadOnly: 'unread only',
  statuses: 'status',
  lastMessageFrom: 'last message from',
  orderId: 'order',
};

function chatFilters(filters) {
  return filters.length === 0 ? 'none' : filters.map((f) => CHAT_FILTER[f] ?? f).join(', ');
}

function messagePage(paging) {
  if (paging.messagesMax === null) return 'the whole chat in one answer (no paging)';
  if (paging.messagesMax === paging.messagesDefault) return `${paging.messagesMax} (fixed)`;
  return `up to ${paging.messagesMax} (default ${paging.messagesDefault})`;
}

/** The rows of the matrix: what a user asks, and how each descriptor answers it. */
const ROWS = [
  ['New message / new chat trigger', (c) => (c.push ? 'polling and push' : 'polling')],
  ['Chats per page', (c) => chatPage(c.paging)],
  ['Chat list filters', (c) => chatFilters(c.chatFilters)],
  ['Get one chat', (c) => yesNo(c.getChat)],
  ['Messages per page', (c) => messagePage(c.paging)],
  [
    'New messages read from the last seen one',
    (c) => (c.incrementalHistory ? 'yes' : 'no: the whole chat is read each time'),
  ],
  ['Get one message', (c) => yesNo(c.getMessage)],
  ['Send text', (c) => textLimit(c.text)],
  ['Send files', (c) => SEND_FILE[c.sendFile] ?? c.sendFile],
  ['Files and text in one message', (c) => yesNo(c.attachmentsWithText)],
  ['File limits', (c) => fileLimits(c.attachments)],
  ['File types', (c) => fileTypes(c.attachments)],
  ['Mark as read', (c) => MARK_READ[c.markRead] ?? c.markRead],
  ['List chats with unseen messages', (c) => yesNo(c.listUnseen)],
  ['Start a chat', (c) => START_CHAT[c.startChat] ?? c.startChat],
  ['Chat kinds', (c) => c.chatKinds.join(', ')],
  ['Send windows', (c) => (c.sendWindows === null ? 'none' : 'yes, see the notes below')],
];

/** Table cells cannot hold a pipe or a line break. */
function cell(text) {
  return String(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** The generated block (without the markers), from a `CAPABILITIES`-shaped record. */
export function renderCapabilityMatrix(capabilities) {
  const all = Object.values(capabilities);
  const lines = [
    `<!-- Generated from the core's capabilities descriptors: edit those, then run \`${WRITE_COMMAND}\`. -->`,
    '',
    `| | ${all.map((c) => cell(c.displayName)).join(' | ')} |`,
    `| --- | ${all.map(() => '---').join(' | ')} |`,
    ...ROWS.map(([label, value]) => `| ${label} | ${all.map((c) => cell(value(c))).join(' | ')} |`),
  ];
  for (const c of all) {
    lines.push('', `### ${c.displayName}`, '');
    if (c.sendWindows !== null) lines.push(`- Send windows: ${c.sendWindows}`);
    for (const note of c.notes) lines.push(`- ${note}`);
  }
  return lines.join('\n');
}

function markerPositions(doc) {
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) return undefined;
  return { start: start + START_MARKER.length, end };
}

/** The document with the block between the markers replaced by `matrix`. */
export function spliceCapabilityMatrix(doc, matrix) {
  const at = markerPositions(doc);
  if (!at) throw new Error(`docs/capabilities.md must hold ${START_MARKER} and then ${END_MARKER}`);
  return `${doc.slice(0, at.start)}\n${matrix}\n${doc.slice(at.end)}`;
}

/** Undefined when the document holds exactly `matrix`; otherwise what differs and how to fix it. */
export function staleCapabilityMatrix(doc, matrix) {
  const at = markerPositions(doc);
  if (!at) return `docs/capabilities.md has lost its ${START_MARKER} / ${END_MARKER} markers.`;
  const current = doc.slice(at.start, at.end).trim();
  if (current === matrix.trim()) return undefined;
  const have = current.split('\n');
  const want = matrix.trim().split('\n');
  const line = want.findIndex((text, i) => text !== have[i]);
  const index = line === -1 ? want.length : line;
  return [
    'docs/capabilities.md is stale: it no longer matches the capabilities descriptors.',
    `First difference, line ${index + 1} of the generated block:`,
    `  in the docs: ${have[index] ?? '(nothing)'}`,
    `  expected:    ${want[index] ?? '(nothing)'}`,
    `Run \`${WRITE_COMMAND}\` (after building the core) and commit docs/capabilities.md.`,
  ].join('\n');
}

async function main(argv) {
  let core;
  try {
    core = await import('../packages/core/dist/index.js');
  } catch (error) {
    console.error(`Cannot load packages/core/dist/index.js (${error.message}): build the core first.`);
    return 1;
  }
  const matrix = renderCapabilityMatrix(core.CAPABILITIES);
  if (argv.includes('--write')) {
    const doc = await readFile(DOC_PATH, 'utf8');
    await writeFile(DOC_PATH, spliceCapabilityMatrix(doc, matrix));
    console.log('docs/capabilities.md updated');
    return 0;
  }
  if (argv.includes('--check')) {
    const problem = staleCapabilityMatrix(await readFile(DOC_PATH, 'utf8'), matrix);
    if (problem) console.error(problem);
    else console.log('docs/capabilities.md is up to date');
    return problem ? 1 : 0;
  }
  console.log(matrix);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
