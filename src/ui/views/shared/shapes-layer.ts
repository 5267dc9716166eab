/** Styles of the plain boxes the scheduler and relations views draw (no d3 here). */
export const BOX_STYLE: Readonly<Record<string, { fill: string; stroke: string; width: number; dash?: string }>> = {
  row: { fill: '#F7F7F7', stroke: '#BBBBBB', width: 1 },
  queue: { fill: '#FFFFFF', stroke: '#111111', width: 2 },
  slot: { fill: '#FFFFFF', stroke: '#111111', width: 2, dash: '6 4' },
  meter: { fill: '#E6E6E6', stroke: '#111111', width: 1 },
  'meter-fill': { fill: '#0072B2', stroke: 'none', width: 0 },
};
