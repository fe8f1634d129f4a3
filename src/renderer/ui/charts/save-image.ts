/**
 * "Save as image" in any browser, on plain http over the LAN: no secure-context APIs. SVG is the
 * standalone document from svg.ts; PNG is that SVG drawn onto a canvas at twice its size. Both
 * leave through an <a download> click.
 */

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A safe file-name stem: letters (å ä ö too), digits, dashes. */
export function fileStem(name: string): string {
  const stem = name.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'diagram';
}

export function saveSvg(svg: string, stem: string): void {
  download(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${fileStem(stem)}.svg`);
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
        download(blob, `${fileStem(stem)}.png`);
        resolve();
      }, 'image/png');
    };
    image.onerror = () => reject(new Error('The SVG could not be drawn'));
    // A data: URL (allowed by the host's img-src) rather than a blob: URL.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
