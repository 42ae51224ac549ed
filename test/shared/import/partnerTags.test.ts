import { describe, expect, it } from 'vitest';
import { parseTrailingPartnerTag } from '../../../shared/import';

const SENTENCE = 'Increase the uptake of funded early years education.';

describe('parseTrailingPartnerTag', () => {
  it('reads a tag with "/" and no spaces', () => {
    expect(parseTrailingPartnerTag(`${SENTENCE} [CCG/UHL/LA]`)).toEqual({ text: SENTENCE, partners: ['CCG', 'UHL', 'LA'] });
  });

  it('reads a tag with spaces after the separators', () => {
    expect(parseTrailingPartnerTag(`${SENTENCE} [CCG/ UHL/ LA]`)).toEqual({ text: SENTENCE, partners: ['CCG', 'UHL', 'LA'] });
    expect(parseTrailingPartnerTag(`${SENTENCE} [ CCG /UHL /  LA ]`)).toEqual({ text: SENTENCE, partners: ['CCG', 'UHL', 'LA'] });
  });

  it('reads "other partners" as one partner', () => {
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA/ NHS/other partners]`)).toEqual({ text: SENTENCE, partners: ['LA', 'NHS', 'other partners'] });
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA/Other  Partners]`)).toEqual({ text: SENTENCE, partners: ['LA', 'Other Partners'] });
  });

  it('accepts ",", ";" and "&" as separators, with any spaces', () => {
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA, NHS; CCG & UHL]`)).toEqual({ text: SENTENCE, partners: ['LA', 'NHS', 'CCG', 'UHL'] });
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA,NHS;CCG&UHL]`)).toEqual({ text: SENTENCE, partners: ['LA', 'NHS', 'CCG', 'UHL'] });
  });

  it('keeps partners as written (no normalising of case)', () => {
    expect(parseTrailingPartnerTag(`${SENTENCE} [la/Nhs/Police]`)?.partners).toEqual(['la', 'Nhs', 'Police']);
  });

  it('accepts a full stop after the bracket, keeping it as the sentence\u2019s own', () => {
    expect(parseTrailingPartnerTag('Increase the uptake of funded early years education [LA].')).toEqual({ text: SENTENCE, partners: ['LA'] });
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA].`)).toEqual({ text: SENTENCE, partners: ['LA'] });
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA] . `)).toEqual({ text: SENTENCE, partners: ['LA'] });
  });

  it('accepts a full stop inside the bracket', () => {
    expect(parseTrailingPartnerTag('Increase the uptake of funded early years education [LA.]')).toEqual({ text: SENTENCE, partners: ['LA'] });
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA/NHS.]`)).toEqual({ text: SENTENCE, partners: ['LA', 'NHS'] });
  });

  it('keeps a sentence without final punctuation as it is', () => {
    expect(parseTrailingPartnerTag('Promote training on the signs of FGM to health, social care and education [LA/NHS]')).toEqual({
      text: 'Promote training on the signs of FGM to health, social care and education',
      partners: ['LA', 'NHS'],
    });
    expect(parseTrailingPartnerTag('Reduce smoking in pregnancy[LA]')).toEqual({ text: 'Reduce smoking in pregnancy', partners: ['LA'] });
  });

  it('trims the paragraph and the text', () => {
    expect(parseTrailingPartnerTag(`\n  ${SENTENCE}   [LA]  \n`)).toEqual({ text: SENTENCE, partners: ['LA'] });
  });

  it('uses only the last bracket, leaving earlier brackets in the text', () => {
    expect(parseTrailingPartnerTag('Use the NCMP data [1] to target schools. [LA]')).toEqual({ text: 'Use the NCMP data [1] to target schools.', partners: ['LA'] });
  });

  it('returns null without a tag', () => {
    expect(parseTrailingPartnerTag(SENTENCE)).toBeNull();
    expect(parseTrailingPartnerTag('')).toBeNull();
    expect(parseTrailingPartnerTag('Mental health')).toBeNull();
  });

  it('returns null for citation numbers and other brackets that are not partner lists', () => {
    expect(parseTrailingPartnerTag(`${SENTENCE} [1]`)).toBeNull();
    expect(parseTrailingPartnerTag(`${SENTENCE} [12].`)).toBeNull();
    expect(parseTrailingPartnerTag(`${SENTENCE} [1, 2]`)).toBeNull();
    expect(parseTrailingPartnerTag(`${SENTENCE} [see page 4]`)).toBeNull();
    expect(parseTrailingPartnerTag('The figures were reported as final [sic]')).toBeNull();
    expect(parseTrailingPartnerTag(`${SENTENCE} [a]`)).toBeNull();
    expect(parseTrailingPartnerTag(`${SENTENCE} []`)).toBeNull();
    expect(parseTrailingPartnerTag(`${SENTENCE} [LA/2]`)).toBeNull();
    expect(parseTrailingPartnerTag(`${SENTENCE} [Local authority public health team]`)).toBeNull();
    expect(parseTrailingPartnerTag('- [Healthwatch Staffordshire](#)')).toBeNull();
  });

  it('returns null for a tag in the middle of a sentence', () => {
    expect(parseTrailingPartnerTag('Work with [LA/NHS] partners to improve uptake.')).toBeNull();
    expect(parseTrailingPartnerTag('Work with partners [LA] to improve uptake')).toBeNull();
    expect(parseTrailingPartnerTag('[LA] Work with partners to improve uptake.')).toBeNull();
  });

  it('returns null when nothing but the tag is there', () => {
    expect(parseTrailingPartnerTag('[LA/NHS]')).toBeNull();
    expect(parseTrailingPartnerTag('  [LA].')).toBeNull();
  });
});
