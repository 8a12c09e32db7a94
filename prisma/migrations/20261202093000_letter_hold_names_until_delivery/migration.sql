-- Names held until delivery (issue 13 §2): off for every letter that exists.
ALTER TABLE "Letter" ADD COLUMN "holdNamesUntilDelivery" BOOLEAN NOT NULL DEFAULT false;
