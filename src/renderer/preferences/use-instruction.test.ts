import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import sv from '../i18n/locales/sv.json';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : leaves(value, path);
  });
}

function lookup(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
}

describe('lättläst wording', () => {
  for (const [lang, tree] of [['sv', sv], ['en', en]] as const) {
    it(`has a standard key for every easy.* key (${lang}), and words of its own`, () => {
      const easy = leaves((tree as unknown as Tree)['easy'] as Tree);
      expect(easy.length).toBeGreaterThan(10);
      for (const key of easy) {
        const standard = lookup(tree as unknown as Tree, key);
        expect(typeof standard, key).toBe('string');
        expect(lookup(tree as unknown as Tree, `easy.${key}`), key).not.toBe(standard);
      }
    });
  }
});
