// Freezes a value and everything inside it, so a test can prove that code reading it never
// writes to it: a write throws in strict mode (ES modules are strict).
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
