/**
 * The lab bar's Faults menu (issue 17 item 2): the learner aims a reset, a refused connect or a
 * slow peer at a connection the run has made (or the next one), and the program runs again from
 * the start with the fault, back at the step on show. Added faults are listed, each removable.
 * The fault itself shows in the trace (`net.fault`), the narration and the console. Faults can also
 * be drawn from the seed (`--faults-seeded` on the command line): each connect then fails with the
 * chosen probability, a choice the scheduler picker and the schedule explorer vary like any other.
 */
import './faults.css';
import { useId, useState } from 'react';
import { FAULT_RATES } from '../../store/lab-types.ts';
import { selectConfig, selectPosition, selectProgram, selectStepCount, selectStepPosition } from '../../store/index.ts';
import { faultText, faultWords, type FaultChoice, type ResetWhen } from '../../worker/fault-choice.ts';
import { useLab, useLabState } from '../lab/lab-context.tsx';
import { connectionsBefore, rateWords } from './faults-model.ts';

const KIND_WORDS = {
  reset: 'Reset (the peer sends RST)',
  refuse: 'Refuse the connect',
  slow: 'Slow reader',
} as const;

export function FaultsMenu() {
  const lab = useLab();
  const config = useLabState(selectConfig);
  const program = useLabState(selectProgram);
  const position = useLabState(selectPosition);
  const stepPosition = useLabState(selectStepPosition);
  const stepCount = useLabState(selectStepCount);
  const [open, setOpen] = useState(false);
  const faults = config.faults ?? [];
  const rate = config.faultRate;
  const id = useId();
  const count = faults.length + (rate !== undefined ? 1 : 0);
  const rerun = (patch: Partial<typeof config>) => lab.run(program.source, { ...config, ...patch }, stepPosition);
  return (
    <div className="faults-menu">
      <button
        type="button"
        className="faults-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={count > 0 ? `Network faults (${count})` : 'Network faults'}
        data-testid="faults-toggle"
        title="Inject network faults: a reset, a refused connect, a slow peer"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⚡</span>
        <span className="bar-label"> Faults</span>
        {count > 0 && <span className="faults-count"> {count}</span>}
      </button>
      {open && (
        <FaultsPanel
          id={id}
          faults={faults}
          rate={rate}
          position={position}
          atEnd={stepPosition >= stepCount}
          onClose={() => setOpen(false)}
          apply={(next) => rerun({ faults: next })}
          applyRate={(next) => rerun({ faultRate: next })}
          nextStep={() => {
            const t = lab.store.getState().timeline;
            return t.stepIdOf(stepPosition) ?? (t.stepIdOf(stepPosition - 1) ?? 0) + 1;
          }}
        />
      )}
    </div>
  );
}

interface PanelProps {
  readonly id: string;
  readonly faults: readonly string[];
  /** The probability each connect fails with, drawn from the seed (absent: none drawn). */
  readonly rate: number | undefined;
  readonly position: number;
  /** No step follows the one on show: a reset "now" would never happen. */
  readonly atEnd: boolean;
  readonly onClose: () => void;
  readonly apply: (faults: readonly string[]) => void;
  readonly applyRate: (rate: number | undefined) => void;
  readonly nextStep: () => number;
}

function FaultsPanel({ id, faults, rate, position, atEnd, onClose, apply, applyRate, nextStep }: PanelProps) {
  const lab = useLab();
  const seen = connectionsBefore(lab.store.getState().timeline, position);
  const next = seen.length + 1;
  const [choice, setChoice] = useState<FaultChoice>({
    kind: 'reset',
    conn: seen.length > 0 ? seen[seen.length - 1].conn : next,
    by: 'client',
    when: seen.length > 0 && !atEnd ? 'now' : 'open',
    bytes: 10,
  });
  const set = (patch: Partial<FaultChoice>) => setChoice({ ...choice, ...patch });
  // "now" needs a connection already open at the step on show, and a step after it
  const canNow = choice.conn <= seen.length && !atEnd;
  const when: ResetWhen = choice.when === 'now' && !canNow ? 'open' : choice.when;
  const add = () => apply([...faults, faultText({ ...choice, when }, nextStep())]);
  return (
    <section id={id} className="bar-panel faults-panel" aria-label="Network faults" data-testid="faults-panel">
      <div className="faults-head">
        <h2>Network faults</h2>
        <button type="button" className="faults-close" aria-label="Close faults" onClick={onClose}>
          ×
        </button>
      </div>
      {faults.length > 0 && (
        <ul className="faults-list" aria-label="Faults in this run">
          {faults.map((f, i) => (
            <li key={`${i}:${f}`}>
              <span>{faultWords(f)}</span>
              <button
                type="button"
                aria-label={`Remove: ${faultWords(f)}`}
                onClick={() => apply(faults.filter((_, k) => k !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="faults-rate">
        <span>Random faults (a reset, a refused connect or a slow peer), drawn from the seed</span>
        <select
          value={rate === undefined ? 'off' : String(rate)}
          data-testid="fault-rate"
          onChange={(e) => applyRate(e.target.value === 'off' ? undefined : Number(e.target.value))}
        >
          <option value="off">none</option>
          {[...new Set([...FAULT_RATES, ...(rate === undefined ? [] : [rate])])].map((r) => (
            <option key={r} value={String(r)}>
              {`${rateWords(r)} fails`}
            </option>
          ))}
        </select>
      </label>
      <h3 className="faults-sub">By hand</h3>
      <div className="faults-form">
        <label>
          <span>Fault</span>
          <select
            value={choice.kind}
            data-testid="fault-kind"
            onChange={(e) => set({ kind: e.target.value as FaultChoice['kind'] })}
          >
            {(['reset', 'refuse', 'slow'] as const).map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Connection</span>
          <select value={choice.conn} data-testid="fault-conn" onChange={(e) => set({ conn: Number(e.target.value) })}>
            {seen.map((c) => (
              <option key={c.conn} value={c.conn}>
                {`connection ${c.conn} (port ${c.port}${c.refused ? ', refused' : ''})`}
              </option>
            ))}
            <option value={next}>{`next connect (connection ${next})`}</option>
          </select>
        </label>
        {choice.kind !== 'refuse' && (
          <label>
            <span>{choice.kind === 'reset' ? 'Who resets' : 'Who reads slowly'}</span>
            <select
              value={choice.by}
              data-testid="fault-by"
              onChange={(e) => set({ by: e.target.value === 'server' ? 'server' : 'client' })}
            >
              <option value="client">the client (connect side)</option>
              <option value="server">the server (accept side)</option>
            </select>
          </label>
        )}
        {choice.kind === 'reset' && (
          <label>
            <span>When</span>
            <select value={when} data-testid="fault-when" onChange={(e) => set({ when: e.target.value as ResetWhen })}>
              {canNow && <option value="now">now (this step)</option>}
              <option value="open">as soon as it is open</option>
              <option value="bytes">after some bytes</option>
            </select>
          </label>
        )}
        {choice.kind === 'reset' && when === 'bytes' && (
          <label>
            <span>Bytes</span>
            <input
              type="number"
              min={0}
              value={choice.bytes}
              onChange={(e) => set({ bytes: Math.max(0, Number(e.target.value) || 0) })}
            />
          </label>
        )}
      </div>
      <p className="faults-actions">
        <button type="button" className="faults-add" data-testid="fault-add" onClick={add}>
          Add and run again
        </button>
      </p>
    </section>
  );
}
