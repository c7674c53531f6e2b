/**
 * Modal dialogs own the keyboard: Esc closes them, Tab stays inside, and the app's shortcuts do
 * nothing behind them. The command palette (Ctrl+K / Ctrl+Shift+P) lists every registry command.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src-shared/commands';
import { filterCommands } from '../../src-renderer/src/shortcuts/palette-filter';
import { pageShot, withDemoPage } from './support';

const t = withDemoPage();
const mode = () => t.page.locator('[data-view][aria-pressed="true"]').getAttribute('data-view');
const focusInside = (name: string) => t.page.evaluate((n) => !!document.activeElement?.closest(`[role="dialog"][aria-label="${n}"]`), name);

describe('modal dialogs', () => {
  it('help: a shortcut does nothing while it is open, Tab stays inside, Esc closes it', async () => {
    const page = t.page;
    await page.keyboard.press('2');
    await expect.poll(mode).toBe('side');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // it opens at its top (it opened scrolled down to its Close button, the first control, with its title out of sight)
    const scroll = await dialog.evaluate((d) => ({ top: d.scrollTop, overflows: d.scrollHeight > d.clientHeight + 20 }));
    expect(scroll.overflows).toBe(true); // else the check below could not fail at this size
    expect(scroll.top).toBe(0);
    await page.keyboard.press('3'); // top view: must not act behind the dialog
    await page.keyboard.press('t'); // theme
    expect(await mode()).toBe('side');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? 'dark')).not.toBe('light');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside('Keyboard shortcuts')).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusInside('Keyboard shortcuts')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // the shortcuts are back
    await page.keyboard.press('3');
    await expect.poll(mode).toBe('top');
  });

  it('unblind: a shortcut does nothing while it is open, Tab cycles through its controls only, Esc closes it', async () => {
    const page = t.page;
    await page.getByTestId('open-unblind').click();
    const dialog = page.getByRole('dialog', { name: 'Unblind' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // from a button of the dialog (in its text field a key is typing anyway): no shortcut acts behind it
    await dialog.getByRole('button', { name: 'Close' }).focus();
    const index = await page.getByTestId('event-index').inputValue();
    await page.keyboard.press('2');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('t');
    expect(await mode()).toBe('top');
    expect(await page.getByTestId('event-index').inputValue()).toBe(index);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? 'dark')).not.toBe('light');
    expect(await dialog.getByLabel('confirmation').inputValue()).toBe('');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside('Unblind')).toBe(true);
    }
    await pageShot(page, '95-unblind-modal');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('blind-state').textContent()).toBe('BLIND');
  });
});

describe('the event box', () => {
  it('Enter leaves it, so the keys act at once; an entry that is no event is said, not altered or clamped', async () => {
    const page = t.page, box = page.getByTestId('event-index');
    const before = await box.inputValue();
    await box.fill('12');
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('12');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).not.toBe('event-index');
    await page.keyboard.press('ArrowRight'); // stepped nothing while the box kept the focus
    await expect.poll(() => box.inputValue()).toBe('13');
    // "-5" became 5 (the minus dropped as typed), 99999 the last event, "abc" nothing: each without a word
    for (const [typed, said] of [['-5', /"-5" is neither an event index nor run:burst:event/], ['abc', /"abc" is neither/], ['99999', /no event 99999: this file has events 0 to 3999/]] as const) {
      await box.fill(typed);
      await box.press('Enter');
      await expect.poll(() => page.getByTestId('jump-error').textContent()).toMatch(said);
      expect(await box.inputValue()).toBe('13');
    }
    await box.fill('14');
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('14');
    expect(await page.getByTestId('jump-error').count()).toBe(0);
    // Esc (or Tab) drops what was typed and leaves the box: the keys act again ('abc' then '?' was typed into it)
    await box.fill('abc');
    await box.press('Escape');
    await expect.poll(() => box.inputValue()).toBe('14');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).not.toBe('event-index');
    // back to the event the other tests look at (an event in a masked region draws no legend)
    await box.fill(before);
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe(before);
  });
});

describe('command palette', () => {
  it('Ctrl+K lists every command with its keys, filters as one types, Enter runs the highlighted one', async () => {
    const page = t.page;
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Command palette' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const items = dialog.getByRole('option');
    expect(await items.count()).toBe(COMMANDS.length);
    expect(await dialog.textContent()).toContain('Ctrl+e');
    await pageShot(page, '96-command-palette');
    // a shortcut key typed into the palette is text, not a command
    await page.keyboard.type('side');
    expect(await mode()).toBe('top');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-command')).toBe('view.side');
    await pageShot(page, '97-command-palette-filtered');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(mode).toBe('side');
    // Ctrl+Shift+P opens it too; arrows move the highlight; Esc closes without running anything
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('view');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.locator('[aria-selected="true"]').getAttribute('data-command')).toBe(filterCommands(COMMANDS, 'view')[1]!.id);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await mode()).toBe('side');
  });

  it('colours: the colour-blind safe palette recolours the legend and the drawing', async () => {
    const page = t.page;
    const swatches = () => page.locator('.event-legend span[data-layer="tracks"] i').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    await expect.poll(swatches, { timeout: 30_000 }).toEqual(['rgb(255, 90, 79)', 'rgb(79, 163, 255)']);
    await page.getByTestId('palette').selectOption('colour-blind');
    // Okabe–Ito orange and sky blue for the charges (display/palettes.ts)
    await expect.poll(swatches).toEqual(['rgb(230, 159, 0)', 'rgb(86, 180, 233)']);
    await pageShot(page, '95-colour-blind-palette');
    await page.getByTestId('palette').selectOption('standard');
    await expect.poll(swatches).toEqual(['rgb(255, 90, 79)', 'rgb(79, 163, 255)']);
  });

  it('raised no page errors, console errors or CSP violations', () => {
    expect(t.problems.errors.join('\n')).toBe('');
  });
});
