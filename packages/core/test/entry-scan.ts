import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * What n8n's community-node scanner rejects in bundled code, and what the core's main entry
 * therefore must not use: Node globals, timers, dynamic code.
 */
export const FORBIDDEN_GLOBALS: ReadonlySet<string> = new Set([
  'process',
  'globalThis',
  'global',
  'console',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  '__dirname',
  '__filename',
  'eval',
  'Function',
]);

/** Modules the main entry may import besides relative paths. */
export const ALLOWED_MODULES: ReadonlySet<string> = new Set(['lossless-json', 'crypto', 'node:crypto']);

export interface Finding {
  file: string;
  line: number;
  column: number;
  /** `global` for a forbidden identifier, `import` for a module that is not allowed. */
  kind: 'global' | 'import';
  name: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.kind === 'global' ? 'uses' : 'imports'} ${f.name}`;
}

/** True when `node` names a property or member rather than referring to a variable. */
function isMemberName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) {
    return ts.isPropertyAccessExpression(parent) ? parent.name === node : parent.right === node;
  }
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent))
    return parent.propertyName === node || ts.isExportSpecifier(parent);
  if (
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isPropertyAccessChain(parent)
  ) {
    return parent.name === node;
  }
  return ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent);
}

export interface ScanResult {
  findings: Finding[];
  /** Module specifiers found, for following relative imports. */
  specifiers: string[];
}

/** Scans one source text (TypeScript or JavaScript) with the TypeScript parser: comments and strings never match. */
export function scanSource(text: string, file: string): ScanResult {
  const kind = /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const specifiers: string[] = [];
  const at = (node: ts.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const moduleUse = (literal: ts.Node, node: ts.Node) => {
    if (!ts.isStringLiteralLike(literal)) {
      findings.push({ file, ...at(node), kind: 'import', name: '<computed module name>' });
      return;
    }
    specifiers.push(literal.text);
    if (!literal.text.startsWith('.') && !ALLOWED_MODULES.has(literal.text)) {
      findings.push({ file, ...at(literal), kind: 'import', name: literal.text });
    }
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      moduleUse(node.moduleSpecifier, node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      moduleUse(node.moduleReference.expression, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      moduleUse(node.arguments[0] ?? node, node);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require'
    ) {
      moduleUse(node.arguments[0] ?? node, node);
      for (const arg of node.arguments) visit(arg);
      return;
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      moduleUse(node.argument.literal, node);
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isMemberName(node)) {
      findings.push({ file, ...at(node), kind: 'global', name: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { findings, specifiers };
}

function resolveSource(fromFile: string, specifier: string): string | undefined {
  const target = resolve(dirname(fromFile), specifier);
  const candidates = /\.[cm]?js$/.test(target)
    ? [target.replace(/\.([cm]?)js$/, '.$1ts'), target]
    : [target, `${target}.ts`, `${target}/index.ts`, `${target}.js`, `${target}/index.js`];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
}

export interface GraphScan {
  findings: Finding[];
  /** Every file scanned, relative to `root`. */
  files: string[];
}

/**
 * Scans `entry` and every file it reaches through relative imports. `excluded` files (tests,
 * the Node-only axios entry) are not scanned; reaching one from the entry is itself a finding.
 */
export function scanGraph(
  entry: string,
  root: string,
  excluded: (file: string) => boolean = () => false,
): GraphScan {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const name = relative(root, file);
    const { findings: own, specifiers } = scanSource(readFileSync(file, 'utf8'), name);
    findings.push(...own);
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveSource(file, specifier);
      if (!target) {
        findings.push({ file: name, line: 0, column: 0, kind: 'import', name: `${specifier} (unresolved)` });
      } else if (excluded(target)) {
        findings.push({
          file: name,
          line: 0,
          column: 0,
          kind: 'import',
          name: `${relative(root, target)} (excluded from the main entry)`,
        });
      } else {
        queue.push(target);
      }
    }
  }
  return { findings, files: [...seen].map((f) => relative(root, f)).sort() };
}
