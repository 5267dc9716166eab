/**
 * Share, Embed and Export for the lab screen (issue 7). Mount `<ShareBar />` (or the buttons one
 * by one) inside `LabContext`; call `restoreSharedMoment(lab, location.hash)` once when the lab
 * opens, and on `{ kind: 'error' }` show its message above the default lesson.
 */
export { ShareBar } from './ShareBar.tsx';
export { ShareButton } from './ShareButton.tsx';
export { EmbedButton } from './EmbedButton.tsx';
export { ExportButton } from './ExportButton.tsx';
export type { ExportButtonProps } from './ExportButton.tsx';
export { momentOfLab, restoreSharedMoment } from './share-actions.ts';
export type { Restore } from './share-actions.ts';
export { svgToPng, viewAsSvg } from './view-image.ts';
export type { ViewImage } from './view-image.ts';
