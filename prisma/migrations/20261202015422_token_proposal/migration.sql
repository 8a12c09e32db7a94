-- A confirm link carries the details of the submission that asked for it (see schema.prisma).
ALTER TABLE "SignatureToken" ADD COLUMN "proposal" JSONB;
