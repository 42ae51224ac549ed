import type { PartnerType } from './defaultPartners';

/** How each partner type is shown to people. */
export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  'local-authority': 'Local authority',
  'nhs-trust': 'NHS trust',
  icb: 'Integrated care board',
  ccg: 'Clinical commissioning group',
  'nhs-england': 'NHS England',
  board: 'Board or partnership',
  police: 'Police',
  'youth-justice': 'Youth justice',
  voluntary: 'Voluntary sector',
  other: 'Other',
};
