import { describe, expect, it } from 'vitest';
import { CLOSE_RETRIES, CLOSE_RETRY_MS, decideUnsavedClose } from '../../../../electron/main/policy/unsavedClose';

describe('closing with unsaved edits', () => {
  it('waits for the save a few times, then asks rather than losing work silently', () => {
    expect(decideUnsavedClose(1)).toBe('retry');
    expect(decideUnsavedClose(CLOSE_RETRIES)).toBe('retry');
    expect(decideUnsavedClose(CLOSE_RETRIES + 1)).toBe('ask');
    // Asks within a few seconds: long enough for a save to a network drive, short enough to feel responsive.
    expect(CLOSE_RETRIES * CLOSE_RETRY_MS).toBeGreaterThanOrEqual(2000);
    expect(CLOSE_RETRIES * CLOSE_RETRY_MS).toBeLessThanOrEqual(5000);
  });
});
