import { Drawing, type DocPropertiesOptions, type IContext, type IMediaData, type IXmlableObject, RunProperties, XmlComponent } from 'docx';
import type { WordImage } from './figure';

/**
 * A chart's picture as a Word run: the same markup as docx's ImageRun with an SVG and its PNG
 * fallback (an inline drawing; the SVG and PNG stored once each in word/media), but named by the
 * SVG's SHA-1, which wordImage.ts computed once per distinct picture with Node's native hash (the
 * PNG is rasterised from that SVG, so the same name serves both): ImageRun hashes both files in
 * JavaScript for every figure, which took most of the time building a 300-chart Word file's
 * blocks, and needs the PNG before the run can be made.
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
      // The PNG is the SVG's, rasterised: named by the SVG's hash; while it is still being rasterised
      // docx writes the placeholder, which pack.ts replaces with the PNG once it is ready.
      fallback: {
        type: 'png',
        get data(): Buffer {
          return image.png ?? image.pngPlaceholder;
        },
        fileName: `${image.svgHash}.png`,
        transformation,
      },
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
