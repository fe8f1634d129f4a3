/**
 * Enforces the import rule of STYLE.md on the real source tree, and proves (with made-up files)
 * that the checker would catch each kind of crossing, so a silent checker cannot pass for a clean tree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, importViolation, isTestFile, layerOf, RULES, type Layer } from './import-rules';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

function sourceFiles(folder: string): string[] {
  const absolute = join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(absolute, entry);
    if (statSync(path).isDirectory()) return sourceFiles(relative(root, path));
    if (!SOURCE_FILE.test(entry) || entry.endsWith('.d.ts')) return [];
    return [relative(root, path).split(sep).join('/')];
  });
}

const files = (Object.keys(RULES) as Layer[]).flatMap((layer) => sourceFiles(RULES[layer].folder));

describe('the import rule on the source tree', () => {
  it('finds the layers to check', () => {
    const core = files.filter((file) => layerOf(file) === 'core' && !isTestFile(file));
    expect(core.length).toBeGreaterThan(0);
    expect(files.some((file) => layerOf(file) === 'shell')).toBe(true);
    expect(files.some((file) => layerOf(file) === 'preload')).toBe(true);
  });

  it('has no forbidden imports or globals', () => {
    const violations = files.flatMap((file) =>
      checkFile(file, readFileSync(join(root, file), 'utf8')).map(
        (v) => `${v.file}:${v.line}: ${v.message}`,
      ),
    );
    expect(violations).toEqual([]);
    // Reads every source file: seconds on a loaded two-core machine, so more than the default 5 s.
  }, 60_000);
});

describe('the checker itself', () => {
  const messages = (path: string, source: string) => checkFile(path, source).map((v) => v.message);

  it('catches a core file reaching for Node, React, Electron, the host or the contracts', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import React from 'react';",
      "export { ipcMain } from 'electron';",
      "import type { Store } from '../host/persistence/session-store';",
      "import { SHELL_CHANNELS } from '../contracts/shell';",
      "const later = () => import('../renderer/app');",
      "type T = import('better-sqlite3').Database;",
      "import * as Y from 'yjs';",
      "import { z } from 'zod';",
      "import { createItemId } from './ids';",
    ].join('\n');
    const found = checkFile('src/core/bad.ts', source);
    expect(found.map((v) => v.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('catches host-environment globals in the core, but not look-alike names', () => {
    const bad = [
      'export const width = window.innerWidth;',
      'export const title = () => document.title;',
      'export const env = process.env.HOME;',
      "export const bytes = Buffer.from('x');",
      "export const fs = require('fs');",
    ].join('\n');
    expect(messages('src/core/bad.ts', bad)).toEqual([
      "core may not import Node built-ins ('fs')",
      "core may not use the global 'window'",
      "core may not use the global 'document'",
      "core may not use the global 'process'",
      "core may not use the global 'Buffer'",
      "core may not use the global 'require'",
    ]);
    const fine = [
      '// window, document and process in a comment',
      "export const label = 'process the window of the document';",
      'export const view = { window: 1, document: 2 };',
      'export function read(doc: { process: number }) { return doc.process; }',
      'export function open(document: string) { return document.length; }',
    ].join('\n');
    expect(messages('src/core/fine.ts', fine)).toEqual([]);
  });

  it('keeps the renderer away from the host, Node, Electron and server libraries', () => {
    for (const specifier of ['../../host/server', 'node:path', 'electron', 'better-sqlite3', 'ws']) {
      expect(importViolation('src/renderer/app/main.tsx', specifier), specifier).not.toBeNull();
    }
    for (const specifier of ['react', 'react-dom/client', 'y-websocket', '../core/ids', './ui/button']) {
      expect(importViolation('src/renderer/main.tsx', specifier), specifier).toBeNull();
    }
  });

  it('keeps the host away from the renderer and Electron', () => {
    expect(importViolation('src/host/cli.ts', '../renderer/main')).not.toBeNull();
    expect(importViolation('src/host/cli.ts', 'electron')).not.toBeNull();
    expect(importViolation('src/host/cli.ts', '../../electron/main/security')).not.toBeNull();
    expect(importViolation('src/host/cli.ts', 'node:http')).toBeNull();
    expect(importViolation('src/host/cli.ts', 'better-sqlite3')).toBeNull();
    expect(importViolation('src/host/cli.ts', '../core/ids')).toBeNull();
  });

  it('keeps the shell thin: contracts and Electron only', () => {
    expect(importViolation('electron/preload/index.ts', '../../src/contracts/shell')).toBeNull();
    expect(importViolation('electron/preload/index.ts', 'electron')).toBeNull();
    expect(importViolation('electron/preload/index.ts', 'node:fs')).not.toBeNull();
    expect(importViolation('electron/preload/index.ts', '../../src/core/ids')).not.toBeNull();
    expect(importViolation('electron/main/index.ts', '../../src/renderer/main')).not.toBeNull();
    expect(importViolation('electron/main/index.ts', '../../src/core/workshop/board')).not.toBeNull();
    expect(importViolation('electron/main/index.ts', '../../src/host/cli')).not.toBeNull();
    expect(importViolation('electron/main/index.ts', 'node:child_process')).toBeNull();
    expect(importViolation('electron/main/index.ts', './security')).toBeNull();
  });

  it('lets test files use test tools', () => {
    expect(checkFile('src/core/ids.test.ts', "import { it } from 'vitest';\nimport 'node:fs';")).toEqual([]);
  });
});
