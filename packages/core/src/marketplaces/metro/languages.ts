import { ValidationError } from '../../errors/errors.js';

/** The Accept-Language values Metro documents for category names in chats. */
export const METRO_LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'pt', 'nl', 'hr'] as const;
export type MetroLanguage = (typeof METRO_LANGUAGES)[number];

/** The Accept-Language header for a request, or none; refuses a language Metro does not list. */
export function languageHeader(language: unknown, field = 'language'): Record<string, string> {
  if (language === undefined || language === null || language === '') return {};
  if (typeof language !== 'string' || !(METRO_LANGUAGES as readonly string[]).includes(language)) {
    throw new ValidationError(
      `Metro Markets: ${field} must be one of ${METRO_LANGUAGES.join(', ')} (got ${JSON.stringify(language)})`,
      { marketplace: 'metro', field, limit: `one of ${METRO_LANGUAGES.join(', ')}` },
    );
  }
  return { 'Accept-Language': language };
}
