-- The delivered letter's breakdown per domain (named signers, anonymous ones an organiser
-- verified) is kept with the per-domain totals, folded from the count events like them, instead
-- of being counted from every confirmed signature on each view of the delivery page or export
-- (136 ms at a million signatures, bench:scale; lib/counts/named-counts.ts).
ALTER TABLE "CountEvent" ADD COLUMN "named" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "anonymousByOrganisers" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "DomainCount" ADD COLUMN "named" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "anonymousByOrganisers" INTEGER NOT NULL DEFAULT 0;

-- The breakdown as the signatures say it now. The events already appended carry none of it (their
-- new columns are 0), so the folded rows take all of it; a domain with no folded row yet gets one
-- at total 0, to which the fold adds its events' totals. Reconciliation corrects any drift after.
INSERT INTO "DomainCount" ("letterId", "domain", "total", "named", "anonymousByOrganisers")
SELECT "letterId", "domain", 0,
  COUNT(*) FILTER (WHERE "showName" AND NOT "nameHidden"),
  COUNT(*) FILTER (WHERE NOT ("showName" AND NOT "nameHidden") AND "verificationMethod" = 'ORGANISER')
FROM "Signature" WHERE "state" = 'CONFIRMED'
GROUP BY "letterId", "domain"
ON CONFLICT ("letterId", "domain") DO UPDATE
  SET "named" = EXCLUDED."named", "anonymousByOrganisers" = EXCLUDED."anonymousByOrganisers";
