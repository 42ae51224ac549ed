/** Words as a word processor counts them: runs of non-space characters. */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}
