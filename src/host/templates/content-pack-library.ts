import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors';
import { isContentPack, parseContentPack, summarizePack } from '../../core/instruments/content-pack';
import type { ContentPack, PackSummary } from '../../core/instruments/content-pack';

/**
 * The content packs shipped in `<resources>/content-packs` (issue #4), read and validated once at
 * start, like the built-in templates: a broken pack is logged with what is wrong and left out; it
 * never stops the host, and a half-valid pack is never served.
 */
export class ContentPackLibrary {
  private readonly packs = new Map<string, ContentPack>();

  constructor(dir: string | null, log: (line: string) => void) {
    if (!dir || !existsSync(dir)) return;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const result = parseContentPack(readFileSync(join(dir, file), 'utf8'));
      if (!isContentPack(result)) {
        log(`content pack ${file} left out: ${result.issues.join('; ')}`);
      } else if (this.packs.has(result.id)) {
        log(`content pack ${file} left out: another file already has the id ${result.id}`);
      } else {
        this.packs.set(result.id, result);
      }
    }
  }

  list(): PackSummary[] {
    return [...this.packs.values()].map(summarizePack);
  }

  get(id: string): ContentPack {
    const pack = this.packs.get(id);
    if (!pack) throw new DomainError('not-found', `no content pack ${id}`);
    return pack;
  }
}
