/** Where the live check may send a token: https anywhere, http to loopback only, nothing it would have to guess at. */
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/errors.js';
import { isLoopback, resolveEndpoint } from '../src/verify/endpoint.js';

const at = (url?: string) => resolveEndpoint(url === undefined ? {} : { KERNEL_SECRETS_API_URL: url });

describe('resolveEndpoint', () => {
  it('defaults to Kernel’s API, also for an empty variable', () => {
    for (const env of [undefined, '', '  ']) {
      const e = at(env);
      expect(e.url.href).toBe('https://kernel.asimov.com/api/v1/constructs');
      expect(e.origin).toBe('https://kernel.asimov.com');
    }
  });

  it('keeps a self-hosted base path', () => {
    expect(at('https://kernel.example.com/kernel//').url.href).toBe('https://kernel.example.com/kernel/api/v1/constructs');
    expect(at('http://127.0.0.1:8080').url.href).toBe('http://127.0.0.1:8080/api/v1/constructs');
  });

  it.each(['http://127.0.0.1:9', 'http://127.1.2.3', 'http://localhost:3000', 'http://[::1]:8080', 'HTTP://LOCALHOST'])(
    'allows http to loopback: %s',
    (url) => {
      expect(at(url).url.protocol).toBe('http:');
    },
  );

  it.each([
    ['http://kernel.example.com', 'not a loopback address'],
    ['http://10.0.0.1', 'not a loopback address'],
    ['http://128.0.0.1', 'not a loopback address'],
    ['http://127.0.0.1.example.com', 'not a loopback address'],
    ['ftp://127.0.0.1', 'must be an https: URL'],
    ['kernel.example.com', 'not an absolute URL'],
    ['https://user:pw@kernel.example.com', 'holds credentials'],
    ['https://kernel.example.com/?x=1', 'query or fragment'],
  ])('refuses %s (%s), without quoting it', (url, why) => {
    let error: unknown;
    try {
      at(url);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CliError);
    const line = (error as CliError).oneLine();
    expect(line).toContain(why);
    expect(line).toContain('KERNEL_SECRETS_API_URL');
    expect(line).not.toContain(url);
  });

  it('isLoopback', () => {
    expect(['localhost', '127.0.0.1', '127.255.255.254', '[::1]', '::1'].every(isLoopback)).toBe(true);
    expect(['localhost.example.com', '0.0.0.0', '::', '[::ffff:7f00:1]', '1.127.0.0'].some(isLoopback)).toBe(false);
  });
});
