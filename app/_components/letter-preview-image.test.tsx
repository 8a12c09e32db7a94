import { ImageResponse } from "next/og";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { LetterPreviewImage } from "./letter-preview-image";
import { drawableInPreview, isDrawableInPreview } from "./preview-image-text";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Text next/og cannot draw with its own font: it would fetch an emoji or a font for each.
const FAR_AWAY_TEXT = ["Stand with us ✊🏽 🇺🇦", "日本語のタイトル", "עברית וערבית عربي", "हिन्दी", "∮ ⌘ ☃ 𝔘𝔫𝔡𝔢𝔯"];

async function draw(title: string, addressee = "The Board"): Promise<Buffer> {
  const response = new ImageResponse(<LetterPreviewImage title={title} addressee={addressee} open total={1234} goal={5000} />, { width: 1200, height: 630 });
  return Buffer.from(await response.arrayBuffer());
}

describe("drawableInPreview", () => {
  it("keeps Latin, Cyrillic and typographic punctuation, and folds white space", () => {
    expect(drawableInPreview("Ça suffit — «Нет» “now”…\n\tplease")).toBe("Ça suffit — «Нет» “now”… please");
  });

  it("leaves out what the bundled font cannot draw", () => {
    expect(drawableInPreview("Stand with us ✊🏽 now")).toBe("Stand with us now");
    expect(drawableInPreview("日本語")).toBe("");
  });
});

describe("LetterPreviewImage", () => {
  const realFetch = globalThis.fetch;
  const fetchCalls: string[] = [];
  beforeEach(() => {
    fetchCalls.length = 0;
    vi.stubGlobal("fetch", (url: string | URL) => {
      // next/og loads its own layout engine from a data: URL; anything else goes off the machine.
      if (String(url).startsWith("data:")) return realFetch(url);
      fetchCalls.push(String(url));
      return Promise.reject(new Error("the preview image must not fetch anything"));
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("draws every character it keeps with the bundled font alone", async () => {
    const kept = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).filter(isDrawableInPreview);
    expect(kept.length).toBeGreaterThan(500);
    for (let start = 0; start < kept.length; start += 100) {
      expect((await draw(kept.slice(start, start + 100).join(""))).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    }
    expect(fetchCalls).toEqual([]);
  });

  it.each([...FAR_AWAY_TEXT, ...XSS_TEXT_PAYLOADS])("draws the title %j without fetching anything", async (title) => {
    expect((await draw(title, title)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(fetchCalls).toEqual([]);
  });
});

describe("LetterPreviewImage text", () => {
  type TNode = { props?: { children?: unknown } } | string | number | null | undefined | boolean;
  // next/og lays out each text child as its own box: two text children side by side lose or
  // double the space between them. Every line must be a single string.
  function mixedTextRuns(node: TNode): unknown[][] {
    if (!node || typeof node !== "object") return [];
    const children = node.props?.children;
    const list = Array.isArray(children) ? (children as TNode[]) : [children as TNode];
    const texts = list.filter((child) => typeof child === "string" || typeof child === "number");
    return [...(texts.length > 1 ? [texts] : []), ...list.flatMap(mixedTextRuns)];
  }

  it.each([
    { open: true, total: 1, goal: 5000 },
    { open: false, total: 2, goal: null },
  ])("draws each line as one string ($total signatures)", ({ open, total, goal }) => {
    const tree = LetterPreviewImage({ title: "A letter", addressee: "The Board", open, total, goal }) as TNode;
    expect(mixedTextRuns(tree)).toEqual([]);
  });
});
