import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export const ZSignatureId = z.uuid("Choose a signature.");

/**
 * A signature id that names no signature of this letter is refused like any bad input: an
 * organiser of one letter learns nothing about another letter's signatures.
 */
export const signatureNotOnLetter = () =>
  new AppError("INVALID_INPUT", { message: "That signature is not on this letter.", fields: { signatureId: ["That signature is not on this letter."] } });
