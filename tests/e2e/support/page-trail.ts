import type { BrowserContext, Page } from 'playwright-core';
import { trail } from '../../helpers/trail';

/** Pages open in any context being watched: described when a test fails. */
const pages = new Set<Page>();

function where(page: Page | null): string {
  if (!page) return 'page';
  try {
    const url = new URL(page.url());
    return `page ${url.host}${url.pathname}${url.hash.slice(0, 24)}`;
  } catch {
    return 'page';
  }
}

/** Records a context's console warnings and errors and its pages' WebSocket openings and closings. */
export function watchContext(context: BrowserContext): void {
  context.on('console', (message) => {
    const type = message.type();
    if (type === 'warning' || type === 'error') trail(where(message.page()), `${type}: ${message.text()}`);
  });
  context.on('page', (page) => {
    pages.add(page);
    page.on('close', () => pages.delete(page));
    page.on('websocket', (socket) => {
      const path = new URL(socket.url()).pathname;
      trail(where(page), `ws open ${path}`);
      socket.on('close', () => trail(where(page), `ws closed ${path}`));
      socket.on('socketerror', (error) => trail(where(page), `ws error ${path}: ${error}`));
    });
  });
}

/** What each open page shows of its connection: the status line and how many agenda steps it lists. */
export async function describePages(): Promise<string[]> {
  const described: string[] = [];
  for (const page of pages) {
    const state = await page
      .evaluate(() => ({
        status: document.querySelector('[data-testid="connection-status"]')?.textContent ?? '(no status line)',
        waiting: [...document.querySelectorAll('[role="status"].loading')].map((e) => e.textContent),
        steps: document.querySelectorAll('[data-testid="agenda-rail"] li').length,
        current: document.querySelector('[data-testid="current-step-title"]')?.textContent ?? null,
        dialog: document.querySelector('dialog[open]') !== null,
        focus: document.activeElement?.tagName ?? null,
      }))
      .catch((error: unknown) => ({ error: String(error) }));
    described.push(`${where(page)}: ${JSON.stringify(state)}`);
  }
  return described;
}
