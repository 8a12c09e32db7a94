import type { Metadata } from "next";
import { formatDate } from "@/lib/wording/format";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { getLetterTeam } from "@/lib/organisers/get-letter-team";
import { requireOrganiserPage } from "@/lib/adapters/organiser-page";
import { ActionForm } from "../../../../_components/action-form";
import { deleteLetterAction } from "../actions";
import { LetterNav } from "../letter-nav";
import { inviteEditorAction, removeEditorAction, revokeInvitationAction, transferOwnershipAction } from "./actions";

export const metadata: Metadata = { title: "Team", robots: { index: false } };

/** Who organises the letter. Only its owner changes the team, hands the letter on, or deletes it. */
export default async function LetterTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { letter, role, actor } = await requireOrganiserPage(id, "EDITOR", `/organise/letters/${id}/team`);
  const team = await getLetterTeam(getDb(), letter.id, new Date());
  const isOwner = hasRole(role, "OWNER");
  return (
    <>
      <LetterNav letter={letter} current="/team" role={role} />
      <h1>Team of “{letter.title}”</h1>
      <p className="muted">Organisers see each other&apos;s addresses. They never see signers&apos; addresses: nobody can.</p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Organisers</caption>
          <thead>
            <tr>
              <th scope="col">Organiser</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              {isOwner ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {team.organisers.map((organiser) => (
              <tr key={organiser.user.id}>
                <td>
                  {organiser.user.email}
                  {organiser.user.id === actor.userId ? " (you)" : ""}
                </td>
                <td>{organiser.role === "OWNER" ? "Owner" : "Editor"}</td>
                <td>{formatDate(organiser.createdAt)}</td>
                {isOwner ? (
                  <td>
                    {organiser.role === "EDITOR" ? (
                      <div className="organiser-toolbar">
                        <ActionForm
                          action={transferOwnershipAction.bind(null, letter.id)}
                          submitLabel={`Make ${organiser.user.email} the owner`}
                          buttonClassName="button-secondary"
                        >
                          <input type="hidden" name="userId" value={organiser.user.id} />
                        </ActionForm>
                        <ActionForm
                          action={removeEditorAction.bind(null, letter.id)}
                          submitLabel={`Remove ${organiser.user.email}`}
                          buttonClassName="button-secondary"
                        >
                          <input type="hidden" name="userId" value={organiser.user.id} />
                        </ActionForm>
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {isOwner ? (
        <>
          <section aria-labelledby="invite-heading" className="card">
            <h2 id="invite-heading">Invite an editor</h2>
            <p>Editors can write and update the letter and moderate signatures. They cannot publish, close, delete or hand it on.</p>
            <ActionForm action={inviteEditorAction.bind(null, letter.id)} submitLabel="Send invitation" labels={{ email: "Email" }}>
              <div className="field">
                <label htmlFor="invite-email">Their email address</label>
                <input id="invite-email" name="email" type="email" required maxLength={254} />
              </div>
            </ActionForm>
            {team.invitations.length > 0 ? (
              <>
                <h3>Pending invitations</h3>
                <ul>
                  {team.invitations.map((invitation) => (
                    <li key={invitation.id} className="organiser-toolbar">
                      <span>
                        {invitation.email} · {invitation.expired ? "expired" : `until ${formatDate(invitation.expiresAt)}`}
                      </span>
                      <ActionForm
                        action={revokeInvitationAction.bind(null, letter.id)}
                        submitLabel={`Withdraw invitation to ${invitation.email}`}
                        buttonClassName="button-secondary"
                      >
                        <input type="hidden" name="invitationId" value={invitation.id} />
                      </ActionForm>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="delete-heading" className="card">
            <h2 id="delete-heading">Delete the letter</h2>
            <p>
              This deletes the letter, every signature, its counts and its history, for good. Type <code>{letter.slug}</code> to confirm.
            </p>
            <ActionForm
              action={deleteLetterAction.bind(null, letter.id)}
              submitLabel="Delete for good"
              buttonClassName="button-danger"
              labels={{ confirmSlug: "Confirmation" }}
            >
              <div className="field">
                <label htmlFor="delete-confirm">Letter address</label>
                <input id="delete-confirm" name="confirmSlug" type="text" autoComplete="off" />
              </div>
            </ActionForm>
          </section>
        </>
      ) : null}
    </>
  );
}
