import { AppError } from '../../../shared/api/errors';

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The chart's image is labelled by its caption ("Figure 3: …") and described by the text summary
 * that follows it, instead of carrying the whole summary in aria-label: a screen reader then hears
 * the summary once, and the tagged PDF's figure gets the caption as its name.
 */
export function labelSvg(svg: string, labelId: string, descriptionId: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new AppError('INTERNAL', 'The chart renderer produced no <svg> element.');
  const tag = open[0]
    .replace(/\s(?:role|aria-label|aria-labelledby|aria-describedby|aria-roledescription|aria-hidden)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg role="img" aria-labelledby="${escapeAttribute(labelId)}" aria-describedby="${escapeAttribute(descriptionId)}"`);
  // Inside role="img" everything is presentational: vega's per-mark roles and labels (graphics-symbol
  // without a name) only confuse assistive technology and accessibility checkers.
  const inner = svg.slice(open[0].length).replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  return tag + inner;
}
