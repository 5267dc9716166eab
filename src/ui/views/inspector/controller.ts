/**
 * The task inspector (tokio-facts.md §2–§3, §5, §7): one task's cell. The state word is drawn
 * bit by bit (CANCELLED JOIN_WAKER JOIN_INTEREST NOTIFIED COMPLETE RUNNING) after its ref count;
 * bits the last transition flipped flash, with the transition's name. Every bit cell carries
 * `data-bit` and `data-set`, the word `data-word`, so browser tests compare it with the trace.
 */
import { select } from 'd3-selection';
import type { Selection } from 'd3-selection';
import 'd3-transition';
import { deriveInspector } from '../../../store/view/derive-inspector.ts';
import type { BitModel, InspectorModel } from '../../../store/view/derive-inspector.ts';
import type { StageName } from '../../../store/view/derive-history.ts';
import { changeMotionMs } from '../shared/motion.ts';
import type { ControllerOptions, ViewController, ViewInput } from '../shared/view-input.ts';
import { OKABE_ITO } from '../shared/palette.ts';
import {
  coopText,
  handlesText,
  holderText,
  joinWakerText,
  localsView,
  originOf,
  titleOf,
  transitionText,
} from './describe.ts';
import type { LocalsView } from './describe.ts';

const SET_FILL = OKABE_ITO.blue;
const FLASH = OKABE_ITO.yellow;
const STAGES: readonly { readonly stage: StageName; readonly title: string }[] = [
  { stage: 'future', title: 'Running(future)' },
  { stage: 'output', title: 'Finished(output)' },
  { stage: 'consumed', title: 'Consumed' },
];

type Div = Selection<HTMLDivElement, unknown, null, undefined>;

function row(parent: Div, title: string, cls: string): Div {
  const r = parent.append('div').attr('class', `tl-insp-row ${cls}`);
  r.append('span').attr('class', 'tl-insp-key').text(title);
  return r.append('div').attr('class', 'tl-insp-value');
}

export function createInspectorController(el: HTMLElement, _options: ControllerOptions): ViewController {
  const root = select(el)
    .append('div')
    .attr('class', 'tl-view tl-inspector')
    .attr('role', 'region')
    .attr('aria-label', 'Task inspector');
  const empty = root.append('p').attr('class', 'tl-empty');
  const body = root.append('div').attr('class', 'tl-insp-body');
  const title = body.append('h3').attr('class', 'tl-insp-title');
  const origin = body.append('p').attr('class', 'tl-insp-origin');
  const wordBox = body.append('div').attr('class', 'tl-word').attr('role', 'group').attr('aria-label', 'state word');
  const refCell = wordBox.append('div').attr('class', 'tl-bit tl-refcount');
  refCell.append('span').attr('class', 'tl-bit-letter').text('refs');
  const refValue = refCell.append('span').attr('class', 'tl-bit-value tl-mono');
  refCell.append('span').attr('class', 'tl-bit-name').text('REF_COUNT');
  const bits = wordBox.append('div').attr('class', 'tl-bits');
  // What the suspended future holds (its state machine's fields), right under the cell's word.
  const locals = row(body, 'saved locals', 'tl-locals').attr('data-testid', 'saved-locals');
  const binary = body.append('p').attr('class', 'tl-binary tl-mono');
  const transition = body.append('p').attr('class', 'tl-transition tl-mono');
  const holders = row(body, 'references', 'tl-holders').append('ul');
  const stages = row(body, 'stage', 'tl-stage');
  const joinWaker = row(body, 'join waker', 'tl-joinwaker');
  const handles = row(body, 'handles', 'tl-handles');
  const coop = row(body, 'coop budget', 'tl-coop');

  function drawBits(m: InspectorModel, flashMs: number): void {
    bits
      .selectAll<HTMLDivElement, BitModel>('div.tl-bit')
      .data(m.bits, (d) => d.name)
      .join((enter) => {
        const cell = enter.append('div').attr('class', 'tl-bit');
        cell.append('span').attr('class', 'tl-bit-letter');
        cell.append('span').attr('class', 'tl-bit-value tl-mono');
        cell.append('span').attr('class', 'tl-bit-name');
        return cell;
      })
      .attr('data-bit', (d) => d.name)
      .attr('data-set', (d) => (d.set ? '1' : '0'))
      .attr('aria-label', (d) => `${d.name} ${d.set ? 'set' : 'clear'}${d.flipped ? ', just flipped' : ''}`)
      .classed('is-set', (d) => d.set)
      .classed('is-flipped', (d) => d.flipped)
      .each(function (d) {
        const cell = select(this);
        cell.select('.tl-bit-letter').text(d.letter);
        cell.select('.tl-bit-value').text(d.set ? '1' : '0');
        // A break after the underscore lets JOIN_INTEREST wrap as JOIN_ / INTEREST in a narrow cell.
        cell.select('.tl-bit-name').text(d.name.replace('_', '_\u200b'));
        const fill = d.set ? SET_FILL : '#FFFFFF';
        cell.style('color', d.set ? '#FFFFFF' : '#111111');
        if (flashMs > 0 && d.flipped) {
          cell
            .interrupt()
            .style('background-color', FLASH)
            .transition()
            .duration(flashMs)
            .style('background-color', fill);
        } else {
          cell.interrupt().style('background-color', fill);
        }
      });
  }

  function drawLocals(v: LocalsView): void {
    locals.attr('data-kind', v.kind);
    const frames = v.kind === 'frames' ? v.frames : [];
    locals
      .selectAll<HTMLParagraphElement, string>('p.tl-locals-note')
      .data(v.kind === 'note' ? [v.text] : [])
      .join('p')
      .attr('class', 'tl-locals-note')
      .text((t) => t);
    locals
      .selectAll<HTMLDivElement, (typeof frames)[number]>('div.tl-locals-frame')
      .data(frames)
      .join((enter) => {
        const f = enter.append('div').attr('class', 'tl-locals-frame');
        f.append('p').attr('class', 'tl-locals-state tl-mono');
        f.append('ul').attr('class', 'tl-locals-list');
        return f;
      })
      .each(function (f) {
        const el = select(this);
        el.attr('data-state', f.title);
        el.select('.tl-locals-state').text(f.title);
        el.select('ul')
          .selectAll<HTMLLIElement, (typeof f.locals)[number]>('li')
          .data(f.locals.length > 0 ? f.locals : [{ name: '', text: 'holds no named locals' }])
          .join('li')
          .attr('class', 'tl-mono')
          .attr('data-local', (l) => (l.name === '' ? null : l.name))
          .text((l) => l.text);
      });
  }

  function render(input: ViewInput, prev: ViewInput | undefined): void {
    const id = input.selectedTask;
    const m = id === undefined ? undefined : deriveInspector(input.view, input.history, input.position, id);
    root.attr('data-task', m === undefined ? null : m.task.id);
    empty
      .property('hidden', m !== undefined)
      .text(
        id === undefined
          ? 'Select a task (click it, or focus it and press Enter) to see its cell.'
          : `Task ${id} does not exist at this step.`,
      );
    body.property('hidden', m === undefined);
    if (m === undefined) return;
    // Flash only when the word moved under the same task (not on selecting another).
    const sameTask = prev !== undefined && prev.selectedTask === id && prev.position !== input.position;
    title.text(titleOf(m));
    origin.text(originOf(m));
    drawLocals(localsView(m.task, input.savedLocals?.at(m.task.id, input.position)));
    wordBox.attr('data-word', m.word).attr('data-task', m.task.id);
    refValue.text(String(m.refCount));
    refCell.attr('data-refcount', m.refCount);
    drawBits(m, sameTask ? changeMotionMs(input, prev) : 0);
    binary.text(`${m.binary}  = ${m.word}`);
    transition.text(transitionText(m)).attr('data-transition', m.lastTransition?.name ?? null);
    holders
      .selectAll<HTMLLIElement, (typeof m.holders)[number]>('li')
      .data(
        m.holders.filter((h) => h.count !== 0),
        (h) => h.holder,
      )
      .join('li')
      .attr('data-holder', (h) => h.holder)
      .text((h) => holderText(h));
    stages
      .selectAll<HTMLSpanElement, (typeof STAGES)[number]>('span')
      .data(STAGES, (s) => s.stage)
      .join('span')
      .attr('class', (s) => (s.stage === m.stage ? 'tl-stage-pill is-current' : 'tl-stage-pill'))
      .attr('data-stage', (s) => s.stage)
      .attr('aria-current', (s) => (s.stage === m.stage ? 'step' : null))
      .text((s) => (s.stage === m.stage ? `▶ ${s.title}` : s.title));
    joinWaker.text(joinWakerText(m));
    handles.text(handlesText(m));
    coop.text(coopText(m));
  }

  return {
    update(input, prev) {
      render(input, prev);
    },
    destroy() {
      root.interrupt().remove();
    },
  };
}
