import { organiserEmailTemplates } from "@/lib/auth/emails/organiser-emails";
import { madePublicEmail } from "@/lib/letters/quiet-launch/made-public-email";
import { signatureEmailTemplates } from "@/lib/signatures/emails/signature-emails";
import type { TAnyEmailTemplate } from "./email-template";

/** Every kind of email the outbox can deliver, by name. */
export const emailTemplates: Record<string, TAnyEmailTemplate> = Object.fromEntries(
  [...signatureEmailTemplates, ...organiserEmailTemplates, madePublicEmail].map((template) => [template.name, template]),
);
