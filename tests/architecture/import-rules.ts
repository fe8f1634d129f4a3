/**
 * The import rule of STYLE.md as data, and a checker that applies it to source text.
 *
 * The checker parses each file with the TypeScript compiler (no type checking, so it is fast and
 * needs no tsconfig) and looks at every module specifier: `import … from`, `import '…'`,
 * `export … from`, `import type`, `import('…')`, `require('…')` and `import('…').T` types.
 * A relative specifier is judged by the folder it resolves into, a bare one by its package.
 *
 *   electron/main ─▶ contracts ─▶ core ◀─ host ◀─ (child process of electron/main)
 *   electron/preload ─▶ contracts          renderer ─▶ contracts, core
 *
 * Test files (`*.test.ts`, `*.bench.ts`) are exempt: they may reach for vitest, node:* and fixtures.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

export type Layer = 'core' | 'contracts' | 'host' | 'renderer' | 'preload' | 'shell';
type Target = Layer | 'resources' | 'outside';

interface LayerRule {
  /** Folder, relative to the repository root, holding the layer's source. */
  folder: string;
  /** Project folders this layer may import from (its own folder is always allowed). */
  layers: readonly Target[];
  /** May it import Node built-ins (`node:fs`, `fs`, …)? */
  node: boolean;
  /** Packages it may import: a list, or `{ except }` for "any package but these". */
  packages: readonly string[] | { except: readonly string[] };
}

export const RULES: Record<Layer, LayerRule> = {
  core: { folder: 'src/core', layers: [], node: false, packages: ['yjs', 'lib0', 'zod'] },
  contracts: { folder: 'src/contracts', layers: ['core'], node: false, packages: ['zod'] },
  host: {
    folder: 'src/host',
    layers: ['core', 'contracts', 'resources'],
    node: true,
    packages: { except: ['electron', 'react', 'react-dom', 'react-i18next', 'y-indexeddb'] },
  },
  renderer: {
    folder: 'src/renderer',
    layers: ['core', 'contracts', 'resources'],
    node: false,
    packages: [
      'react',
      'react-dom',
      'i18next',
      'react-i18next',
      'yjs',
      'y-websocket',
      'y-indexeddb',
      'y-protocols',
      'lib0',
      'zod',
      'qrcode',
    ],
  },
  preload: { folder: 'electron/preload', layers: ['contracts'], node: false, packages: ['electron'] },
  shell: { folder: 'electron/main', layers: ['contracts'], node: true, packages: ['electron'] },
};

const OTHER_FOLDERS: Record<string, Target> = { resources: 'resources' };

/** Identifiers that name a host environment; the core must not reference them as globals. */
export const CORE_FORBIDDEN_GLOBALS = ['window', 'document', 'process', 'Buffer', 'require'];

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export interface ModuleReference {
  specifier: string;
  line: number;
}

/** The layer a repository-relative path belongs to, or null for files outside all layers. */
export function layerOf(path: string): Layer | null {
  for (const [layer, rule] of Object.entries(RULES) as [Layer, LayerRule][]) {
    if (path === rule.folder || path.startsWith(`${rule.folder}/`)) return layer;
  }
  return null;
}

function targetOf(path: string): Target {
  const layer = layerOf(path);
  if (layer) return layer;
  const top = path.split('/')[0] ?? '';
  return OTHER_FOLDERS[top] ?? 'outside';
}

export function isTestFile(path: string): boolean {
  return /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(path);
}

function parse(path: string, source: string): ts.SourceFile {
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, kind);
}

/** Every module specifier in a file, with its 1-based line. */
export function moduleReferences(path: string, source: string): ModuleReference[] {
  const file = parse(path, source);
  const found: ModuleReference[] = [];
  const add = (node: ts.Node) => {
    if (!ts.isStringLiteralLike(node)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ specifier: node.text, line: line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if ((isImport || isRequire) && node.arguments[0]) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const NODE_BUILTINS = new Set(builtinModules);

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier));
}

/** Why `specifier` may not be imported from the file at `path`, or null if it may. */
export function importViolation(path: string, specifier: string): string | null {
  const layer = layerOf(path);
  if (!layer) return null;
  const rule = RULES[layer];
  const bare = specifier.split('?')[0] ?? specifier;
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const resolved = posix.normalize(posix.join(posix.dirname(path), bare));
    const target = targetOf(resolved);
    if (target === layer || rule.layers.includes(target)) return null;
    return `${layer} may not import from ${target === 'outside' ? resolved : target} ('${specifier}')`;
  }
  if (isNodeBuiltin(bare)) {
    return rule.node ? null : `${layer} may not import Node built-ins ('${specifier}')`;
  }
  const name = packageName(bare);
  const allowed = Array.isArray(rule.packages)
    ? rule.packages.includes(name)
    : !(rule.packages as { except: readonly string[] }).except.includes(name);
  return allowed ? null : `${layer} may not import the package '${name}'`;
}

type NamedNode = ts.Node & { name: ts.Node };

/** Nodes that introduce a name into a scope. */
function declaresName(node: ts.Node): node is NamedNode {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isBindingElement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassDeclaration(node) ||
    ts.isClassExpression(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isImportClause(node) ||
    ts.isImportSpecifier(node) ||
    ts.isNamespaceImport(node) ||
    ts.isImportEqualsDeclaration(node)
  );
}

/** Names the file declares itself (variables, parameters, imports, functions, classes…). */
function declaredNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (declaresName(node) && node.name && ts.isIdentifier(node.name)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/** Is this identifier a reference to a value, rather than a property name or a label? */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  ) {
    return false;
  }
  if (declaresName(parent) && parent.name === node) return false;
  return !ts.isLabeledStatement(parent);
}

/** References to host-environment globals (window, process, require(…), …) in a core file. */
export function forbiddenGlobals(path: string, source: string): ModuleReference[] {
  const file = parse(path, source);
  const declared = declaredNames(file);
  const found: ModuleReference[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      CORE_FORBIDDEN_GLOBALS.includes(node.text) &&
      !declared.has(node.text) &&
      isValueReference(node)
    ) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push({ specifier: node.text, line: line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** All import-rule violations of one file (none for test files and files outside the layers). */
export function checkFile(path: string, source: string): Violation[] {
  const layer = layerOf(path);
  if (!layer || isTestFile(path)) return [];
  const violations: Violation[] = [];
  for (const { specifier, line } of moduleReferences(path, source)) {
    const message = importViolation(path, specifier);
    if (message) violations.push({ file: path, line, message });
  }
  if (layer === 'core') {
    for (const { specifier, line } of forbiddenGlobals(path, source)) {
      violations.push({ file: path, line, message: `core may not use the global '${specifier}'` });
    }
  }
  return violations;
}
