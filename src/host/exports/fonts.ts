/**
 * The font every export embeds: DejaVu Sans (regular and bold), shipped in `resources/fonts` with its
 * licence. Exports never use system fonts: a report must look the same on every machine and must
 * carry å, ä, ö (and the rest of Latin-1/Latin Extended) whatever the facilitator's computer has.
 *
 * The host already knows its resources dir (`HostConfig.resourcesDir`, from cli.ts); pass it to
 * `exportFonts`. `defaultExportFonts()` finds `<project>/resources/fonts` on its own for tests and
 * tools, from src/host/exports as well as from the bundled out/main/host.js.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The family name inside the TTF files: what SVG `font-family` and resvg match on. */
export const EXPORT_FONT_FAMILY = 'DejaVu Sans';

export interface ExportFonts {
  /** The family name to ask for in SVG/PDF/DOCX. */
  readonly family: typeof EXPORT_FONT_FAMILY;
  /** Absolute path of DejaVuSans.ttf. */
  readonly regular: string;
  /** Absolute path of DejaVuSans-Bold.ttf. */
  readonly bold: string;
  /** Absolute path of the fonts' licence text (ship it with anything that embeds them). */
  readonly licence: string;
}

/** The export fonts inside a resources dir (the one the host was started with). */
export function exportFonts(resourcesDir: string): ExportFonts {
  const dir = join(resolve(resourcesDir), 'fonts');
  return {
    family: EXPORT_FONT_FAMILY,
    regular: join(dir, 'DejaVuSans.ttf'),
    bold: join(dir, 'DejaVuSans-Bold.ttf'),
    licence: join(dir, 'LICENSE-DejaVu.txt'),
  };
}

/**
 * `<project>/resources` seen from this module: three levels up from src/host/exports, two from
 * out/main (where the host bundle lives, as in cli.ts).
 */
export function defaultResourcesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../resources'), resolve(here, '../../resources')];
  const found = candidates.find((dir) => existsSync(join(dir, 'fonts', 'DejaVuSans.ttf')));
  if (!found) throw new Error(`Export fonts not found in ${candidates.join(' or ')}`);
  return found;
}

/** The export fonts of this checkout or build; throws if resources/fonts is missing. */
export function defaultExportFonts(): ExportFonts {
  return exportFonts(defaultResourcesDir());
}
