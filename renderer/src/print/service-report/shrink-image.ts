// Evidence photos arrive as taken (several megapixels); printed 40 mm wide they need ~500 pixels.
// Drawn smaller here, in the view's own canvas, so the PDF embeds thumbnails, not the originals.

/** Longest side of a printed thumbnail, in pixels (40 mm at about 300 dpi). */
export const THUMBNAIL_MAX_SIDE = 480;

/**
 * `dataUrl` drawn at most `maxSide` pixels on its longest side, as a JPEG data: URL (unchanged when
 * already that small); null when it is no picture the browser can decode: the report then names
 * the file and its hash without a picture rather than fail to print.
 */
export async function shrinkImage(dataUrl: string, maxSide = THUMBNAIL_MAX_SIDE): Promise<string | null> {
  const image = new Image();
  image.src = dataUrl;
  try {
    await image.decode();
  } catch {
    return null;
  }
  const scale = maxSide / Math.max(image.naturalWidth, image.naturalHeight);
  if (scale >= 1) return dataUrl;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) return dataUrl;
  // JPEG has no transparency: a transparent PNG is put on white paper, as it would be printed.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85);
}
