/**
 * Guards for "every string a person reads goes through t()":
 * 1. sv and en have exactly the same keys, none empty, and every error code has `error.<code>`
 *    and every role has `role.<id>`;
 * 2. no .tsx file under src/renderer has literal JSX text or a literal aria-label/title/
 *    placeholder/alt. The scanner parses TSX with TypeScript's own parser (test-only import), and
 *    is itself tested on samples so this guard can actually fail.
 * Runs in the node environment: the sources come in through Vite's import.meta.glob, not the DOM.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/errors';
import { PARTICIPANT_ROLES } from '../../core/roles';
import en from './locales/en.json';
import sv from './locales/sv.json';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const TEXT_PROPS = new Set(['aria-label', 'title', 'placeholder', 'alt']);
const HAS_LETTER = /\p{L}/u;

interface Literal {
  readonly line: number;
  readonly text: string;
}

/** Finds literal, human-readable text in TSX source: JSX text and literal text props. */
function findJsxLiterals(source: string, fileName = 'sample.tsx'): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ line: line + 1, text: text.trim() });
  };
  const literalText = (node: ts.Expression | undefined): string | null => {
    if (!node) return null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    return null;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(file))) {
      const init = node.initializer;
      const text =
        init && ts.isStringLiteral(init)
          ? init.text
          : init && ts.isJsxExpression(init)
            ? literalText(init.expression)
            : null;
      if (text !== null && HAS_LETTER.test(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const sources = import.meta.glob<string>('../**/*.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('locales', () => {
  const svKeys = flatten(sv as Tree);
  const enKeys = flatten(en as Tree);

  it('have the same keys in sv and en', () => {
    expect([...enKeys.keys()].filter((k) => !svKeys.has(k))).toEqual([]);
    expect([...svKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    const empty = [...svKeys, ...enKeys].filter(([, v]) => v.trim().length === 0).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('translate every error code and every role', () => {
    const needed = [
      ...ERROR_CODES.map((code) => `error.${code}`),
      ...PARTICIPANT_ROLES.map((role) => `role.${role}`),
      ...PARTICIPANT_ROLES.map((role) => `roleHint.${role}`),
      'role.facilitator',
    ];
    expect(needed.filter((k) => !svKeys.has(k) || !enKeys.has(k))).toEqual([]);
  });
});

describe('JSX literal scanner', () => {
  it('finds literal text between tags', () => {
    expect(findJsxLiterals('const a = <p>Hej då</p>;').map((l) => l.text)).toEqual(['Hej då']);
  });

  it('finds literal text props, quoted or in braces', () => {
    const source = `const a = <div>
      <img alt="En bild" />
      <button aria-label={'Stäng'} title={\`Titel\`} />
      <input placeholder="Skriv här" />
    </div>;`;
    expect(findJsxLiterals(source).map((l) => l.text)).toEqual([
      'En bild',
      'Stäng',
      'Titel',
      'Skriv här',
    ]);
  });

  it('accepts translated text, punctuation and non-text props', () => {
    const source = `const a = (
      <p className="note" aria-label={t('x.y')} title={label}>
        {t('board.send')} · ({count}) –:
        <img alt="" src="./icon.svg" />
      </p>
    );
    const generic = useState<string>('x'); const gt = a > b && c < d;`;
    expect(findJsxLiterals(source)).toEqual([]);
  });

  it('finds nothing in the renderer sources', () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((path) =>
      findJsxLiterals(sources[path] ?? '', path).map((l) => `${path}:${l.line} "${l.text}"`),
    );
    expect(offenders).toEqual([]);
  });
});
