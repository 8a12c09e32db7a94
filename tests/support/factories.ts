import { randomBytes } from "node:crypto";
import { Prisma, type TDb } from "@/lib/db/prisma";
import { sharesSql } from "@/lib/counts/named-counts";
import { teamKeySql } from "@/lib/teams/team-key-sql";
import type { DemandStatus, LetterStatus, StatusUpdateKind } from "@/lib/db/generated/enums";

type LetterOverrides = {
  slug?: string;
  title?: string;
  addressee?: string;
  bodyMarkdown?: string;
  status?: LetterStatus;
  goal?: number | null;
  publishedAt?: Date | null;
  total?: number;
  demands?: { text: string; status?: DemandStatus }[];
  domains?: string[];
  openToAnyDomain?: boolean;
  statusUpdates?: { kind: StatusUpdateKind; body: string; occurredAt: Date; respondBy?: Date }[];
  holdNamesUntilDelivery?: boolean;
  /** Quiet launch: false for an unlisted letter, open by its link only. */
  listed?: boolean;
  listAtSignatures?: number | null;
  collectTeam?: boolean;
  teams?: string[];
};

/** A letter of the test's own, unique per call, with whatever the test cares about overridden. */
export async function createLetter(db: TDb, overrides: LetterOverrides = {}) {
  const suffix = randomBytes(4).toString("hex");
  const status = overrides.status ?? "OPEN";
  return db.letter.create({
    data: {
      slug: overrides.slug ?? `test-letter-${suffix}`,
      title: overrides.title ?? `Test letter ${suffix}`,
      addressee: overrides.addressee ?? "The Board of Example Corp",
      bodyMarkdown: overrides.bodyMarkdown ?? "We, the undersigned, ask for **one thing**.",
      status,
      goal: overrides.goal === undefined ? 100 : overrides.goal,
      publishedAt: overrides.publishedAt === undefined ? (status === "DRAFT" ? null : new Date()) : overrides.publishedAt,
      demands: {
        create: (overrides.demands ?? [{ text: "Do the right thing." }]).map((demand, position) => ({ ...demand, position })),
      },
      openToAnyDomain: overrides.openToAnyDomain ?? false,
      listed: overrides.listed ?? true,
      listAtSignatures: overrides.listAtSignatures ?? null,
      domainRules: { create: (overrides.domains ?? (overrides.openToAnyDomain ? [] : ["example.com"])).map((domain) => ({ domain })) },
      statusUpdates: { create: overrides.statusUpdates ?? [] },
      count: { create: { total: overrides.total ?? 0 } },
      holdNamesUntilDelivery: overrides.holdNamesUntilDelivery ?? false,
      collectTeam: overrides.collectTeam ?? false,
      teams: overrides.teams ?? [],
    },
  });
}

type SignatureOverrides = {
  name?: string;
  domain?: string;
  anonymous?: boolean;
  jobTitle?: string;
  team?: string;
  comment?: string;
  confirmedAt?: Date;
};

/**
 * Confirmed signatures as confirmations leave them: the signature rows and their count events,
 * which the aggregator (the app's, in e2e runs; `foldCountEvents` in integration tests) folds.
 */
export async function addConfirmedSignatures(db: TDb, letterId: string, signatures: SignatureOverrides[]) {
  for (const signature of signatures) {
    const confirmedAt = signature.confirmedAt ?? new Date();
    const domain = signature.domain ?? "example.com";
    const emailKey = randomBytes(16).toString("hex");
    await db.$transaction([
      db.signature.create({
        data: {
          letterId,
          emailKey,
          sourceKey: randomBytes(16).toString("hex"),
          domain,
          displayName: signature.name ?? "Test Signer",
          showName: !signature.anonymous,
          jobTitle: signature.jobTitle,
          team: signature.team,
          comment: signature.comment,
          state: "CONFIRMED",
          confirmedAt,
        },
      }),
      // With its share of the named counts, as the app's own confirmations write it (named-counts.ts).
      db.$executeRaw`INSERT INTO "CountEvent" ("letterId", domain, day, team, delta, named, "anonymousByOrganisers")
        SELECT ${letterId}::uuid, ${domain}, ${confirmedAt.toISOString().slice(0, 10)}::date, ${teamKeySql(Prisma.sql`${signature.team ?? null}::text`)}, 1,
          ${sharesSql("s", Prisma.sql`1`)}
        FROM "Signature" s WHERE s."letterId" = ${letterId}::uuid AND s."emailKey" = ${emailKey}`,
    ]);
  }
}
