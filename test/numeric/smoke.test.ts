import { describe, expect, it } from 'vitest';
import { integrate } from '../../src/numeric/gaussKronrod.js';

describe('integrate', () => {
  it('integrates exp on [0, 1] to e − 1', () => {
    const r = integrate(Math.exp, 0, 1);
    expect(r.value).toBeCloseTo(Math.E - 1, 14);
  });
});
