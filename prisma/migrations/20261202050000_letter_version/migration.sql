-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "LetterActivity" ADD COLUMN     "letterVersion" INTEGER;
