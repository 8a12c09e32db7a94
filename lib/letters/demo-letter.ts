import type { LetterStatus, StatusUpdateKind } from "@/lib/db/generated/enums";

/**
 * The letter a fresh install shows: Microsoft employees' June 2018 letter to Satya Nadella
 * about the company's contracts with ICE, as reported at the time. Only its quoted lines are
 * the letter's own words; the rest is the press account of it.
 */
export const DEMO_LETTER_SLUG = "microsoft-employees-ice-contracts";

type TLetterSeed = {
  slug: string;
  title: string;
  addressee: string;
  goal: number;
  status: LetterStatus;
  publishedAt: Date;
  discreetEmails: boolean;
  collectJobTitle: boolean;
  collectTeam: boolean;
  allowComments: boolean;
  allowPublicNames: boolean;
  bodyMarkdown: string;
  demands: string[];
  domainRules: { domain: string; includeSubdomains: boolean }[];
  statusUpdates: { kind: StatusUpdateKind; occurredAt: Date; body: string }[];
};

const at = (iso: string) => new Date(iso);

export const demoLetter = {
  slug: DEMO_LETTER_SLUG,
  title: "Microsoft employees to Satya Nadella: cancel the contracts with ICE",
  addressee: "Satya Nadella, CEO of Microsoft",
  goal: 500,
  status: "OPEN",
  publishedAt: at("2018-06-19T14:00:00Z"),
  discreetEmails: true,
  collectJobTitle: true,
  collectTeam: true,
  allowComments: true,
  allowPublicNames: true,
  bodyMarkdown: `Dear Satya,

We are writing as Microsoft employees, in response to the U.S. government's policy of separating children from their families at the border.

U.S. Immigration and Customs Enforcement (ICE) holds a **$19.4 million contract** to use Azure, Microsoft's cloud, for data processing and machine learning. Earlier this year Microsoft promoted the partnership on its Azure Government blog.

> We believe that Microsoft must take an ethical stand, and put children and families above profits.

> As the people who build the technologies Microsoft profits from, we refuse to be complicit.

We ask you to act on the demands below.

*— Microsoft employees*`,
  demands: [
    "Cancel Microsoft's contracts with U.S. Immigration and Customs Enforcement (ICE), and with clients who support the agency's work.",
    "Draft, publicize and enforce a clear policy stating that neither Microsoft nor its contractors will work with clients who violate international human rights law.",
  ],
  domainRules: [{ domain: "microsoft.com", includeSubdomains: false }],
  statusUpdates: [
    {
      kind: "PUBLISHED",
      occurredAt: at("2018-06-19T14:00:00Z"),
      body: "The letter was published and signatures opened. More than 100 employees had signed when the New York Times first reported it, and over 150 within about five hours.",
    },
    {
      kind: "RESPONSE",
      occurredAt: at("2018-06-19T20:00:00Z"),
      body: 'Microsoft said it was "dismayed by the forcible separation of children from their families at the border", and that it was not working with ICE or U.S. Customs and Border Protection on any projects related to separating children from their families, nor was Azure being used for that purpose.',
    },
    {
      kind: "NOTE",
      occurredAt: at("2018-06-20T10:00:00Z"),
      body: "The employees answered that this did not go far enough: they want the contracts cancelled. The first demand remains open.",
    },
    {
      kind: "NOTE",
      occurredAt: at("2018-06-20T18:00:00Z"),
      body: 'CEOs of other tech companies spoke out against the family-separation policy, and the UN High Commissioner for Human Rights called it "unconscionable".',
    },
  ],
} satisfies TLetterSeed;
