import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTNERS } from '../../../shared/partners/defaultPartners';
import { normalisePartnerCode } from '../../../shared/partners/normalise';

const dir = DEFAULT_PARTNERS;

describe('normalisePartnerCode', () => {
  it('returns the directory spelling of a code written in another case', () => {
    expect(normalisePartnerCode('la', dir)).toEqual({ code: 'LA', known: true });
    expect(normalisePartnerCode('Nhse', dir)).toEqual({ code: 'NHSE', known: true });
    expect(normalisePartnerCode('POLICE', dir)).toEqual({ code: 'Police', known: true });
    expect(normalisePartnerCode('Other Partners', dir)).toEqual({ code: 'other partners', known: true });
  });

  it('trims and collapses internal whitespace', () => {
    expect(normalisePartnerCode('  UHL\t', dir)).toEqual({ code: 'UHL', known: true });
    expect(normalisePartnerCode('other  partners', dir)).toEqual({ code: 'other partners', known: true });
    expect(normalisePartnerCode(' OTHER \n PARTNERS ', dir)).toEqual({ code: 'other partners', known: true });
    expect(normalisePartnerCode('other\u00a0partners', dir)).toEqual({ code: 'other partners', known: true });
  });

  it('does not match a code by prefix or a code with extra letters', () => {
    expect(normalisePartnerCode('NHS', dir)).toEqual({ code: 'NHS', known: true });
    expect(normalisePartnerCode('NHSEI', dir)).toEqual({ code: 'NHSEI', known: false });
    expect(normalisePartnerCode('L', dir)).toEqual({ code: 'L', known: false });
    expect(normalisePartnerCode('otherpartners', dir)).toEqual({ code: 'otherpartners', known: false });
  });

  it('returns an unknown code as written, trimmed, with known: false', () => {
    expect(normalisePartnerCode('  Lssp ', dir)).toEqual({ code: 'Lssp', known: false });
    expect(normalisePartnerCode('Public  Health', dir)).toEqual({ code: 'Public Health', known: false });
    expect(normalisePartnerCode('   ', dir)).toEqual({ code: '', known: false });
  });

  it('uses the directory it is given, with that directory\u2019s spelling', () => {
    const custom = [{ code: 'LCC' }, { code: 'Leics Police' }];
    expect(normalisePartnerCode('lcc', custom)).toEqual({ code: 'LCC', known: true });
    expect(normalisePartnerCode('LEICS   POLICE', custom)).toEqual({ code: 'Leics Police', known: true });
    expect(normalisePartnerCode('LA', custom)).toEqual({ code: 'LA', known: false });
    expect(normalisePartnerCode('LA', [])).toEqual({ code: 'LA', known: false });
  });
});
