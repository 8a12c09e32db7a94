-- Threshold reveal (issue 13 §1): a signer's name shown once N people at their domain have signed.
ALTER TABLE "Letter" ADD COLUMN "nameThresholds" INTEGER[] DEFAULT ARRAY[25, 100]::INTEGER[];
ALTER TABLE "Signature" ADD COLUMN "showNameAt" INTEGER;
CREATE INDEX "Signature_showNameAt_letterId_domain_idx" ON "Signature"("showNameAt", "letterId", "domain");
