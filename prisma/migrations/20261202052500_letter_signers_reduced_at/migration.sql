-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "signersReducedAt" TIMESTAMP(3);
