import { contract } from '../../../shared/api';
import { AppError } from '../../../shared/api/errors';
import type { PartnerSummary } from '../../../shared/api/partners';
import { PARTNER_TYPES } from '../../../shared/partners/defaultPartners';
import { addPartner, deletePartner, editPartner, listPartners, mergePartners, renamePartner } from '../../services/partners/directory';
import { type CliCommand, type OptionValues, printJson } from '../command';
import { formatOption, requiredOption, stringOption } from '../options';
import { parseOrThrow } from '../parseOrThrow';
import { withProject } from '../withProject';

/** The JSON a partner prints as: `[{"code","name","type","successor","recommendations":N}]`. */
function partnerJson(p: PartnerSummary) {
  return { code: p.code, name: p.name, type: p.type, successor: p.successor, recommendations: p.recommendations };
}

function typeOption(values: OptionValues): (typeof PARTNER_TYPES)[number] | undefined {
  const raw = stringOption(values, 'type');
  if (raw === undefined) return undefined;
  const t = PARTNER_TYPES.find((x) => x === raw.trim().toLowerCase());
  if (!t) throw new AppError('BAD_INPUT', `--type must be one of ${PARTNER_TYPES.join(', ')} (got "${raw}").`, { field: 'type' });
  return t;
}

/** --successor <code>; "none" or "" clears it. */
function successorOption(values: OptionValues): string | null | undefined {
  const raw = stringOption(values, 'successor');
  if (raw === undefined) return undefined;
  return raw.trim() === '' || raw.trim().toLowerCase() === 'none' ? null : raw;
}

export const partnerCommands: CliCommand[] = [
  {
    name: 'partners',
    summary: "List the project's partner directory with how many recommendations in the document each owns.",
    usage: '<project.jsna> [--format json|text]',
    positionals: 1,
    options: { format: { type: 'string' } },
    async run({ positionals, values }, io) {
      const format = formatOption(values, ['json', 'text'] as const);
      const partners = await withProject(positionals[0]!, { readOnly: true }, listPartners);
      if (format === 'json') {
        printJson(io, partners.map(partnerJson));
        return;
      }
      const width = Math.max(4, ...partners.map((p) => p.code.length));
      for (const p of partners) {
        io.out(`${p.code.padEnd(width)}  ${String(p.recommendations).padStart(3)}  ${p.name}${p.successor ? ` (succeeded by ${p.successor})` : ''}\n`);
      }
    },
  },
  {
    name: 'partners add',
    summary: 'Add a partner to the directory. Codes are unique ignoring case.',
    usage: `<project.jsna> <code> --name <text> [--type ${PARTNER_TYPES.join('|')}] [--successor <code>]`,
    positionals: 2,
    options: { name: { type: 'string' }, type: { type: 'string' }, successor: { type: 'string' } },
    async run({ positionals, values }, io) {
      const type = typeOption(values);
      const successor = successorOption(values);
      const input = parseOrThrow(
        contract['partners.add'].input,
        { code: positionals[1], name: requiredOption(values, 'name'), ...(type ? { type } : {}), ...(successor ? { successor } : {}) },
        'partners add',
      );
      const p = await withProject(positionals[0]!, { readOnly: false }, (project) => addPartner(project, input));
      printJson(io, partnerJson(p));
    },
  },
  {
    name: 'partners edit',
    summary: 'Change a partner\'s name, type or successor ("none" clears the successor). Change its code with "partners rename".',
    usage: '<project.jsna> <code> [--name <text>] [--type <type>] [--successor <code>|none]',
    positionals: 2,
    options: { name: { type: 'string' }, type: { type: 'string' }, successor: { type: 'string' } },
    async run({ positionals, values }, io) {
      const type = typeOption(values);
      const successor = successorOption(values);
      const name = stringOption(values, 'name');
      if (name === undefined && type === undefined && successor === undefined) {
        throw new AppError('BAD_INPUT', 'nothing to change: give --name, --type or --successor.');
      }
      const input = parseOrThrow(
        contract['partners.edit'].input,
        { code: positionals[1], ...(name !== undefined ? { name } : {}), ...(type ? { type } : {}), ...(successor !== undefined ? { successor } : {}) },
        'partners edit',
      );
      const p = await withProject(positionals[0]!, { readOnly: false }, (project) => editPartner(project, input));
      printJson(io, partnerJson(p));
    },
  },
  {
    name: 'partners rename',
    summary: 'Change a partner\'s code everywhere: the directory, and the tags of every recommendation in every chapter.',
    usage: '<project.jsna> <code> <new-code>',
    positionals: 3,
    async run({ positionals }, io) {
      const input = parseOrThrow(contract['partners.rename'].input, { code: positionals[1], newCode: positionals[2] }, 'partners rename');
      const r = await withProject(positionals[0]!, { readOnly: false }, (project) => renamePartner(project, input.code, input.newCode));
      printJson(io, { partner: partnerJson(r.partner), recommendations: r.recommendations, chapters: r.chapterIds.length });
    },
  },
  {
    name: 'partners merge',
    summary: 'Merge one partner code into another: its recommendations become the other\'s, and it leaves the directory.',
    usage: '<project.jsna> <from-code> <into-code>',
    positionals: 3,
    async run({ positionals }, io) {
      const input = parseOrThrow(contract['partners.merge'].input, { from: positionals[1], into: positionals[2] }, 'partners merge');
      const r = await withProject(positionals[0]!, { readOnly: false }, (project) => mergePartners(project, input.from, input.into));
      printJson(io, { partner: partnerJson(r.partner), recommendations: r.recommendations, chapters: r.chapterIds.length });
    },
  },
  {
    name: 'partners delete',
    summary: 'Delete a partner no recommendation uses (refused, listing them, while any does).',
    usage: '<project.jsna> <code>',
    positionals: 2,
    async run({ positionals }, io) {
      const input = parseOrThrow(contract['partners.delete'].input, { code: positionals[1] }, 'partners delete');
      await withProject(positionals[0]!, { readOnly: false }, (project) => deletePartner(project, input.code));
      printJson(io, { deleted: input.code });
    },
  },
];
