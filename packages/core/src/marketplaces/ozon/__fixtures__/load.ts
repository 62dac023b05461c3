import { readFileSync } from 'node:fs';
import { parseJson } from '../../../json/lossless.js';

/** Test helper: a fixture's text and its lossless parse. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}

export function fixture<T = Record<string, unknown>>(name: string): T {
  return parseJson(fixtureText(name)) as T;
}
