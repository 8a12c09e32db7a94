import { setTimeout as delay } from "node:timers/promises";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { startChaosApp } from "../support/chaos-app";
import { startChaosDatabase } from "../support/chaos-database";
import { Checks, waitFor } from "../support/checks";
import type { TScenario } from "../support/scenario";

const DOMAIN = "reveal.example";
const THRESHOLD = 3;
// Several fold-and-reveal rounds of the jobs process (every 0.5 s): each one folds, then tries the reveal.
const ROUNDS_MS = 2_500;

/**
 * Issue 13 §1: "a crash between fold and reveal still reveals after restart". The reveal runs
 * right after each fold in the jobs process (lib/jobs/background-jobs.ts). To stop the process
 * exactly between the two, the scenario holds a row lock on the waiting signature: the fold
 * commits the total that makes it due, and the reveal, which skips locked rows, leaves it
 * waiting, round after round. Then SIGKILL, the lock released while nothing runs, and a restart
 * on the same database: the name must appear, once, from the stored totals alone. Nothing in
 * the app is changed for the test.
 */
export const killedBetweenFoldAndReveal: TScenario = {
  name: "killed-between-fold-and-reveal",
  claim:
    "The app is killed with SIGKILL after a fold made a waiting name due and before its reveal: after restart the name appears, and the count is unchanged.",
  async run(ports) {
    const checks = new Checks();
    const database = await startChaosDatabase(ports.database);
    const capture = await startSmtpCapture({ port: ports.smtp });
    const start = () => startChaosApp({ name: this.name, port: ports.app, databaseUrl: database.url, smtpPort: ports.smtp });
    let app = await start();
    const { db } = database;
    try {
      const letter = await createLetter(db, { domains: [DOMAIN] });
      await db.letter.update({ where: { id: letter.id }, data: { nameThresholds: [THRESHOLD] } });
      await addConfirmedSignatures(db, letter.id, [
        { domain: DOMAIN, name: "Wren Waiting", anonymous: true },
        { domain: DOMAIN, name: "First Colleague" },
      ]);
      const wren = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, displayName: "Wren Waiting" } });
      await db.signature.update({ where: { id: wren.id }, data: { showNameAt: THRESHOLD } });
      const folded = (total: number) => async () => (await db.domainCount.findFirst({ where: { letterId: letter.id, domain: DOMAIN } }))?.total === total;
      const before = await waitFor(folded(THRESHOLD - 1), 15_000);

      // Hold Wren's row, as a concurrent writer would: the reveal skips it (SKIP LOCKED).
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM "Signature" WHERE id = ${wren.id}::uuid FOR UPDATE`;
          locked();
          await released;
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
      await isLocked;

      // The third signature at the domain: the fold commits total 3, and Wren is due.
      await addConfirmedSignatures(db, letter.id, [{ domain: DOMAIN, name: "Third Colleague" }]);
      const due = await waitFor(folded(THRESHOLD), 15_000);
      await delay(ROUNDS_MS);
      const waitingAfterRounds = await db.signature.findUniqueOrThrow({ where: { id: wren.id }, select: { showName: true, showNameAt: true } });

      const killedAt = Date.now();
      await app.kill("SIGKILL");
      release();
      await holder;
      const waitingAfterKill = await db.signature.findUniqueOrThrow({ where: { id: wren.id }, select: { showName: true, showNameAt: true } });

      app = await start();
      const restartedAt = Date.now();
      const revealed = await waitFor(async () => (await db.signature.findUniqueOrThrow({ where: { id: wren.id } })).showName, 20_000, 100);
      const revealedAt = Date.now();
      const listed = (await (await fetch(`${app.url}/api/v1/letters/${letter.slug}/signatures?limit=10`)).json()) as { signatures: { name: string | null }[] };
      const domainTotal = (await db.domainCount.findFirst({ where: { letterId: letter.id, domain: DOMAIN } }))?.total;
      const letterTotal = (await db.letterCount.findUnique({ where: { letterId: letter.id } }))?.total;
      const after = await db.signature.findUniqueOrThrow({ where: { id: wren.id }, select: { showName: true, showNameAt: true } });

      checks.that("the fold had counted 2 at the domain before the lock", before, `DomainCount ${DOMAIN} reached ${THRESHOLD - 1}`);
      checks.that("the fold committed the total that makes the waiting name due", due, `DomainCount ${DOMAIN} reached ${THRESHOLD}`);
      checks.that(
        "after the fold, round after round, the name still waited (the process stood between fold and reveal)",
        !waitingAfterRounds.showName && waitingAfterRounds.showNameAt === THRESHOLD,
        JSON.stringify(waitingAfterRounds),
      );
      checks.that(
        "it still waited when the process was killed",
        !waitingAfterKill.showName && waitingAfterKill.showNameAt === THRESHOLD,
        JSON.stringify(waitingAfterKill),
      );
      checks.that("after restart the name appears", revealed && after.showName && after.showNameAt === null, JSON.stringify(after));
      checks.that(
        "the public list names her",
        listed.signatures.some((signature) => signature.name === "Wren Waiting"),
        listed.signatures.map((signature) => signature.name ?? "Anonymous").join(", "),
      );
      checks.that(
        "the counts are unchanged: nothing folded twice",
        domainTotal === THRESHOLD && letterTotal === THRESHOLD,
        `domain ${domainTotal}, letter ${letterTotal}`,
      );
      return {
        checks: checks.list,
        figures: { killedToServingMs: restartedAt - killedAt, servingToRevealedMs: revealedAt - restartedAt },
      };
    } finally {
      await app.stop();
      await capture.close();
      await database.remove();
    }
  },
};
