-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "abandonedAt" TIMESTAMP(3);
