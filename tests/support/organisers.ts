import { randomBytes } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import type { TOrganiserDeps } from "@/lib/auth/organiser-action";
import type { OrganiserRole } from "@/lib/db/generated/enums";
import type { TDb } from "@/lib/db/prisma";

/** A signed-in user of the test's own, as the actor the organiser actions receive. */
export async function createActor(db: TDb, options: { email?: string; isAdmin?: boolean } = {}): Promise<TActor> {
  const email = options.email ?? `organiser-${randomBytes(4).toString("hex")}@example.org`;
  const user = await db.user.create({ data: { email }, select: { id: true } });
  return { userId: user.id, email, isAdmin: options.isAdmin ?? false };
}

export async function addOrganiser(db: TDb, letterId: string, actor: TActor, role: OrganiserRole): Promise<void> {
  await db.letterOrganiser.create({ data: { letterId, userId: actor.userId, role } });
}

/**
 * Deps for organiser actions in tests. The small-group rule is off (`minPublicGroup` 1) so that a
 * test's few signers show exactly; the tests of that rule set their own
 * (lib/privacy/small-groups.integration.test.ts).
 */
export function organiserDeps(db: TDb, overrides: Partial<TOrganiserDeps> = {}): TOrganiserDeps {
  return { db, now: new Date(), settings: { requireApproval: false, appUrl: "http://localhost:3000", minPublicGroup: 1 }, ...overrides };
}

/** A draft complete enough to publish, in the shape the editor submits. */
export function completeDraft(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    title: "Cancel the contract",
    slug,
    addressee: "The CEO of Example Corp",
    bodyMarkdown: "We, the undersigned employees, ask you to **cancel the contract**.",
    demands: [{ text: "Cancel the contract." }, { text: "Publish a human-rights policy." }],
    openToAnyDomain: false,
    domains: [{ domain: "example.com", includeSubdomains: false }],
    goal: 500,
    closesAt: "",
    collectJobTitle: true,
    collectTeam: false,
    allowComments: true,
    allowPublicNames: true,
    discreetEmails: true,
    ...overrides,
  };
}

/** The letter's version now: what an organiser's page would send with an edit. */
export async function versionOf(db: TDb, letterId: string): Promise<number> {
  return (await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { version: true } })).version;
}
