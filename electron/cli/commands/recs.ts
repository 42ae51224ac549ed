import { resolve } from 'node:path';
import { contract } from '../../../shared/api';
import { AppError } from '../../../shared/api/errors';
import type { RegisterQuery, RegisterRow } from '../../../shared/api/register';
import { matchWord, RAGS, STATUSES } from '../../../shared/recommendations/status';
import { exportActionList } from '../../services/export/actionList';
import { writeExportFile } from '../../services/export/exportTarget';
import type { Project } from '../../services/project/project';
import { listRegister } from '../../services/recommendations/register';
import { setStatus, statusHistory } from '../../services/recommendations/status';
import { type CliCommand, type CliIO, type OptionValues, printJson } from '../command';
import { formatOption, requiredOption, stringOption } from '../options';
import { resolveChapter } from '../chapterOption';
import { withProject } from '../withProject';
import { shellQuote } from '../../services/shellQuote';

/** The JSON a `recs` row prints as (issue 4's fields plus rag, dueDate, updatedAt). */
export function recJson(r: RegisterRow, withRemoved = false) {
  return {
    id: r.id,
    chapter: r.chapter,
    section: r.section,
    text: r.text,
    partners: r.partners,
    status: r.status,
    rag: r.rag,
    dueDate: r.dueDate,
    updatedAt: r.updatedAt,
    ...(withRemoved && !r.inDocument ? { removed: true } : {}),
  };
}

function statusOption(values: OptionValues): (typeof STATUSES)[number] | undefined {
  const raw = stringOption(values, 'status');
  if (raw === undefined) return undefined;
  const s = matchWord(raw, STATUSES);
  if (!s) throw new AppError('BAD_INPUT', `--status must be one of ${STATUSES.map((x) => `"${x}"`).join(', ')} (got "${raw}").`, { field: 'status' });
  return s;
}

/** --chapter takes a chapter's title (any case) or its id. */
function chapterOption(project: Project, raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : resolveChapter(project, raw);
}

/** A full id, or an unambiguous start of one (at least 6 characters), as `recs` prints them. */
function resolveId(project: Project, raw: string): string {
  const id = raw.trim();
  if (project.db.prepare('SELECT 1 FROM recommendations WHERE id = ?').get(id)) return id;
  if (id.length >= 6) {
    const matches = project.db.prepare("SELECT id FROM recommendations WHERE substr(id, 1, ?) = ? LIMIT 2").all(id.length, id) as { id: string }[];
    if (matches.length === 1) return matches[0]!.id;
    if (matches.length > 1) throw new AppError('BAD_INPUT', `"${id}" is the start of more than one recommendation id; give more of it.`, { field: 'id' });
  }
  throw new AppError('NOT_FOUND', `no recommendation with id "${id}" in ${project.path}. "jsna recs ${shellQuote(project.path)}" lists them.`, { field: 'id' });
}

/** "none" or "" clears a value; otherwise it is passed on for the contract to validate. */
function clearable(values: OptionValues, name: string): string | null | undefined {
  const v = stringOption(values, name);
  if (v === undefined) return undefined;
  return v.trim() === '' || v.trim().toLowerCase() === 'none' ? null : v;
}

const FLAG_FOR: Record<string, string> = { status: '--status', rag: '--rag', dueDate: '--due', lead: '--lead', note: '--note', id: '<id>' };

/** The listing to stdout, or to --out: written whole (never half), and never over a file that is not an earlier listing of its kind. */
function writeOut(io: CliIO, out: string | undefined, content: string, summary: { format: 'json' | 'csv' | 'html' } & Record<string, unknown>): void {
  if (out === undefined) {
    io.out(content);
    return;
  }
  const path = resolve(out);
  writeExportFile(path, summary.format, Buffer.from(content, 'utf8'));
  printJson(io, { out: path, ...summary });
}

export const recsCommands: CliCommand[] = [
  {
    name: 'recs',
    summary:
      'List the recommendations register (json), or export per-partner action lists (csv: UTF-8 with BOM and CRLF, for Excel; html: a standalone accessible page). Recommendations removed from the document are left out unless --include-removed.',
    usage:
      '<project.jsna> [--partner <code>] [--include-successors] [--status <s>] [--chapter <title>] [--needs-owner] [--search <words>] [--include-removed] [--format json|csv|html] [--out <path>]',
    positionals: 1,
    options: {
      partner: { type: 'string' },
      'include-successors': { type: 'boolean' },
      status: { type: 'string' },
      chapter: { type: 'string' },
      'needs-owner': { type: 'boolean' },
      search: { type: 'string' },
      'include-removed': { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    async run({ positionals, values }, io) {
      const format = formatOption(values, ['json', 'csv', 'html'] as const);
      const status = statusOption(values);
      if (values['include-successors'] && stringOption(values, 'partner') === undefined) {
        throw new AppError('BAD_INPUT', '--include-successors needs --partner <code>.', { field: 'include-successors' });
      }
      const out = stringOption(values, 'out');
      await withProject(positionals[0]!, { readOnly: true }, (project) => {
        const partner = stringOption(values, 'partner');
        const chapterId = chapterOption(project, stringOption(values, 'chapter'));
        const search = stringOption(values, 'search');
        const query: RegisterQuery = {
          ...(partner !== undefined ? { partner } : {}),
          includeSuccessors: values['include-successors'] === true,
          ...(status ? { status } : {}),
          ...(chapterId ? { chapterId } : {}),
          needsOwner: values['needs-owner'] === true,
          ...(search ? { search } : {}),
          includeRemoved: values['include-removed'] === true,
        };
        const parsed = contract['register.list'].input.safeParse(query);
        if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join('; '));
        if (format === 'json') {
          const { rows } = listRegister(project, parsed.data);
          const json = rows.map((r) => recJson(r, query.includeRemoved));
          writeOut(io, out, `${JSON.stringify(json, null, 2)}\n`, { format, recommendations: rows.length });
        } else {
          const { includeRemoved: _r, ...exportQuery } = parsed.data;
          const file = exportActionList(project, { ...exportQuery, format });
          writeOut(io, out, file.content, { format, filename: file.filename });
        }
      });
    },
  },
  {
    name: 'recs set-status',
    summary:
      'Record a recommendation\'s status (appended to its history, never rewritten). --rag, --due and --lead keep their current value unless given; "none" clears --rag or --due, "" clears --lead. The author is JSNA_USER_NAME or your user name.',
    usage: '<project.jsna> <id> --status <s> [--rag Red|Amber|Green] [--due YYYY-MM-DD] [--lead <name>] [--note <text>]',
    positionals: 2,
    options: { status: { type: 'string' }, rag: { type: 'string' }, due: { type: 'string' }, lead: { type: 'string' }, note: { type: 'string' } },
    async run({ positionals, values }, io) {
      requiredOption(values, 'status');
      const status = statusOption(values)!;
      const ragRaw = clearable(values, 'rag');
      const rag = ragRaw ? (matchWord(ragRaw, RAGS) ?? ragRaw) : ragRaw;
      const dueDate = clearable(values, 'due');
      const leadRaw = stringOption(values, 'lead');
      const note = stringOption(values, 'note');
      const row = await withProject(positionals[0]!, { readOnly: false }, (project) => {
        const input = {
          id: resolveId(project, positionals[1]!),
          status,
          ...(rag !== undefined ? { rag } : {}),
          ...(dueDate !== undefined ? { dueDate } : {}),
          ...(leadRaw !== undefined ? { lead: leadRaw.trim() === '' ? null : leadRaw } : {}),
          ...(note !== undefined ? { note } : {}),
        };
        const parsed = contract['register.setStatus'].input.safeParse(input);
        if (!parsed.success) {
          const why = parsed.error.issues.map((i) => {
            const field = String(i.path[0] ?? 'input');
            return `${FLAG_FOR[field] ?? field} ${i.message}${field in input ? ` (got "${String((input as Record<string, unknown>)[field])}")` : ''}`;
          });
          throw new AppError('BAD_INPUT', why.join('; '));
        }
        return setStatus(project, parsed.data);
      });
      printJson(io, { ...recJson(row), lead: row.lead, latestNote: row.latestNote, updatedBy: row.updatedBy });
    },
  },
  {
    name: 'recs history',
    summary: "Show a recommendation's status history, oldest first.",
    usage: '<project.jsna> <id> [--format json|text]',
    positionals: 2,
    options: { format: { type: 'string' } },
    async run({ positionals, values }, io) {
      const format = formatOption(values, ['json', 'text'] as const);
      const history = await withProject(positionals[0]!, { readOnly: true }, (project) => statusHistory(project, resolveId(project, positionals[1]!)));
      if (format === 'json') {
        printJson(io, history);
        return;
      }
      for (const h of history) {
        const bits = [`${h.at}  ${h.author}: ${h.status}`, h.rag ? `RAG ${h.rag}` : null, h.dueDate ? `due ${h.dueDate}` : null, h.lead ? `lead ${h.lead}` : null];
        io.out(`${bits.filter(Boolean).join(', ')}${h.note ? `\n    ${h.note.replace(/\n/g, '\n    ')}` : ''}\n`);
      }
    },
  },
];
