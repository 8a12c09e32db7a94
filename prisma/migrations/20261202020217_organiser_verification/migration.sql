-- CreateEnum
CREATE TYPE "VerificationMethod" AS ENUM ('EMAIL', 'ORGANISER');

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'ORGANISER_CODE';

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "organiserVerification" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "organiserVerificationInstructions" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "verificationMethod" "VerificationMethod" NOT NULL DEFAULT 'EMAIL';

-- CreateIndex
CREATE INDEX "Signature_letterId_verificationMethod_state_idx" ON "Signature"("letterId", "verificationMethod", "state");
