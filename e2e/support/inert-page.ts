import { expect, type Page } from "@playwright/test";
import { XSS_SENTINEL } from "@/tests/support/xss-corpus";

const dialogsByPage = new WeakMap<Page, string[]>();

/**
 * Dialogs `page` opened (a payload's `alert(1)`), collected from the first call on: call it
 * before the page's first navigation. One listener per page, however often it is called.
 */
export function dialogsOf(page: Page): string[] {
  let dialogs = dialogsByPage.get(page);
  if (!dialogs) {
    const collected: string[] = [];
    page.on("dialog", (dialog) => {
      collected.push(dialog.message());
      void dialog.dismiss();
    });
    dialogsByPage.set(page, (dialogs = collected));
  }
  return dialogs;
}

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Asserts that the page in front of `page` ran nothing from its content and shows each of
 * `shows` as text. No CSP is relied on: the DOM itself must hold no script, handler, frame or
 * active URL that did not come from the app. Showing the payloads proves the data reached the
 * page; without that, an empty page would pass.
 */
export async function expectInertPage(page: Page, shows: readonly string[]) {
  const { problems, text } = await page.evaluate((sentinel) => {
    const found: string[] = [];
    const describe = (element: Element) => element.outerHTML.slice(0, 160);
    if (sentinel in window) found.push(`window.${sentinel} was set`);
    for (const script of document.querySelectorAll("script")) {
      const src = script.getAttribute("src");
      // The app's own scripts: its bundles, the inline bootstrap and streaming calls of Next and
      // Turbopack (whose data, payload text included, is JSON-escaped inside them), and React's
      // replay of forms submitted before hydration.
      const ours =
        src !== null
          ? src.startsWith("/_next/")
          : /^\s*(\(self\.__next_f|self\.__next_f\.push|\(globalThis\["TURBOPACK"\]|\$R[CSX]|requestAnimationFrame\(function\(\)\{\$RT|addEventListener\("submit")/.test(
              script.textContent ?? "",
            );
      if (!ours) found.push(`script ${describe(script)}`);
    }
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`handler ${attribute.name} on ${describe(element)}`);
      }
      if (/expression|url\(|javascript:/i.test(element.getAttribute("style") ?? "")) found.push(`style ${describe(element)}`);
    }
    for (const element of document.querySelectorAll(
      "iframe, frame, object, embed, base, meta[http-equiv], link[rel=import], foreignObject, svg script, svg a, math, template, style:not([data-precedence])",
    )) {
      found.push(`element ${describe(element)}`);
    }
    // Resolved as the browser resolves them (so "java\tscript:" counts as javascript:).
    for (const link of document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>("a[href], area[href]")) {
      if (!["http:", "https:", "mailto:"].includes(link.protocol)) found.push(`${link.protocol} link ${describe(link)}`);
    }
    for (const form of document.querySelectorAll("form")) {
      const action = form.getAttribute("action");
      // React writes a throwing javascript: action on forms whose action is a client function
      // (worded differently by the server and the client renderer).
      if (action !== null && /^\s*javascript:/i.test(action) && !/React form (was )?unexpectedly submitted/.test(action)) found.push(`form ${describe(form)}`);
    }
    // The letter page lays out its sections below the first screen only near the viewport
    // (content-visibility: auto), and innerText leaves out what is not laid out: those sections
    // are laid out here, after the scan above, so the text read is the whole page as rendered.
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (getComputedStyle(element).contentVisibility === "auto") element.style.contentVisibility = "visible";
    }
    return { problems: found, text: document.body.innerText };
  }, XSS_SENTINEL);

  expect(problems, `active content on ${page.url()}`).toEqual([]);
  expect(dialogsOf(page), `dialogs opened by ${page.url()} or a page before it`).toEqual([]);
  const shown = normalise(text);
  const missing = shows.filter((expected) => !shown.includes(normalise(expected)));
  expect(missing, `text missing from ${page.url()}`).toEqual([]);
}
