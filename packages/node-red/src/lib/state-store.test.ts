import { describe, expect, it } from 'vitest';
import { chooseStore, savedState, stateFor } from './state-store.js';

describe('chooseStore', () => {
  it('takes the store named in the node', () => {
    expect(chooseStore(' redis ', { default: { module: 'memory' } })).toBe('redis');
  });
  it('without settings, or with memory only, uses the default store (memory)', () => {
    expect(chooseStore('', undefined)).toBeUndefined();
    expect(chooseStore(undefined, { default: { module: 'memory' } })).toBeUndefined();
  });
  it('uses a persistent default store', () => {
    expect(chooseStore('', { default: { module: 'localfilesystem' } })).toBe('default');
  });
  it('follows a default that names another store', () => {
    expect(
      chooseStore('', { default: 'file', file: { module: 'localfilesystem' }, mem: { module: 'memory' } }),
    ).toBe('file');
  });
  it('finds a persistent store that is not the default', () => {
    expect(chooseStore('', { default: { module: 'memory' }, file: { module: 'localfilesystem' } })).toBe(
      'file',
    );
  });
});

describe('saved state', () => {
  it('is only handed back to a watcher of the same marketplace and account', () => {
    const saved = savedState('ozon', 'owner-a', { version: 1 });
    expect(stateFor(saved, 'ozon', 'owner-a')).toEqual({ version: 1 });
    expect(stateFor(saved, 'yandex', 'owner-a')).toBeUndefined();
    expect(stateFor(saved, 'ozon', 'owner-b')).toBeUndefined();
    expect(stateFor('garbage', 'ozon', 'owner-a')).toBeUndefined();
    expect(stateFor(undefined, 'ozon', 'owner-a')).toBeUndefined();
    // Saved before records named their account: started over once, not fed to a stranger.
    expect(
      stateFor({ version: 1, marketplace: 'ozon', state: { version: 1 } }, 'ozon', 'owner-a'),
    ).toBeUndefined();
  });
});
