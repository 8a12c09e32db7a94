import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { requireOrganiserPage } from "@/lib/adapters/organiser-page";
import { LetterNav } from "../letter-nav";
import { lookUpCodeAction, rejectCodeAction, verifyCodeAction } from "./actions";
import { VerifyPanel } from "./verify-panel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Verify a code" };

type Props = { params: Promise<{ id: string }> };

/** Where organisers check the codes of signers who will not receive mail at work (issue 14 §3). */
export default async function VerifyCodePage({ params }: Props) {
  const { id } = await params;
  const { letter, role } = await requireOrganiserPage(id, "EDITOR", `/organise/letters/${id}/verify`);
  const options = await getDb().letter.findUniqueOrThrow({ where: { id: letter.id }, select: { organiserVerification: true } });
  return (
    <>
      <h1>{letter.title}</h1>
      <LetterNav letter={letter} current="/verify" role={role} />
      <h2>Verify a code</h2>
      {options.organiserVerification ? (
        <>
          <p>
            A signer who will not receive mail at work shows you a code and proof that they work at the domain they claim (a staff badge, say). Enter the code
            to see their claim, then verify it (it counts at once, like an email confirmation) or reject it with a reason. Codes lapse after 14 days. Each code
            you try counts against a limit for you and for the letter.
          </p>
          <VerifyPanel
            lookUp={lookUpCodeAction.bind(null, letter.id)}
            verify={verifyCodeAction.bind(null, letter.id)}
            reject={rejectCodeAction.bind(null, letter.id)}
          />
        </>
      ) : (
        <p className="card">
          This letter&rsquo;s signatures are verified by work email only. Organiser verification is a letter option, chosen while the letter is a draft.
        </p>
      )}
    </>
  );
}
