/**
 * "Save as image" in any browser, on plain http over the LAN: no secure-context APIs. SVG is the
 * standalone document from svg.ts; PNG is that SVG drawn onto a canvas at twice its size. Both
 * leave through an <a download> click.
 */
import { fileStem, saveBlob } from '../save-file';

export function saveSvg(svg: string, stem: string): void {
  saveBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${fileStem(stem, 'diagram')}.svg`);
}

/** Draws the SVG at `scale` onto a canvas and saves it as PNG; rejects if the browser cannot. */
export function savePng(svg: string, width: number, height: number, stem: string, scale = 2): Promise<void> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('No 2D canvas'));
        return;
      }
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (!blob) {
          reject(new Error('Canvas gave no PNG'));
          return;
        }
        saveBlob(blob, `${fileStem(stem, 'diagram')}.png`);
        resolve();
      }, 'image/png');
    };
    image.onerror = () => reject(new Error('The SVG could not be drawn'));
    // A data: URL (allowed by the host's img-src) rather than a blob: URL.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
