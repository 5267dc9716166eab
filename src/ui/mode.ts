/** Which mode a URL opens: an embed (`?embed=1`), the lab playground (`?mode=lab` or a shared program), or the course. */
export type Mode = 'embed' | 'lab' | 'lesson';

export function modeOf(search: string): Mode {
  const params = new URLSearchParams(search);
  if (params.get('embed') === '1') return 'embed';
  if (params.get('mode') === 'lab' || params.has('program')) return 'lab';
  return 'lesson';
}
