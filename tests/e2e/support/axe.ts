import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Runs axe on the page (WCAG 2.1 A/AA rules) and returns the serious and critical findings, readable. */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  // Let entry animations (a page fading in) finish first: mid-fade, text is partly transparent and
  // axe measures a contrast nobody sees (a loaded machine made this happen). Endless ones (a spinner) are skipped.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
