import type { OrganiserRole } from "@/lib/db/generated/enums";

/**
 * What someone may do to a letter. Platform admins may do anything an owner may (they answer
 * for the platform: abuse, review); owners may do anything an editor may, plus delete the letter,
 * transfer it and manage its editors.
 */
export type TLetterRole = OrganiserRole | "ADMIN";

const RANK: Record<TLetterRole, number> = { EDITOR: 1, OWNER: 2, ADMIN: 3 };

export function hasRole(held: TLetterRole, required: TLetterRole): boolean {
  return RANK[held] >= RANK[required];
}

/** The refusal an organiser sees when their role is too low. */
export function roleRequirementMessage(required: TLetterRole): string {
  switch (required) {
    case "EDITOR":
      return "Only the letter's organisers can do this.";
    case "OWNER":
      return "Only the letter's owner can do this.";
    case "ADMIN":
      return "Only a platform admin can do this.";
    default: {
      const unreachable: never = required;
      throw new Error(`Unknown role ${String(unreachable)}`);
    }
  }
}
