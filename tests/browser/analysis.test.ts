import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, BrowserContextOptions } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launch, PHONE, DESKTOP, openPage, scrollSettled, url } from '../support/browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const open = (options: BrowserContextOptions, path = '/') => openPage(browser, options, path);

const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
const violations = (r: Awaited<ReturnType<typeof axe>>) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('notes, glossary and map in Chromium', () => {
  for (const width of [1280, 1920]) {
    it(`sets the margin notes beside their numbers at ${width} px, none drifting or beside a figure, and folds the others in place`, async () => {
      const page = await open({ viewport: { width, height: 900 } });
      const { notes, figures } = await page.evaluate(() => {
        const box = (el: Element) => { const r = el.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right }; };
        return {
          notes: [...document.querySelectorAll<HTMLElement>('[data-note]')].map((n) => {
            const id = n.dataset.note!;
            const para = document.getElementById(n.dataset.noteFor!)!;
            return {
              id, place: n.dataset.notePlace, ...box(n), ref: box(document.getElementById(`ref-${id}`)!), para: box(para),
              line: parseFloat(getComputedStyle(para).lineHeight), open: n.querySelector('details')!.open,
              expanded: document.getElementById(`ref-${id}`)!.getAttribute('aria-expanded'),
              bodyHeight: document.getElementById(id)!.getBoundingClientRect().height,
              // The figures the paragraph refers to.
              refersTo: [...para.querySelectorAll<HTMLElement>('[data-figref]')].map((a) => a.dataset.figref!),
            };
          }),
          figures: [...document.querySelectorAll('figure[id]')].map((f) => ({ id: f.id, ...box(f) })),
        };
      });
      const margin = notes.filter((n) => n.place === 'margin');
      const inline = notes.filter((n) => n.place === 'inline');
      expect(margin.length).toBeGreaterThan(5);
      expect(inline.length).toBeGreaterThan(0);
      for (const [i, n] of margin.entries()) {
        expect(n.left, n.id).toBeGreaterThan(n.para.right);
        expect(n.right, n.id).toBeLessThanOrEqual(width);
        expect(n.bodyHeight, n.id).toBeGreaterThan(0);
        // Its number says it is open, as it is.
        expect([n.open, n.expanded], n.id).toEqual([true, 'true']);
        // Level with its number, unless the note above pushes it down, and never more than three lines below it.
        expect(n.top, n.id).toBeGreaterThanOrEqual(n.ref.top - 12);
        if (i > 0) expect(n.top, n.id).toBeGreaterThanOrEqual(margin[i - 1]!.bottom);
        if (i === 0 || margin[i - 1]!.bottom < n.ref.top - 12) expect(Math.abs(n.top - n.ref.top), n.id).toBeLessThan(12);
        expect(n.top - n.ref.top, n.id).toBeLessThanOrEqual(3 * n.line);
        // Beside no figure it has nothing to do with.
        const beside = figures.filter((f) => f.top < n.bottom && n.top < f.bottom && !n.refersTo.includes(f.id)).map((f) => f.id);
        expect(beside, n.id).toEqual([]);
      }
      // Folded in place: closed, in the column of the text, right under its paragraph and the notes before it.
      for (const n of inline) {
        expect([n.open, n.expanded], n.id).toEqual([false, 'false']);
        expect(n.left, n.id).toBeGreaterThanOrEqual(n.para.left - 1);
        expect(n.right, n.id).toBeLessThanOrEqual(n.para.right + 1);
        expect(n.top, n.id).toBeGreaterThanOrEqual(n.para.bottom - 12);
        expect(n.top - n.para.bottom, n.id).toBeLessThan(160);
      }
      await page.context().close();
    });
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`a link to a margin note at 1280 px lands it with the lines of its paragraph before its number in view, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
      const page = await context.newPage();
      const margin = await (async () => {
        await page.goto(url('/'), { waitUntil: 'load' });
        return page.locator('[data-note-place="margin"]').evaluateAll((ns) => ns.map((n) => (n as HTMLElement).dataset.note!));
      })();
      expect(margin.length).toBeGreaterThan(2);
      for (const id of margin) {
        // A fresh load with the fragment, as from a shared link.
        const arrived = await context.newPage();
        await arrived.goto(url(`/#${id}`), { waitUntil: 'load' });
        const measure = () => arrived.evaluate((id) => {
          const note = document.querySelector(`[data-note="${id}"]`)!;
          const para = document.getElementById((note as HTMLElement).dataset.noteFor!)!.getBoundingClientRect();
          return { note: note.getBoundingClientRect().top, para: para.top, height: innerHeight };
        }, id);
        // The browser lands a fragment once the page is laid out, after the load event when no script runs.
        await expect.poll(async () => { const m = await measure(); return m.note >= 0 && m.note < m.height / 2; }).toBe(true);
        if (javaScriptEnabled) await scrollSettled(arrived);
        const at = await measure();
        // The note in view; above its top, the paragraph from its start or a quarter of the screen of it.
        expect(at.note, id).toBeGreaterThanOrEqual(0);
        expect(at.note, id).toBeLessThan(at.height / 2);
        expect(at.note - Math.max(0, at.para), id).toBeGreaterThanOrEqual(Math.min(at.note - at.para, at.height / 4) - 2);
        await arrived.close();
      }
      await context.close();
    });
  }

  it('opens a note under its paragraph on a phone, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open({ ...PHONE, javaScriptEnabled });
      const note = page.locator('[data-note="note-growth-rate"]');
      const body = page.locator('#note-growth-rate');
      expect(await body.isVisible()).toBe(false);
      const noteBox = await note.boundingBox();
      const paraBox = await page.locator('#trade-figures').boundingBox();
      expect(noteBox!.y).toBeGreaterThanOrEqual(paraBox!.y + paraBox!.height - 1);
      await note.locator('summary').click();
      expect(await body.isVisible()).toBe(true);
      expect(await body.textContent()).toMatch(/is a rise of \$\d+M, or \d+\.\d\u00a0%/);
      await page.context().close();
    }
  });

  it('opens a note by keyboard from its reference in the text, and reaches it with Tab', async () => {
    const page = await open(PHONE);
    const ref = page.locator('#ref-note-honorary-consulate');
    // The number opens the note in place, and says so before it is pressed: a link to a fragment sounds like a jump.
    await expect.poll(() => ref.getAttribute('aria-expanded')).toBe('false');
    await ref.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#note-honorary-consulate').isVisible()).toBe(true);
    await expect.poll(() => ref.getAttribute('aria-expanded')).toBe('true');
    // Focus stays on the number; the note's own controls follow it in the tab order.
    expect(await ref.evaluate((a) => a === document.activeElement)).toBe(true);
    const summary = page.locator('[data-note="note-honorary-consulate"] summary');
    for (let i = 0; i < 4 && !(await summary.evaluate((s) => s === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    const outline = await summary.evaluate((s) => getComputedStyle(s).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#note-honorary-consulate').isVisible()).toBe(false);
    await page.context().close();
  });

  it('opens a glossary definition from the keyboard and closes it with Escape', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await open(options);
      const term = page.locator('#term-cpec-button');
      const pop = page.locator('#term-cpec');
      await term.focus();
      expect(await pop.isVisible()).toBe(false);
      await page.keyboard.press('Enter');
      expect(await pop.isVisible()).toBe(true);
      expect(await pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      const box = await pop.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(options.viewport!.width);
      expect(await term.evaluate((b) => (b as HTMLButtonElement).popoverTargetElement?.id)).toBe('term-cpec');
      expect(await page.getByRole('button', { name: 'CPEC' }).count()).toBe(1);
      await page.keyboard.press('Escape');
      expect(await pop.isVisible()).toBe(false);
      // Opened again: Tab goes into the definition, and the next Tab, out of it, closes it, so that it covers
      // nothing the keyboard reaches next.
      await term.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-term-definition]')?.id)).toBe('term-cpec');
      expect(await pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      await page.keyboard.press('Tab');
      await expect.poll(() => pop.evaluate((p) => p.matches(':popover-open'))).toBe(false);
      await page.context().close();
    }
  });

  it('keeps each glossary button on the line of its term\'s last word at every phone width', async () => {
    const page = await open(PHONE);
    const strays: string[] = [];
    const wrapped = new Set<string>();
    // Every width from the narrowest phone to a wide one moves the terms along their lines.
    for (let width = 300; width <= 520; width += 4) {
      await page.setViewportSize({ width, height: 844 });
      const found = await page.locator('label.term').evaluateAll((labels, w) => labels.map((label) => {
        const rects = [...label.getClientRects()].filter((r) => r.width > 0);
        const lastLine = rects.at(-1)!;
        const button = document.getElementById(label.getAttribute('for')!)!.getBoundingClientRect();
        const sameLine = button.bottom > lastLine.top && button.top < lastLine.bottom && button.left >= lastLine.right - 1;
        const term = (label as HTMLElement).dataset.term!;
        return { stray: sameLine ? undefined : `${term} at ${w}px`, wrapped: rects[0]!.top < lastLine.top - 1 ? term : undefined };
      }), width);
      strays.push(...found.flatMap((f) => f.stray ?? []));
      for (const f of found) if (f.wrapped) wrapped.add(f.wrapped);
    }
    expect(strays).toEqual([]);
    // The words before the last still wrap: a long term breaks across lines at some width.
    expect(wrapped.size).toBeGreaterThan(0);
    await page.context().close();
  });

  it('sets what follows a glossary button (a space, a comma) as close to its “?” as after a letter', async () => {
    const page = await open(PHONE);
    const gaps = await page.locator('[data-para] button.term-button').evaluateAll((buttons) => buttons.flatMap((b) => {
      const icon = b.getBoundingClientRect().left + parseFloat(getComputedStyle(b, '::before').width);
      // The first character after the term's group, in the paragraph's text.
      const walker = document.createTreeWalker(b.closest('p')!, NodeFilter.SHOW_TEXT);
      walker.currentNode = b.closest('.term-group')!;
      let next = walker.nextNode() as Text | null;
      while (next && b.closest('.term-group')!.contains(next)) next = walker.nextNode() as Text | null;
      if (!next || !next.data) return [];
      const r = document.createRange();
      const at = next.data.search(/\S/);
      r.setStart(next, at); r.setEnd(next, at + 1);
      const box = r.getClientRects()[0];
      if (!box || Math.abs(box.top - b.getBoundingClientRect().top) > 30) return [];
      const space = at > 0 ? (() => { r.setStart(next, 0); r.setEnd(next, at); return r.getBoundingClientRect().width; })() : 0;
      return [{ term: (b as HTMLElement).id, extra: box.left - icon - space }];
    }));
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.filter((g) => g.extra > 3).map((g) => `${g.term}: ${g.extra.toFixed(1)} px`)).toEqual([]);
    await page.context().close();
  });

  it('opens a glossary definition by touching the author\'s word on a phone', async () => {
    const page = await open(PHONE);
    await page.locator('label.term[data-term="boot"]').tap();
    expect(await page.locator('#term-boot').isVisible()).toBe(true);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core in ${colorScheme} mode with a note open, a definition open and the map in view`, async () => {
      for (const options of [PHONE, DESKTOP]) {
        const page = await open({ ...options, colorScheme });
        if (options === PHONE) await page.locator('[data-note="note-growth-rate"] summary').click();
        await page.locator('#where-it-happened').scrollIntoViewIfNeeded();
        await page.locator('label.term[data-term="lng"]').click();
        const results = await new AxeBuilder({ page }).include('#note-growth-rate').include('#term-lng').include('#where-it-happened').include('[data-corrections]').include('section.glossary')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(violations(results)).toEqual([]);
        expect(violations(await axe(page))).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('marks each kind of note with its own shape beside its label and in the corrections, on screen in both schemes and in print', async () => {
    for (const [options, media] of [[PHONE, 'screen'], [{ ...DESKTOP, colorScheme: 'dark' }, 'screen'], [DESKTOP, 'print']] as const) {
      const page = await open(options);
      await page.emulateMedia({ media });
      const marks = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-note-shape]')].map((el) => {
        const s = getComputedStyle(el, '::before');
        const px = (v: string) => Number.parseFloat(v) || 0;
        const fontSize = px(getComputedStyle(el).fontSize);
        const [a, b] = (/matrix\(([^)]+)\)/.exec(s.transform)?.[1] ?? '1, 0').split(',').map(Number);
        const border = px(s.borderTopWidth), outer = px(s.width) + (s.boxSizing === 'content-box' ? 2 * border : 0);
        // Where the shape and the words are drawn: the element's first box starts with the shape, its words after it.
        const words = document.createRange();
        words.selectNodeContents([...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!);
        const first = el.getClientRects()[0]!, parent = el.parentElement!;
        const lineStart = parent.getBoundingClientRect().left + px(getComputedStyle(parent).paddingLeft) + px(getComputedStyle(parent).borderLeftWidth);
        return {
          wordsAfter: (words.getClientRects()[0]!.left - first.left) / fontSize, startsLine: Math.abs(first.left - lineStart) < 1,
          kind: el.dataset.noteShape, where: el.className, drawn: s.content !== 'none' && s.display !== 'none' && s.borderTopStyle === 'solid',
          turned: Math.round((Math.atan2(b!, a!) * 180) / Math.PI), round: s.borderTopLeftRadius === '50%', border,
          hollow: outer - 2 * border > 0.5, em: (outer * (Math.abs(a!) + Math.abs(b!))) / fontSize, colour: s.borderTopColor, text: getComputedStyle(el).color,
        };
      }));
      expect(new Set(marks.map((m) => m.where)), `${media}: beside the notes' labels and over the corrections' lists`).toEqual(new Set(['note-kind', 'corrections-subheading']));
      for (const m of marks) {
        const where = `${media} ${options.colorScheme ?? 'light'}: ${m.where} ${m.kind}`;
        expect(m.drawn, where).toBe(true);
        expect(m.border, `${where}, its outline`).toBeGreaterThanOrEqual(1);
        expect(m.em, `${where}, its drawn extent in ems of the label`).toBeGreaterThan(0.5);
        expect(m.em, `${where}, its drawn extent in ems of the label`).toBeLessThan(0.85);
        expect(m.colour, `${where}, drawn in a colour`).not.toBe('rgba(0, 0, 0, 0)');
        // A solid diamond, a hollow square, a hollow circle: told apart without colour.
        expect({ turned: m.turned, round: m.round, hollow: m.hollow }, where).toEqual(
          { correction: { turned: 45, round: false, hollow: false }, spelling: { turned: 0, round: false, hollow: true }, context: { turned: 0, round: true, hollow: true } }[m.kind!],
        );
        if (m.where === 'note-kind') expect(m.colour, `${where}, in the colour of its label`).toBe(m.text);
        // Its words start after it, clear of it and not far from it; a kind's heading in the corrections starts its line.
        expect(m.wordsAfter, `${where}, where its words start, in ems`).toBeGreaterThan(0.85);
        expect(m.wordsAfter, `${where}, where its words start, in ems`).toBeLessThan(1.6);
        if (m.where === 'corrections-subheading') expect(m.startsLine, `${where}, at the start of its line`).toBe(true);
      }
      await page.context().close();
    }
  });

  it('prints every note open and numbered, the author\'s glossary words kept and the definitions left out', async () => {
    const page = await open(DESKTOP);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#note-yanovsky').isVisible()).toBe(true);
    expect(await page.locator('[data-note="note-yanovsky"]').evaluate((n) => getComputedStyle(n).position)).toBe('static');
    expect(await page.locator('label.term[data-term="cpec"]').isVisible()).toBe(true);
    expect(await page.locator('#term-cpec-button').isVisible()).toBe(false);
    expect(await page.locator('#term-cpec').isVisible()).toBe(false);
    expect(await page.locator('#where-it-happened svg').first().isVisible()).toBe(true);
    await page.context().close();
  });
});
