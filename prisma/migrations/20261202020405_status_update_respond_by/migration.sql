-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "respondBy" DATE;
