import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the page once its transitions have ended (WCAG 2.x A and AA rules) and fails on
 * any serious or critical violation, listing each with the offending elements.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  // Mid-transition colours (a tab turning active fades from white to brand) are neither state:
  // axe would measure a contrast nobody sees for longer than 150 ms. Endless ones (spinners) aside.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  expect(serious, `serious or critical axe violations on ${label}`).toEqual([]);
}
