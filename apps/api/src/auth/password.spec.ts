import { hashPassword, limitConcurrency, verifyPassword } from './password';

describe('limitConcurrency', () => {
  it('runs at most `limit` calls at once and every call in the end, in order', async () => {
    const run = limitConcurrency(2);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const work = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      done.push(i);
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => run(work(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('frees its place when a call fails', async () => {
    const run = limitConcurrency(1);
    await expect(run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('passwords under the limit', () => {
  it('still hashes and verifies many at once', async () => {
    const hash = await hashPassword('Ett-langt-losenord-1');
    const checks = await Promise.all(
      ['Ett-langt-losenord-1', 'fel-losenord-2', 'Ett-langt-losenord-1'].map((p) => verifyPassword(hash, p)),
    );
    expect(checks).toEqual([true, false, true]);
  });
});
