import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useIdempotencyKey } from './idempotency-key';

describe('useIdempotencyKey', () => {
  it('keeps the key while the same request is retried, and makes a new one for another or after forget', () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor('plan-1');
    rerender();
    expect(result.current.keyFor('plan-1')).toBe(first);
    const second = result.current.keyFor('plan-2');
    expect(second).not.toBe(first);
    result.current.forget();
    expect(result.current.keyFor('plan-2')).not.toBe(second);
  });
});
