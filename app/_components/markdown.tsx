import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";

const components: Components = {
  // Organisers' links lead off-site: no referrer (the letter's URL can be sensitive) and no
  // ranking credit for whatever a letter links to.
  a: ({ node: _node, ...props }) => <a {...props} rel="nofollow ugc noreferrer" />,
};

/**
 * Renders organiser-written Markdown safely: raw HTML is dropped rather than passed through,
 * and only http(s), mailto and relative URLs survive (`javascript:`, `data:` and the like become
 * empty). Images are not rendered at all: a remote image in a letter would tell a third party
 * the address of everyone who reads it. A single line break stays a line break (remark-breaks):
 * letters are letters, and "Sincerely,⏎The staff" must not run into one line.
 */
export function MarkdownBody({ source }: { source: string }) {
  return (
    <div className="prose">
      <Markdown
        remarkPlugins={[remarkGfm, remarkBreaks]}
        skipHtml
        disallowedElements={["img"]}
        unwrapDisallowed={false}
        urlTransform={defaultUrlTransform}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
}
