-- CreateIndex
CREATE INDEX "Signature_letterId_createdAt_idx" ON "Signature"("letterId", "createdAt");
