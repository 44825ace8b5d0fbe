// How file-system errors of a write become reasons (the real failures are in
// test/durability/write-failures.test.ts; here the codes that test cannot produce on demand).
import { describe, expect, it } from 'vitest';
import { storeFailureOf, StoreWriteError } from '../../server/store/failures.js';

const fsError = (code: string, file?: string) => Object.assign(new Error(`${code}: boom`), { code, ...(file ? { path: file } : {}) });

describe('storeFailureOf', () => {
  it.each([
    ['ENOSPC', 'disk-full', /no space left on the device holding \/store\/claims/],
    ['EDQUOT', 'disk-full', /no space left/],
    ['EACCES', 'permission', /may not write \/store\/claims\/x\.json \(EACCES: permission denied\).*write access to \/store\/claims/],
    ['EPERM', 'permission', /EPERM: permission denied/],
    ['EROFS', 'permission', /EROFS: read-only file system/],
    ['EIO', 'io', /writing \/store\/claims\/x\.json failed/],
  ])('%s is a %s failure naming where', (code, kind, message) => {
    const failure = storeFailureOf(fsError(code, '/store/claims/x.json'), '/store') as StoreWriteError;
    expect(failure).toBeInstanceOf(StoreWriteError);
    expect(failure).toMatchObject({ kind, code });
    expect(failure.message).toMatch(message);
  });

  it('names the store folder when the error carries no path (a write on an open file)', () => {
    expect((storeFailureOf(fsError('ENOSPC'), '/store') as StoreWriteError).path).toBe('/store');
  });

  it('passes anything that is not a file-system error through unchanged (a bug is not a full disk)', () => {
    const bug = new TypeError('x is undefined');
    expect(storeFailureOf(bug, '/store')).toBe(bug);
  });
});
