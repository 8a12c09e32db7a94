-- AlterEnum
ALTER TYPE "StatusUpdateKind" ADD VALUE 'MADE_PUBLIC';

-- DropIndex
DROP INDEX "Letter_status_publishedAt_idx";

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "listAtSignatures" INTEGER,
ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "listedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Letter_status_listed_publishedAt_idx" ON "Letter"("status", "listed", "publishedAt");
