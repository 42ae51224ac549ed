/**
 * Reads an attribute of a parsed element. shared/ compiles without the DOM library (it also runs in
 * Node, on jsdom), so the element is typed by the one method needed.
 */
export function readAttribute(el: unknown, name: string): string | null {
  return (el as { getAttribute(n: string): string | null }).getAttribute(name);
}
