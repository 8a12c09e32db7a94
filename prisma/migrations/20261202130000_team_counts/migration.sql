-- Per-team verified counts (issue 13 §4): a letter's fixed list of teams, the team key on each
-- count event, and the folded per-team totals (lib/teams/team-name.ts, fold-count-events.ts).
ALTER TABLE "CountEvent" ADD COLUMN     "team" TEXT;

ALTER TABLE "Letter" ADD COLUMN     "teams" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "TeamCount" (
    "letterId" UUID NOT NULL,
    "team" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TeamCount_pkey" PRIMARY KEY ("letterId","team")
);

ALTER TABLE "TeamCount" ADD CONSTRAINT "TeamCount_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The teams of signatures confirmed before this migration: their count events carried none.
-- The key is teamKeySql's (lib/teams/team-name.ts). Letters whose signers retention already
-- reduced keep only their named signers' teams, so their totals start from those.
INSERT INTO "TeamCount" ("letterId", "team", "total")
SELECT "letterId", lower(regexp_replace(btrim(team), '\s+', ' ', 'g')), COUNT(*)::int
FROM "Signature"
WHERE state = 'CONFIRMED' AND team IS NOT NULL AND btrim(team) <> ''
GROUP BY 1, 2;
