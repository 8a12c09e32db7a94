-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "reviewRequestedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "sourceKey" TEXT;

-- CreateTable
CREATE TABLE "OrganiserInvitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "letterId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "OrganiserRole" NOT NULL DEFAULT 'EDITOR',
    "invitedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),

    CONSTRAINT "OrganiserInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterActivity" (
    "id" BIGSERIAL NOT NULL,
    "letterId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrganiserInvitation_email_idx" ON "OrganiserInvitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "OrganiserInvitation_letterId_email_key" ON "OrganiserInvitation"("letterId", "email");

-- CreateIndex
CREATE INDEX "LetterActivity_letterId_createdAt_idx" ON "LetterActivity"("letterId", "createdAt");

-- CreateIndex
CREATE INDEX "Signature_letterId_sourceKey_idx" ON "Signature"("letterId", "sourceKey");

-- AddForeignKey
ALTER TABLE "OrganiserInvitation" ADD CONSTRAINT "OrganiserInvitation_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganiserInvitation" ADD CONSTRAINT "OrganiserInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterActivity" ADD CONSTRAINT "LetterActivity_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterActivity" ADD CONSTRAINT "LetterActivity_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
