import { Drawing, type DocPropertiesOptions, type IContext, type IMediaData, type IXmlableObject, RunProperties, XmlComponent } from 'docx';
import type { WordImage } from './figure';

/**
 * A chart's picture as a Word run: the same markup as docx's ImageRun with an SVG and its PNG
 * fallback (an inline drawing; the SVG and PNG stored once each in word/media), but named by the
 * SHA-1 that wordImage.ts computed once per distinct picture with Node's native hash: ImageRun
 * hashes both files in JavaScript for every figure, which took most of the time building a
 * 300-chart Word file's blocks.
 */
export class PictureRun extends XmlComponent {
  private readonly media: IMediaData;

  constructor(image: WordImage, size: { width: number; height: number }, altText: DocPropertiesOptions) {
    super('w:r');
    const transformation = {
      pixels: { x: Math.round(size.width), y: Math.round(size.height) },
      emus: { x: Math.round(size.width * 9525), y: Math.round(size.height * 9525) },
    };
    this.media = {
      type: 'svg',
      data: image.svg,
      fileName: `${image.svgHash}.svg`,
      transformation,
      fallback: { type: 'png', data: image.png, fileName: `${image.pngHash}.png`, transformation },
    };
    this.root.push(new RunProperties());
    this.root.push(new Drawing(this.media, { docProperties: altText }));
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    context.file.Media.addImage(this.media.fileName, this.media);
    if (this.media.type === 'svg') context.file.Media.addImage(this.media.fallback.fileName, this.media.fallback);
    return super.prepForXml(context);
  }
}
