import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/prisma";
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
  statusUpdates?: { kind: StatusUpdateKind; body: string; occurredAt: Date }[];
};

/** A letter of the test's own, unique per call, with whatever the test cares about overridden. */
export async function createLetter(db: Db, overrides: LetterOverrides = {}) {
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
      domainRules: { create: (overrides.domains ?? ["example.com"]).map((domain) => ({ domain })) },
      statusUpdates: { create: overrides.statusUpdates ?? [] },
      count: { create: { total: overrides.total ?? 0 } },
    },
  });
}
