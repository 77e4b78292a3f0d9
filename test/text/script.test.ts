import { describe, expect, it } from 'vitest';
import { isTraditional } from '../../src/text/script.js';

describe('isTraditional', () => {
  it('tells Traditional from Simplified text', () => {
    expect(isTraditional('這件商品支援七日無理由退貨')).toBe(true);
    expect(isTraditional('这件商品支持七日无理由退货')).toBe(false);
    expect(isTraditional('显著提升')).toBe(false);
    expect(isTraditional('hello')).toBe(false);
    expect(isTraditional('，，，无条件退货，')).toBe(false);
    expect(isTraditional('，，，無條件退貨，')).toBe(true);
  });
});
