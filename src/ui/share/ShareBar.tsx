/**
 * Share, Embed and Export, side by side: the lab screen mounts `<ShareBar />` inside its
 * `LabContext` provider (e.g. in the header). Each button can also be mounted alone.
 */
import { EmbedButton } from './EmbedButton.tsx';
import { ExportButton } from './ExportButton.tsx';
import type { ExportButtonProps } from './ExportButton.tsx';
import { ShareButton } from './ShareButton.tsx';
import './share.css';

export function ShareBar(props: ExportButtonProps) {
  return (
    <div className="share-bar" role="group" aria-label="Share and export">
      <ShareButton />
      <EmbedButton />
      <ExportButton {...props} />
    </div>
  );
}
