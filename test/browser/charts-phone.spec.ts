import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, openPage, startConsole, stopConsole } from '../support/browser';
import type { TestServer } from '../support/test-server';

/** A page (its chunk, its messages, its queries, the charts' library) is given this long to show what is asserted. */
const PAGE_WAIT = { timeout: 15_000 };

const VIEWPORTS = [
  ['phone', { width: 375, height: 740 }],
  ['narrow phone', { width: 320, height: 640 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;

interface ChartText {
  chart: string;
  text: string;
  /** How far the text reaches past its chart's box, in CSS pixels, on each side (0 when inside). */
  overflow: number;
}

/** Every text a chart draws (ECharts' SVG), with how far it sticks out of the chart's box. */
function chartTexts(page: Page): Promise<ChartText[]> {
  return page.evaluate(() => {
    const found: ChartText[] = [];
    for (const figure of Array.from(document.querySelectorAll<HTMLElement>('figure.chart'))) {
      const box = figure.querySelector('.echart')?.getBoundingClientRect();
      if (!box) continue;
      for (const text of Array.from(figure.querySelectorAll<SVGTextElement>('.echart svg text'))) {
        const content = text.textContent?.trim() ?? '';
        if (!content) continue;
        const rect = text.getBoundingClientRect();
        const overflow = Math.max(0, box.left - rect.left, rect.right - box.right, box.top - rect.top, rect.bottom - box.bottom);
        found.push({ chart: figure.dataset.testid ?? figure.className, text: content, overflow: Math.round(overflow * 10) / 10 });
      }
    }
    return found;
  });
}

/**
 * The dashboard's charts on a phone: the indicator chart of a township names every indicator in full
 * (wrapped, never cut with "…"), no text of any chart leaves its box, and the score axis has its ticks
 * and tick labels at every width.
 */
describe.skipIf(!chromiumAvailable)('charts at phone widths, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let township: string;
  beforeAll(async () => {
    ({ server, browser } = await startConsole());
    const { regions } = await (
      await server.as('anonymous')
    ).ok<{ regions: { edges: { node: { id: string; code: string } }[] } }>(
      '{ regions(first: 5, filter: { search: "880101001" }) { edges { node { id code } } } }',
    );
    township = regions.edges.find((edge) => edge.node.code === '880101001')!.node.id;
  });
  afterAll(() => stopConsole({ server, browser }));

  it.each(VIEWPORTS)(
    'on a %s, a township’s indicator chart names each indicator whole, inside its box, over a ticked axis',
    async (_name, viewport) => {
      const { page, errors } = await openPage(browser);
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/?region=${encodeURIComponent(township)}`);
      const chart = page.getByTestId('breakdown-chart');
      await chart.locator('.echart svg text').first().waitFor(PAGE_WAIT);
      // The names the chart should show: the figures table folded under it lists them.
      const names = (
        await chart.locator('.breakdown-name').evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent?.trim() ?? ''))
      ).filter(Boolean);
      expect(names.length).toBeGreaterThan(3);
      await expect
        .poll(async () => (await chartTexts(page)).filter((text) => text.chart === 'breakdown-chart').length, PAGE_WAIT)
        .toBeGreaterThan(names.length);

      const texts = await chartTexts(page);
      expect(texts.filter((text) => text.overflow > 1)).toEqual([]);
      expect(texts.filter((text) => text.text.includes('…'))).toEqual([]);
      // Each indicator's whole name is drawn (over one line or several).
      const drawn = texts
        .filter((text) => text.chart === 'breakdown-chart')
        .map((text) => text.text)
        .join(' ')
        .replace(/\s+/g, ' ');
      for (const name of names) expect(drawn).toContain(name.replace(/\s+/g, ' '));

      // The score axis: its five tick labels and a tick mark at each.
      const breakdown = texts.filter((text) => text.chart === 'breakdown-chart').map((text) => text.text);
      expect(breakdown).toEqual(expect.arrayContaining(['0', '25', '50', '75', '100']));
      const ticks = await chart.locator('.echart svg path, .echart svg line').evaluateAll(
        (shapes) =>
          shapes.filter((shape) => {
            const box = (shape as SVGGraphicsElement).getBBox();
            // A tick mark: a short vertical stroke.
            return box.width < 1 && box.height > 2 && box.height <= 6;
          }).length,
      );
      expect(ticks).toBeGreaterThanOrEqual(5);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
