-- The hash of a signer's private receipt token (see schema.prisma).
ALTER TABLE "Signature" ADD COLUMN "receiptHash" TEXT;

CREATE UNIQUE INDEX "Signature_receiptHash_key" ON "Signature"("receiptHash");
