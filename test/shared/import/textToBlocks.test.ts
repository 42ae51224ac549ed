import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../../../shared/import';

describe('textToBlocks', () => {
  it('splits on blank lines and joins the wrapped lines of a paragraph with a space', () => {
    const text = 'Take action to reduce infant mortality\nand low birth weight in the most deprived\n   parts of the city. [CCG/ UHL/ LA]\n\n\nSchools and colleges should continue to\ncollaborate with health services.\n';
    expect(textToBlocks(text, {})).toEqual([
      { kind: 'recommendation', text: 'Take action to reduce infant mortality and low birth weight in the most deprived parts of the city.', partners: ['CCG', 'UHL', 'LA'] },
      { kind: 'paragraph', text: 'Schools and colleges should continue to collaborate with health services.' },
    ]);
  });

  it('treats CRLF, CR and LF alike, and blank lines holding only spaces as blank', () => {
    const lf = 'Mental health\n\nPromote resilience in schools.\nWork with schools. [LA/NHS]\n \t\nEnsure survey results are used.';
    const expected = textToBlocks(lf, {});
    expect(expected).toEqual([
      { kind: 'heading', level: 2, text: 'Mental health' },
      { kind: 'recommendation', text: 'Promote resilience in schools. Work with schools.', partners: ['LA', 'NHS'] },
      { kind: 'paragraph', text: 'Ensure survey results are used.' },
    ]);
    expect(textToBlocks(lf.replace(/\n/g, '\r\n'), {})).toEqual(expected);
    expect(textToBlocks(lf.replace(/\n/g, '\r'), {})).toEqual(expected);
    expect(textToBlocks(`\uFEFF${lf}`, {})).toEqual(expected);
  });

  it('starts a new item at each bullet and drops the bullet', () => {
    const text = [
      'To reduce infant mortality we will:',
      '\u2022 Reduce the number of mums who smoke',
      '  during their pregnancy [LA/NHS]',
      '- Increase the rates of infant feeding initiation.',
      '* Reduce pre-term births [UHL]',
      '1. Promote safe sleep.',
    ].join('\n');
    expect(textToBlocks(text, {})).toEqual([
      { kind: 'paragraph', text: 'To reduce infant mortality we will:' },
      { kind: 'recommendation', text: 'Reduce the number of mums who smoke during their pregnancy', partners: ['LA', 'NHS'] },
      { kind: 'paragraph', text: 'Increase the rates of infant feeding initiation.' },
      { kind: 'recommendation', text: 'Reduce pre-term births', partners: ['UHL'] },
      { kind: 'paragraph', text: 'Promote safe sleep.' },
    ]);
  });

  it('never makes a short bullet item a heading', () => {
    expect(textToBlocks('- Access to mental health services\n- Emergency admissions', {})).toEqual([
      { kind: 'paragraph', text: 'Access to mental health services' },
      { kind: 'paragraph', text: 'Emergency admissions' },
    ]);
  });

  it('makes short title-like lines headings, but not sentences, lead-ins or long lines', () => {
    const long = 'Support children and young people to achieve their potential by enjoying good emotional wellbeing';
    const text = ['0 to 19 year old children', 'Looked-after children', 'We are proud that:', 'Intelligence should be used.', long, '(*data as of the 2021 census)'].join('\n\n');
    expect(textToBlocks(text, {})).toEqual([
      { kind: 'heading', level: 2, text: '0 to 19 year old children' },
      { kind: 'heading', level: 2, text: 'Looked-after children' },
      { kind: 'paragraph', text: 'We are proud that:' },
      { kind: 'paragraph', text: 'Intelligence should be used.' },
      { kind: 'paragraph', text: long },
      { kind: 'paragraph', text: '(*data as of the 2021 census)' },
    ]);
  });

  it('makes a short tagged line a recommendation, not a heading', () => {
    expect(textToBlocks('Reduce obesity [LA]\n\nMental health', {})).toEqual([
      { kind: 'recommendation', text: 'Reduce obesity', partners: ['LA'] },
      { kind: 'heading', level: 2, text: 'Mental health' },
    ]);
  });

  it('reads markdown headings with their level, and strips emphasis round a heading', () => {
    const text = '# Children and young people\n## Mental health\nPromote resilience. [LA]\n#### Detail\n\n**Looked-after children**';
    expect(textToBlocks(text, {})).toEqual([
      { kind: 'heading', level: 1, text: 'Children and young people' },
      { kind: 'heading', level: 2, text: 'Mental health' },
      { kind: 'recommendation', text: 'Promote resilience.', partners: ['LA'] },
      { kind: 'heading', level: 3, text: 'Detail' },
      { kind: 'heading', level: 2, text: 'Looked-after children' },
    ]);
  });

  it('ends a recommendation at its tag even without a blank line', () => {
    const text = 'Increase uptake of early education. [LA]\nPromote resilience in\nschools. [LA/NHS]\n\nMore work is needed.';
    expect(textToBlocks(text, {})).toEqual([
      { kind: 'recommendation', text: 'Increase uptake of early education.', partners: ['LA'] },
      { kind: 'recommendation', text: 'Promote resilience in schools.', partners: ['LA', 'NHS'] },
      { kind: 'paragraph', text: 'More work is needed.' },
    ]);
  });

  it('reads text with no blank lines at all as one paragraph per line', () => {
    const text = 'Mental health\nEnsure the integrated approach continues. [NHS/YOS/LA]\nMore work is needed to understand needs.\nLooked-after children\nAccelerate the work with the Youth Offending Service [YOS/LA/Police]';
    expect(textToBlocks(text, {})).toEqual([
      { kind: 'heading', level: 2, text: 'Mental health' },
      { kind: 'recommendation', text: 'Ensure the integrated approach continues.', partners: ['NHS', 'YOS', 'LA'] },
      { kind: 'paragraph', text: 'More work is needed to understand needs.' },
      { kind: 'heading', level: 2, text: 'Looked-after children' },
      { kind: 'recommendation', text: 'Accelerate the work with the Youth Offending Service', partners: ['YOS', 'LA', 'Police'] },
    ]);
    // A single hard-wrapped paragraph still joins up.
    expect(textToBlocks('Maintaining high coverage of immunisation is monitored by the\nLeicester, Leicestershire & Rutland Health Protection Board. [LLRHP/NHSE]', {})).toEqual([
      { kind: 'recommendation', text: 'Maintaining high coverage of immunisation is monitored by the Leicester, Leicestershire & Rutland Health Protection Board.', partners: ['LLRHP', 'NHSE'] },
    ]);
  });

  it('rejoins a paragraph split mid-sentence by a page break, and a dash lead-in to its paragraph', () => {
    const text = [
      'Our aspiration is to make sure that all of the children in the city and young',
      'people have the best start in life.',
      'We want children and young',
      'people to be heard.',
      'Children will be heard \u2013',
      'The voice of our children will be at the forefront.',
      'Mental health',
      'Promote resilience.',
    ].join('\n\n');
    expect(textToBlocks(text, {})).toEqual([
      { kind: 'paragraph', text: 'Our aspiration is to make sure that all of the children in the city and young people have the best start in life.' },
      { kind: 'paragraph', text: 'We want children and young people to be heard.' },
      { kind: 'paragraph', text: 'Children will be heard \u2013 The voice of our children will be at the forefront.' },
      { kind: 'heading', level: 2, text: 'Mental health' },
      { kind: 'paragraph', text: 'Promote resilience.' },
    ]);
  });

  it('does not take a line ending on a connective word for a title', () => {
    expect(textToBlocks('Improve the survival of\n\nbabies and young children.', {})).toEqual([
      { kind: 'paragraph', text: 'Improve the survival of babies and young children.' },
    ]);
    expect(textToBlocks('Improve the survival of', {})).toEqual([{ kind: 'paragraph', text: 'Improve the survival of' }]);
  });

  it('with allRecommendations, makes untagged paragraphs and bullets recommendations with no partners', () => {
    const text = 'Mental health\n\nMore work is needed.\n\n- Promote resilience\n\nUse the survey. [LA/HWB]';
    expect(textToBlocks(text, { allRecommendations: true })).toEqual([
      { kind: 'heading', level: 2, text: 'Mental health' },
      { kind: 'recommendation', text: 'More work is needed.', partners: [] },
      { kind: 'recommendation', text: 'Promote resilience', partners: [] },
      { kind: 'recommendation', text: 'Use the survey.', partners: ['LA', 'HWB'] },
    ]);
    expect(textToBlocks(text, { allRecommendations: false })[1]).toEqual({ kind: 'paragraph', text: 'More work is needed.' });
  });

  it('leaves citation brackets in paragraphs', () => {
    expect(textToBlocks('Obesity rose by 4% over the decade. [1]', {})).toEqual([{ kind: 'paragraph', text: 'Obesity rose by 4% over the decade. [1]' }]);
  });

  it('gives nothing for empty or blank text', () => {
    expect(textToBlocks('', {})).toEqual([]);
    expect(textToBlocks(' \n\r\n\t\n', {})).toEqual([]);
  });
});

describe('textToBlocks on the Staffordshire and Stoke-on-Trent CYP programme (seed 004)', () => {
  const raw = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seeds', '004_staffs_stoke_cyp_programme.txt'), 'utf8');
  const blocks = textToBlocks(raw, {});

  it('finds no recommendations in a document without partner tags, and keeps markdown links as text', () => {
    expect(blocks.filter((b) => b.kind === 'recommendation')).toEqual([]);
    expect(blocks).toContainEqual({ kind: 'paragraph', text: '[Healthwatch Staffordshire](#)' });
  });

  it('joins wrapped lines and page-broken sentences', () => {
    expect(blocks).toContainEqual({ kind: 'heading', level: 2, text: "The Children and Young People's Programme 2023-2028" });
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Our priorities as a programme will change over time. These are our initial areas of focus.' });
    const aspiration = blocks.find((b) => b.text.startsWith('If we are to listen to our young people'));
    expect(aspiration?.text).toContain('Our aspiration is to make sure children and young people have the best start in life and the best health.');
    expect(blocks.some((b) => b.text.startsWith('people have the best start'))).toBe(false);
  });

  it('splits bullet lists into items', () => {
    const i = blocks.findIndex((b) => b.text === 'To reduce the level of infant mortality, some of our key focus areas will be to:');
    expect(blocks.slice(i + 1, i + 4)).toEqual([
      { kind: 'paragraph', text: 'Reduce the number of mums who smoke during their pregnancy' },
      { kind: 'paragraph', text: 'Increase the rates of infant feeding initiation and continuation' },
      { kind: 'paragraph', text: 'Reduce the number of pre-term births and babies with a low birth weight.' },
    ]);
  });

  it('finds the section headings', () => {
    const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    for (const h of ['Foreword', 'Our vision', 'Current context', 'Our approach', 'Our priorities', 'The key enablers', 'Measuring progress', 'Governance and support', 'How you can get involved', 'Making it count']) {
      expect(headings).toContain(h);
    }
  });
});
