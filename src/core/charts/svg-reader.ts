/**
 * A small reader for the SVG svg.ts writes, used by the chart tests (no XML parser is installed): the
 * elements as tag + attributes + text, failing loudly on anything that is not well-formed.
 */
export interface SvgElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

export function readSvg(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  let open: { tag: string; attrs: Record<string, string>; text: string } | null = null;
  while ((match = token.exec(svg)) !== null) {
    consumed = token.lastIndex;
    const [, closing, tag, attrText, selfClosing, text] = match;
    if (text !== undefined) {
      if (open) open.text += unescape(text);
      continue;
    }
    if (closing) {
      if (stack.pop() !== tag) throw new Error(`Unbalanced </${tag}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([a-zA-Z][a-zA-Z0-9:-]*)="([^"]*)"/g)) attrs[a[1] as string] = unescape(a[2] as string);
    open = { tag: tag as string, attrs, text: '' };
    elements.push(open);
    if (!selfClosing) stack.push(tag as string);
  }
  if (consumed !== svg.length || stack.length) throw new Error(`Not well-formed at ${consumed}`);
  return elements;
}

export function byClass(elements: readonly SvgElement[], cls: string): SvgElement[] {
  return elements.filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));
}
