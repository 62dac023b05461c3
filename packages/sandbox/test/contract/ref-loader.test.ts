import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAjv } from './ajv.js';
import { closeObjects, RefLoader } from './ref-loader.js';
import { loadYandexContract, SPECS } from './yandex-spec.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ref-loader-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('RefLoader', () => {
  it('inlines refs across files and pointers, and drops example and x- keywords', () => {
    write('b.yaml', 'type: string\nexample: hi\nx-note: internal\n');
    write('defs.yaml', 'Id:\n  type: integer\n  minimum: 1\n');
    const root = write(
      'a.yaml',
      'type: object\nproperties:\n  name:\n    $ref: ./b.yaml\n  id:\n    $ref: ./defs.yaml#/Id\n',
    );
    expect(new RefLoader().load(root)).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, id: { type: 'integer', minimum: 1 } },
    });
  });

  it('fails loudly on a missing target and on a cycle', () => {
    const missing = write('m.yaml', 'properties:\n  a:\n    $ref: ./defs.yaml#/Nope\n');
    write('defs.yaml', 'Id: {type: integer}\n');
    expect(() => new RefLoader().load(missing)).toThrow(/#\/Nope not found/);
    write('x.yaml', 'properties:\n  y:\n    $ref: ./y.yaml\n');
    const y = write('y.yaml', 'properties:\n  x:\n    $ref: ./x.yaml\n');
    expect(() => new RefLoader().load(y)).toThrow(/\$ref cycle/);
  });

  it('leaves no $ref, discriminator or x- keyword in the Yandex files once loaded', () => {
    const loaded = JSON.stringify(new RefLoader().load(join(SPECS, 'yandex-partner-api/openapi.yaml')));
    expect(loaded).not.toMatch(/"\$ref"|"x-|"discriminator"/);
    expect(() => loadYandexContract().notification()).not.toThrow();
  });

  it('turns a discriminator mapping into per-value branches a wrong body cannot slip past', () => {
    write('Ping.yaml', 'type: object\nproperties:\n  kind: {type: string}\n  time: {type: string}\n');
    write(
      'Chat.yaml',
      'type: object\nrequired: [kind, chatId]\nproperties:\n  kind: {type: string}\n  chatId: {type: integer}\n',
    );
    const root = write(
      'Any.yaml',
      [
        'type: object',
        'oneOf:',
        '  - $ref: ./Ping.yaml',
        '  - $ref: ./Chat.yaml',
        'discriminator:',
        '  propertyName: kind',
        '  mapping:',
        '    PING: ./Ping.yaml',
        '    CHAT: ./Chat.yaml',
        '',
      ].join('\n'),
    );
    const validate = createAjv().compile(closeObjects(new RefLoader().load(root)) as object);
    expect(validate({ kind: 'PING', time: 't' })).toBe(true);
    expect(validate({ kind: 'CHAT', chatId: 5 })).toBe(true);
    expect(validate({ kind: 'CHAT' })).toBe(false);
    expect(validate({ kind: 'OTHER' })).toBe(false);
    expect(validate({ kind: 'PING', chatId: 5 })).toBe(false);
  });

  it('refuses a discriminator whose mapping and oneOf list different schemas', () => {
    write('P.yaml', 'type: object\n');
    const root = write(
      'D.yaml',
      'oneOf:\n  - $ref: ./P.yaml\ndiscriminator:\n  propertyName: k\n  mapping:\n    A: ./Q.yaml\n',
    );
    expect(() => new RefLoader().load(root)).toThrow(/mapping and oneOf/);
  });
});
