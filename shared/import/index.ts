export { parseTrailingPartnerTag } from './partnerTags';
export type { ParsedPartnerTag } from './partnerTags';
export { PLAIN_HEADING_LEVEL, textToBlocks } from './textToBlocks';
export type { Block, HeadingLevel, TextToBlocksOptions } from './textToBlocks';
export * from './blocksToDoc';
