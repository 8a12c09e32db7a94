/**
 * Text made safe to place in HTML or XML we write as a string, in element content or in a quoted
 * attribute: the five characters that could end or start markup become numeric references,
 * which both HTML and XML read back as the same text. (React escapes its own output; this is for
 * the few places that build markup by hand: emails, the badge, the embed code.)
 */
export const escapeMarkup = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
