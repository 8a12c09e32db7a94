-- The organisers' name search (lib/moderation/list-signatures-for-organisers.ts) is an ILIKE
-- '%…%' on displayName: without an index it read every row of every letter, 330 ms on a letter of
-- a million signatures (bench:scale). A trigram index answers it from the rows that match.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the app's own role may
-- create it, on the system server, the embedded one and PGlite alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Signature_displayName_trgm_idx" ON "Signature" USING GIN ("displayName" gin_trgm_ops);
