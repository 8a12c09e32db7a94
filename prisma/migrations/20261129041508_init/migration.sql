-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "DemandStatus" AS ENUM ('OPEN', 'PARTLY_MET', 'MET', 'REFUSED');

-- CreateEnum
CREATE TYPE "StatusUpdateKind" AS ENUM ('PUBLISHED', 'DELIVERED', 'RESPONSE', 'DEMAND_CHANGE', 'VICTORY', 'NOTE');

-- CreateEnum
CREATE TYPE "SignatureState" AS ENUM ('PENDING', 'CONFIRMED', 'WITHDRAWN', 'INVALIDATED');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('CONFIRM', 'WITHDRAW');

-- CreateEnum
CREATE TYPE "OrganiserRole" AS ENUM ('OWNER', 'EDITOR');

-- CreateTable
CREATE TABLE "Letter" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "addressee" TEXT NOT NULL,
    "bodyMarkdown" TEXT NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'DRAFT',
    "goal" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "openToAnyDomain" BOOLEAN NOT NULL DEFAULT false,
    "collectJobTitle" BOOLEAN NOT NULL DEFAULT false,
    "collectTeam" BOOLEAN NOT NULL DEFAULT false,
    "allowComments" BOOLEAN NOT NULL DEFAULT true,
    "allowPublicNames" BOOLEAN NOT NULL DEFAULT true,
    "discreetEmails" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Demand" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "letterId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" "DemandStatus" NOT NULL DEFAULT 'OPEN',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "letterId" UUID NOT NULL,
    "kind" "StatusUpdateKind" NOT NULL,
    "body" TEXT NOT NULL,
    "demandId" UUID,
    "authorId" UUID,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DomainRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "letterId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "includeSubdomains" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DomainRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "letterId" UUID NOT NULL,
    "emailKey" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "jobTitle" TEXT,
    "team" TEXT,
    "comment" TEXT,
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "nameHidden" BOOLEAN NOT NULL DEFAULT false,
    "commentHidden" BOOLEAN NOT NULL DEFAULT false,
    "state" "SignatureState" NOT NULL DEFAULT 'PENDING',
    "invalidationReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignatureToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "signatureId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignatureToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" BIGSERIAL NOT NULL,
    "to" TEXT,
    "template" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountEvent" (
    "id" BIGSERIAL NOT NULL,
    "letterId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "delta" INTEGER NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CountEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterCount" (
    "letterId" UUID NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterCount_pkey" PRIMARY KEY ("letterId")
);

-- CreateTable
CREATE TABLE "DomainCount" (
    "letterId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DomainCount_pkey" PRIMARY KEY ("letterId","domain")
);

-- CreateTable
CREATE TABLE "DailyCount" (
    "letterId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyCount_pkey" PRIMARY KEY ("letterId","day")
);

-- CreateTable
CREATE TABLE "LetterOrganiser" (
    "letterId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "OrganiserRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterOrganiser_pkey" PRIMARY KEY ("letterId","userId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "userId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("provider","providerAccountId")
);

-- CreateTable
CREATE TABLE "Session" (
    "sessionToken" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateIndex
CREATE UNIQUE INDEX "Letter_slug_key" ON "Letter"("slug");

-- CreateIndex
CREATE INDEX "Letter_status_publishedAt_idx" ON "Letter"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Demand_letterId_position_idx" ON "Demand"("letterId", "position");

-- CreateIndex
CREATE INDEX "StatusUpdate_letterId_occurredAt_idx" ON "StatusUpdate"("letterId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "DomainRule_letterId_domain_key" ON "DomainRule"("letterId", "domain");

-- CreateIndex
CREATE INDEX "Signature_letterId_state_confirmedAt_idx" ON "Signature"("letterId", "state", "confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_letterId_emailKey_key" ON "Signature"("letterId", "emailKey");

-- CreateIndex
CREATE UNIQUE INDEX "SignatureToken_tokenHash_key" ON "SignatureToken"("tokenHash");

-- CreateIndex
CREATE INDEX "SignatureToken_signatureId_idx" ON "SignatureToken"("signatureId");

-- CreateIndex
CREATE INDEX "OutboxEmail_sentAt_nextAttemptAt_idx" ON "OutboxEmail"("sentAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "CountEvent_letterId_idx" ON "CountEvent"("letterId");

-- CreateIndex
CREATE INDEX "LetterOrganiser_userId_idx" ON "LetterOrganiser"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DomainRule" ADD CONSTRAINT "DomainRule_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignatureToken" ADD CONSTRAINT "SignatureToken_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountEvent" ADD CONSTRAINT "CountEvent_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterCount" ADD CONSTRAINT "LetterCount_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DomainCount" ADD CONSTRAINT "DomainCount_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyCount" ADD CONSTRAINT "DailyCount_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterOrganiser" ADD CONSTRAINT "LetterOrganiser_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterOrganiser" ADD CONSTRAINT "LetterOrganiser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
