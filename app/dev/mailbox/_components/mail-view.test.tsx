import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MailBody, MailList } from "./mail-view";

const LONG_LINK = `http://localhost:3000/confirm/${"a".repeat(43)}`;
const message = {
  id: "000001",
  from: "Undersigned <letters@undersigned.test>",
  to: "someone@example.com",
  subject: "Confirm your signature on Undersigned",
  text: `Open this link:\n${LONG_LINK}\n`,
  html: "",
  sentAt: "2026-12-02T14:05:09.123Z",
};

describe("the dev mailbox", () => {
  it("shows when a message arrived as people read times", () => {
    const html = renderToStaticMarkup(<MailList messages={[message]} />);
    expect(html).toContain('<time dateTime="2026-12-02T14:05:09.123Z">2 Dec 2026, 14:05 UTC</time>');
    expect(html).not.toContain(">2026-12-02T14:05:09.123Z<");
  });

  it("lets long links wrap inside the message rather than widen the page", () => {
    const html = renderToStaticMarkup(<MailBody message={message} />);
    expect(html).toContain('<pre class="card dev-mail-text">');
    expect(html).toContain(`<ul class="dev-mail-links"><li><a href="${LONG_LINK}">`);
    expect(html).toContain("2 Dec 2026, 14:05 UTC");
  });
});
