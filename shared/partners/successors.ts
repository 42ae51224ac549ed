/**
 * A partner can have a successor (CCGs were replaced by ICBs in July 2022). "Include successors"
 * means: under ICB, also list what CCG owns, and anything that CCG itself took over, transitively.
 */
export interface SuccessorLink {
  code: string;
  successor: string | null;
}

const key = (code: string) => code.toLowerCase();

/**
 * `code` itself (as the directory spells it, if it is there) followed by every code whose chain of
 * successors leads to it, nearest first. Codes compare case-insensitively; cycles are cut.
 */
export function codesSucceededBy(code: string, directory: readonly SuccessorLink[]): string[] {
  const spelled = directory.find((p) => key(p.code) === key(code))?.code ?? code;
  const out = [spelled];
  const seen = new Set([key(spelled)]);
  for (let i = 0; i < out.length; i++) {
    const target = key(out[i]!);
    for (const p of directory) {
      if (p.successor && key(p.successor) === target && !seen.has(key(p.code))) {
        seen.add(key(p.code));
        out.push(p.code);
      }
    }
  }
  return out;
}

/** The chain of successors after `code` (CCG → [ICB]). Stops at a cycle. */
export function successorChain(code: string, directory: readonly SuccessorLink[]): string[] {
  const byKey = new Map(directory.map((p) => [key(p.code), p]));
  const out: string[] = [];
  const seen = new Set([key(code)]);
  let next = byKey.get(key(code))?.successor ?? null;
  while (next && !seen.has(key(next))) {
    seen.add(key(next));
    out.push(byKey.get(key(next))?.code ?? next);
    next = byKey.get(key(next))?.successor ?? null;
  }
  return out;
}

/** Would making `successor` the successor of `code` create a loop (A → B → A)? */
export function wouldCycle(code: string, successor: string, directory: readonly SuccessorLink[]): boolean {
  if (key(code) === key(successor)) return true;
  return successorChain(successor, directory).some((c) => key(c) === key(code));
}
