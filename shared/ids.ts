/** A random UUID v4, from the platform's crypto (browsers and Node 20 both have it globally). */
export function newId(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}
