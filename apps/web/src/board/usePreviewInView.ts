import { useStore as useFlowStore, type Viewport } from '@xyflow/react';
import { useMemo } from 'react';
import { type BoardPreview, type PreviewPart, previewInView } from './boardPreview.ts';
import { previewAreaKey, previewAreaOf } from './previewArea.ts';

/**
 * The part of `preview` around the view, following pans and zooms while the preview is shown; nothing
 * (and no re-render on viewport changes) once the live board has replaced it.
 */
export function usePreviewInView(preview: BoardPreview | null, opening: Viewport): PreviewPart | null {
  const key = useFlowStore((state) => {
    if (!preview) return '';
    // Until React Flow has measured its pane (the first render), it has not applied the opening viewport
    // either; the window is a safe over-estimate of the pane.
    if (state.width === 0) {
      return previewAreaKey([opening.x, opening.y, opening.zoom], window.innerWidth, window.innerHeight);
    }
    return previewAreaKey(state.transform, state.width, state.height);
  });
  return useMemo(() => (preview ? previewInView(preview, previewAreaOf(key)) : null), [preview, key]);
}
