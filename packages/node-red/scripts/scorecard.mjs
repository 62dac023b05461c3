#!/usr/bin/env node
// The flow library's scorecard checks (node-red-dev validate) that work offline: P01, P03–P07,
// N01, N02, D01. The real tool also clones the repository (P02), reads the online catalogue (P08,
// N01's uniqueness across every published package) and npm (D02, D03): run it in networked CI.
// "Current Node-RED" is the node-red this package tests against (its devDependency).
// Reads dist/nodes/*.html, as the real tool does: run `pnpm build` first. Exits 1 on any failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nodeRedPkgPath = require.resolve('node-red/package.json');
const nodeRed = JSON.parse(readFileSync(nodeRedPkgPath, 'utf8'));
const semver = createRequire(nodeRedPkgPath)('semver');

const PREFIX = 'sellerchat-';
const results = [];
const check = (id, ok, text) => results.push({ id, ok: Boolean(ok), text });

// P01: a licence.
check('P01', typeof pkg.license === 'string' && pkg.license !== '', `license: ${pkg.license}`);

// P03: a repository or a bugs link.
check(
  'P03',
  pkg.repository?.url || pkg.bugs,
  `repository: ${pkg.repository?.url ?? pkg.bugs?.url ?? 'none'}`,
);

// P04: scoped, or unscoped with node-red-contrib- when the name starts with node-red.
const scoped = /^@[a-z\d][\w-.]+\/[a-z\d][\w-.]*$/.test(pkg.name);
const validUnscoped = !/^(node-red|nodered)(?!-contrib-)/i.test(pkg.name);
check('P04', scoped || validUnscoped, `name: ${pkg.name}`);

// P05: the node-red keyword.
check('P05', Array.isArray(pkg.keywords) && pkg.keywords.includes('node-red'), 'keywords include node-red');

// P06: node-red.version declared and satisfied by the current Node-RED.
const nrRange = pkg['node-red']?.version;
check(
  'P06',
  nrRange && semver.satisfies(nodeRed.version, nrRange),
  `node-red.version "${nrRange}" accepts Node-RED ${nodeRed.version}`,
);

// P07: engines.node declared and satisfied by the lowest Node that the current Node-RED supports.
const nodeMin = semver.minVersion(nodeRed.engines.node);
const engines = pkg.engines?.node;
check(
  'P07',
  engines && semver.satisfies(nodeMin, engines),
  `engines.node "${engines}" accepts Node ${nodeMin} (Node-RED ${nodeRed.version} needs ${nodeRed.engines.node})`,
);

// D01: six dependencies at most.
const deps = Object.keys(pkg.dependencies ?? {});
check('D01', deps.length <= 6, `${deps.length} dependencies: ${deps.join(', ') || 'none'}`);

// N01: every node's editor definition parses, names its type inline, and is prefixed and unique.
function definitions(file) {
  const html = readFileSync(file, 'utf8');
  const scripts = [...html.matchAll(/<script.+?type=['"]text\/javascript['"].*?>([\S\s]*?)<\/script>/gi)];
  const defs = [];
  for (const [, body] of scripts) {
    for (const match of body.matchAll(/registerType\(\s*(['"])([^'"]+)\1\s*,\s*\{/g)) {
      const start = match.index + match[0].length - 1;
      const literal = objectLiteral(body, start);
      defs.push({ type: match[2], literal });
    }
  }
  return defs;
}

/** The text of the object literal that opens at `start`, braces balanced (strings skipped). */
function objectLiteral(text, start) {
  let depth = 0;
  let quote;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** A top-level property of an object literal is a literal (string, number) or an inline object. */
function inlineProperty(literal, key, kind) {
  const re = new RegExp(`^\\s{2,8}${key}\\s*:\\s*(.)`, 'm');
  const found = re.exec(literal);
  if (!found) return undefined;
  const first = found[1];
  if (kind === 'object') return first === '{';
  return first === "'" || first === '"' || /\d/.test(first);
}

const types = [];
const nodes = pkg['node-red']?.nodes ?? {};
let n01 = Object.keys(nodes).length > 0;
const n01Notes = [];
for (const [name, js] of Object.entries(nodes)) {
  const htmlFile = join(root, js.replace(/\.js$/, '.html'));
  if (!existsSync(htmlFile)) {
    n01 = false;
    n01Notes.push(`${htmlFile} is missing (run the build)`);
    continue;
  }
  const defs = definitions(htmlFile);
  if (defs.length === 0) {
    n01 = false;
    n01Notes.push(`${name}: no registerType found`);
  }
  for (const def of defs) {
    types.push({ type: def.type, config: /category\s*:\s*['"]config['"]/.test(def.literal) });
    if (!def.type.startsWith(PREFIX)) {
      n01 = false;
      n01Notes.push(`${def.type} is not prefixed ${PREFIX}`);
    }
    const config = /category\s*:\s*['"]config['"]/.test(def.literal);
    const wanted = config
      ? ['category', 'defaults', 'credentials']
      : ['category', 'color', 'defaults', 'inputs', 'outputs', 'icon'];
    for (const key of wanted) {
      const kind = key === 'defaults' || key === 'credentials' ? 'object' : 'literal';
      if (inlineProperty(def.literal, key, kind) !== true) {
        n01 = false;
        n01Notes.push(`${def.type}: ${key} is missing or not inline`);
      }
    }
  }
}
const names = types.map((t) => t.type);
if (new Set(names).size !== names.length) {
  n01 = false;
  n01Notes.push('a type is registered twice');
}
check(
  'N01',
  n01,
  n01Notes.length
    ? n01Notes.join('; ')
    : `${names.length} types, all prefixed ${PREFIX}: ${names.join(', ')}`,
);

// N02: the examples together use every node that is not a config node.
const examplesDir = join(root, 'examples');
const used = new Set();
if (existsSync(examplesDir)) {
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
    for (const node of JSON.parse(readFileSync(join(examplesDir, file), 'utf8'))) used.add(node.type);
  }
}
const missing = types.filter((t) => !t.config && !used.has(t.type)).map((t) => t.type);
check(
  'N02',
  used.size > 0 && missing.length === 0,
  missing.length ? `no example uses ${missing.join(', ')}` : 'examples use every node',
);

for (const r of results) console.log(`${r.ok ? '✅' : '❌'} ${r.id} ${r.text}`);
const failed = results.filter((r) => !r.ok);
console.log(`scorecard: ${results.length - failed.length} of ${results.length} offline checks pass`);
if (failed.length > 0) process.exitCode = 1;
