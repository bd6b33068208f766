import { describe, expect, it } from 'vitest';
import { isPlainSiteLink, unsafeTextProblem } from './safeText.js';

describe('typed text and links people give (issue 13, item 12)', () => {
  it('names the control and bidirectional characters it refuses', () => {
    expect(unsafeTextProblem('factura \u202Efdp.exe')).toMatch(/\(U\+202E\)/);
    expect(unsafeTextProblem('a\u0000b\u0007c\u001bd')).toMatch(/\(U\+0000, U\+0007, U\+001B\)/);
    expect(unsafeTextProblem('\u2066aislado\u2069')).toMatch(/U\+2066, U\+2069/);
    expect(unsafeTextProblem('Texto normal\ncon saltos\ty tabuladores, ñ, «comillas», emoji 🎉.')).toBeNull();
  });

  it('takes links to a site by its name only', () => {
    expect(isPlainSiteLink(new URL('https://gobiernobogota.sharepoint.com/x'))).toBe(true);
    for (const url of ['https://127.1/', 'https://[::ffff:127.0.0.1]/', 'https://localhost./', 'https://a.localhost/', 'https://u:p@x.com/', 'https://nas.home.arpa/']) {
      expect(isPlainSiteLink(new URL(url)), url).toBe(false);
    }
  });
});
