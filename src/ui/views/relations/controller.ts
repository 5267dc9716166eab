/**
 * Relations (design.md §6): the spawn tree, JoinSet membership (tokio-facts.md §10), the
 * CancellationToken tree (§11) and who woke whom (§3.6). Drawn as HTML lists by d3 joins: trees
 * read top to bottom with indentation, every task is a focusable chip that selects it.
 */
import { select } from 'd3-selection';
import type { Selection } from 'd3-selection';
import { deriveRelations } from '../../../store/view/derive-relations.ts';
import type { JoinSetModel, SpawnNode, TokenModel, WakeEdge } from '../../../store/view/derive-relations.ts';
import { actorName } from '../../../store/view/derive-inspector.ts';
import type { ViewState } from '../../../store/index.ts';
import { LIFECYCLE_GLYPH, taskAriaLabel } from '../shared/glyphs.ts';
import { bindTokenEvents } from '../shared/token-events.ts';
import type { ControllerOptions, ViewController, ViewInput } from '../shared/view-input.ts';
import { ROW_PX, WINDOW_AFTER, rowAfterKey, rowWindow, scrollToRow } from './member-window.ts';

type Div = Selection<HTMLDivElement, unknown, null, undefined>;

const OUTCOME_TEXT = { ok: '✓ ok', cancelled: '✕ cancelled', panicked: '! panicked' } as const;

function section(root: Div, title: string, cls: string): Div {
  const s = root.append('section').attr('class', `tl-rel-section ${cls}`);
  s.append('h3').text(title);
  return s.append('div');
}

/** What each chip shows now, so an unchanged chip is not written again. */
const chipState = new WeakMap<HTMLElement, unknown>();

/** A focusable chip for a task: glyph, id, name; the main future is a plain label. */
function chip(el: HTMLElement, view: ViewState, id: number, selected: number | undefined): void {
  const t = view.tasks.get(id);
  // TaskView records are replaced whenever they change, so identity is a cheap change test.
  const key = t ?? id;
  const state = chipState.get(el) as { key: unknown; sel: boolean } | undefined;
  if (state !== undefined && state.key === key && state.sel === (id === selected)) return;
  chipState.set(el, { key, sel: id === selected });
  const e = select(el);
  if (id <= 0 || t === undefined) {
    e.attr('class', 'tl-chip tl-chip-plain')
      .attr('data-task', null)
      .attr('tabindex', null)
      .attr('role', null)
      .attr('aria-label', null)
      .text(actorName(id));
    return;
  }
  e.attr('class', id === selected ? 'tl-chip is-selected' : 'tl-chip')
    .attr('data-task', id)
    .attr('data-lifecycle', t.lifecycle)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-pressed', String(id === selected))
    .attr('aria-label', taskAriaLabel(t))
    .text(`${LIFECYCLE_GLYPH[t.lifecycle]} #${id}${t.name !== undefined ? ` ${t.name}` : ''}`);
}

export function createRelationsController(el: HTMLElement, options: ControllerOptions): ViewController {
  const root = select(el)
    .append('div')
    .attr('class', 'tl-view tl-relations')
    .attr('role', 'region')
    .attr('aria-label', 'Relations between tasks');
  const spawn = section(root, 'Spawn tree', 'tl-rel-spawn').append('ul').attr('class', 'tl-tree');
  const sets = section(root, 'JoinSets', 'tl-rel-joinsets');
  const tokens = section(root, 'Cancellation tokens', 'tl-rel-tokens').append('ul').attr('class', 'tl-tree');
  const wakes = section(root, 'Who woke whom (recent)', 'tl-rel-wakes').append('ul').attr('class', 'tl-list');
  const unbind = bindTokenEvents(el, (task) => options.onSelectTask?.(task));

  /** The set each member box shows, and the input last drawn, for redrawing a box on scroll. */
  const drawnSets = new WeakMap<HTMLDivElement, JoinSetModel>();
  let last: ViewInput | undefined;

  /** A set's members: every one inline, or (a big set) only the rows scrolled into view. */
  function drawMembers(box: HTMLDivElement, s: JoinSetModel, view: ViewState, sel: number | undefined): void {
    drawnSets.set(box, s);
    const n = s.members.length;
    const windowed = n > WINDOW_AFTER;
    const rows = windowed ? rowWindow(box.scrollTop, n) : { from: 0, to: n };
    select(box)
      .classed('is-windowed', windowed)
      .select('ul')
      // the full height keeps the scroll range of every row, drawn or not
      .call((ul) => (windowed ? ul.style('height', `${n * ROW_PX}px`) : ul.style('height', null)))
      .attr(
        'aria-label',
        windowed ? `${n} tasks in JoinSet ${s.id}: arrow keys, Page Up/Down, Home and End move` : null,
      )
      .selectAll<HTMLLIElement, JoinSetModel['members'][number]>('li')
      .data(windowed ? s.members.slice(rows.from, rows.to) : s.members, (x) => x.task)
      .join((enter) => {
        const li = enter.append('li');
        li.append('span');
        li.append('span').attr('class', 'tl-join-result');
        return li;
      })
      .order()
      .attr('data-joined', (x) => String(x.joined))
      .attr('aria-setsize', windowed ? n : null)
      .attr('aria-posinset', (_x, i) => (windowed ? rows.from + i + 1 : null))
      .style('top', (_x, i) => (windowed ? `${(rows.from + i) * ROW_PX}px` : null))
      .call((li) =>
        li.select<HTMLSpanElement>('span:first-child').each(function (x) {
          chip(this, view, x.task, sel);
        }),
      )
      .call((li) =>
        li
          .select('.tl-join-result')
          .text((x) => (x.joined && x.outcome !== undefined ? ` joined ${OUTCOME_TEXT[x.outcome]}` : '')),
      );
  }

  /** Keys on a chip of a windowed set move through the whole set, scrolling the rows along. */
  function moveInWindow(box: HTMLDivElement, ev: KeyboardEvent): void {
    const s = drawnSets.get(box);
    const li = ev.target instanceof Element ? ev.target.closest('li[aria-posinset]') : null;
    if (s === undefined || li === null || last === undefined || !box.classList.contains('is-windowed')) return;
    const to = rowAfterKey(ev.key, Number(li.getAttribute('aria-posinset')) - 1, s.members.length);
    if (to === undefined) return;
    // Handled here: the view-wide arrow keys would leave the set at the last row drawn.
    ev.preventDefault();
    ev.stopPropagation();
    box.scrollTop = scrollToRow(box.scrollTop, to);
    drawMembers(box, s, last.view, last.selectedTask);
    box.querySelector<HTMLElement>(`li[aria-posinset="${to + 1}"] [data-task]`)?.focus();
  }

  function render(input: ViewInput): void {
    last = input;
    const m = deriveRelations(input.history, input.position, { wakeWindow: 500 });
    const { view, selectedTask: sel } = input;

    spawn
      .selectAll<HTMLLIElement, SpawnNode>('li')
      .data(m.spawnTree, (d) => d.id)
      .join((enter) => {
        const li = enter.append('li');
        li.append('span');
        li.append('span').attr('class', 'tl-more-note');
        return li;
      })
      .style('padding-left', (d) => `${d.depth * 1.4}em`)
      .order()
      .call((li) =>
        li.select<HTMLSpanElement>('span:first-child').each(function (d) {
          chip(this, view, d.id, sel);
        }),
      )
      .call((li) =>
        li.select('.tl-more-note').text((d) => (d.hiddenChildren > 0 ? ` +${d.hiddenChildren} more children` : '')),
      );

    sets
      .selectAll<HTMLDivElement, JoinSetModel>('div.tl-joinset')
      .data(m.joinSets, (d) => d.id)
      .join((enter) => {
        const d = enter.append('div').attr('class', 'tl-joinset');
        d.append('p').attr('class', 'tl-joinset-title');
        const box = d.append('div').attr('class', 'tl-chips-box');
        box.append('ul').attr('class', 'tl-chips');
        box.on('scroll', function () {
          const set = drawnSets.get(this);
          if (set !== undefined && last !== undefined) drawMembers(this, set, last.view, last.selectedTask);
        });
        box.on('keydown', function (ev: KeyboardEvent) {
          moveInWindow(this, ev);
        });
        return d;
      })
      .attr('data-set', (d) => d.id)
      .each(function (s) {
        const box = select(this);
        const state = s.dropped ? ' · dropped' : s.abortedAll ? ' · abort_all' : '';
        const live = s.members.filter((x) => !x.joined).length;
        box.select('.tl-joinset-title').text(`JoinSet ${s.id} of ${actorName(s.owner)}: ${live} in the set${state}`);
        const chips = box.select<HTMLDivElement>('.tl-chips-box').node();
        if (chips !== null) drawMembers(chips, s, view, sel);
      });
    sets
      .selectAll('p.tl-empty')
      .data(m.joinSets.length === 0 ? [0] : [])
      .join('p')
      .attr('class', 'tl-empty')
      .text('none');

    tokens
      .selectAll<HTMLLIElement, TokenModel>('li')
      .data(m.tokens, (d) => d.id)
      .join((enter) => {
        const li = enter.append('li');
        li.append('span').attr('class', 'tl-token-name');
        li.append('span').attr('class', 'tl-chips');
        return li;
      })
      .order()
      .attr('data-token', (d) => d.id)
      .attr('data-cancelled', (d) => String(d.cancelled))
      .style('padding-left', (d) => `${d.depth * 1.4}em`)
      .call((li) =>
        li.select('.tl-token-name').text((d) => {
          const kind = d.depth === 0 ? 'token' : 'child token';
          const state = d.cancelled ? ' ✕ cancelled' : ' ● live';
          return `${kind} ${d.id}${state}${d.dropped ? ' · dropped' : ''}${d.waiters.length > 0 ? ' · awaited by ' : ''}`;
        }),
      )
      .each(function (d) {
        select(this)
          .select('.tl-chips')
          .selectAll<HTMLSpanElement, number>('span')
          .data(d.waiters, (w) => w)
          .join('span')
          .each(function (w) {
            chip(this, view, w, sel);
          });
      });
    tokens
      .selectAll('li.tl-empty')
      .data(m.tokens.length === 0 ? [0] : [])
      .join('li')
      .attr('class', 'tl-empty')
      .text('none');

    wakes
      .selectAll<HTMLLIElement, WakeEdge>('li')
      .data(m.wakes, (d) => `${d.by}>${d.target}`)
      .join((enter) => {
        const li = enter.append('li');
        li.append('span').attr('class', 'tl-wake-by');
        li.append('span').attr('class', 'tl-wake-arrow').attr('aria-hidden', 'true').text(' → ');
        li.append('span').attr('class', 'tl-wake-to');
        li.append('span').attr('class', 'tl-wake-count');
        return li;
      })
      .order()
      .attr('data-wake', (d) => `${d.by}>${d.target}`)
      .attr('aria-label', (d) => `${actorName(d.by)} woke ${actorName(d.target)} ${d.count} times`)
      .call((li) =>
        li.select<HTMLSpanElement>('.tl-wake-by').each(function (d) {
          chip(this, view, d.by, sel);
        }),
      )
      .call((li) =>
        li.select<HTMLSpanElement>('.tl-wake-to').each(function (d) {
          chip(this, view, d.target, sel);
        }),
      )
      .call((li) => li.select('.tl-wake-count').text((d) => ` ×${d.count}`));
    wakes
      .selectAll('li.tl-empty')
      .data(m.wakes.length === 0 ? [0] : [])
      .join('li')
      .attr('class', 'tl-empty')
      .text('none yet');
  }

  return {
    update(input) {
      render(input);
    },
    destroy() {
      unbind();
      root.remove();
    },
  };
}
