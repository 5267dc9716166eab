/**
 * The course mode for one lesson (issue 6): the slide beside the lab, navigation, overview,
 * blank screen, fullscreen, zoom, the projector theme, and the presenter / audience windows.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useState } from 'react';
import type { Lesson } from '../../lessons/types.ts';
import { LabContext } from '../lab/lab-context.tsx';
import { Stage } from '../layout/Stage.tsx';
import { ConsolePanel } from '../panels/ConsolePanel.tsx';
import { NarrationPanel } from '../panels/NarrationPanel.tsx';
import { OpenInLabLink } from '../share/OpenInLabLink.tsx';
import { writeDeckUrl } from './deck-url.ts';
import type { DeckUrl } from './deck-url.ts';
import { zoomed } from './zoom.ts';
import { offersCtrlC } from '../controls/ctrl-c.ts';
import { perform } from '../controls/playback-actions.ts';
import { toggleFullscreen } from '../shortcuts/use-shortcuts.ts';
import { GotoDialog } from './GotoDialog.tsx';
import { DeckBar, DeckTools } from './DeckBar.tsx';
import { KeysHelp } from './KeysHelp.tsx';
import { LessonSession } from './lesson-session.ts';
import { Overview } from './Overview.tsx';
import type { CourseEntry } from './Overview.tsx';
import { PresenterView } from './PresenterView.tsx';
import { SlideView } from './SlideView.tsx';
import { useDeckKeys } from './use-deck-keys.ts';
import type { DeckCommand } from './use-deck-keys.ts';
import { useDeckUrl } from './use-deck-url.ts';
import { usePresenterSync } from './use-presenter-sync.ts';
import { pageAppStorage } from '../storage/page-storage.ts';
import { StorageNotice } from '../storage/StorageNotice.tsx';
import './lesson.css';

export function Deck({ lesson, url, course = [] }: { lesson: Lesson; url: DeckUrl; course?: readonly CourseEntry[] }) {
  const [session] = useState(() => new LessonSession(lesson, { url, storage: pageAppStorage() }));
  const [role, setRole] = useState(url.role);
  const [projector, setProjector] = useState(url.projector || url.role === 'audience');
  const [zoom, setZoom] = useState(1);
  const [help, setHelp] = useState(false);
  const [goto, setGoto] = useState(false);
  useEffect(() => session.connect(), [session]);
  const index = useSelector(session.actor, (s) => s.context.index);
  const selection = useSelector(session.actor, (s) => s.context.selection);
  const mode = useSelector(session.actor, (s) => s.value);
  const sync = usePresenterSync(session, role);
  useDeckUrl(session, index, projector);
  const visited = session.book.lesson(lesson.id).visited;

  const linkTo = (seed: number, step: number): string =>
    writeDeckUrl(location.search, {
      lesson: lesson.id,
      slide: index + 1,
      seed,
      step,
      role,
      projector,
      check: true,
    });

  const openPresenter = () => {
    const search = writeDeckUrl(location.search, {
      lesson: lesson.id,
      slide: index + 1,
      seed: session.lab.store.getState().config.seed,
      step: session.lab.store.getState().stepPosition,
      role: 'presenter',
      projector: false,
      check: false,
    });
    window.open(`${location.pathname}${search}`, `task-lab-presenter-${lesson.id}`, 'popup');
    session.setRole('audience');
    setRole('audience');
    setProjector(true);
  };

  const lab = session.lab;
  const run = (command: DeckCommand): void => {
    const send = session.actor.send.bind(session.actor);
    if (typeof command === 'object') return perform(lab, command);
    switch (command) {
      case 'next-slide':
        return send({ type: 'NEXT' });
      case 'prev-slide':
        return send({ type: 'PREV' });
      case 'first-slide':
        return send({ type: 'FIRST' });
      case 'last-slide':
        return send({ type: 'LAST' });
      case 'overview':
        return send({ type: 'TOGGLE_OVERVIEW' });
      case 'goto':
        return setGoto((g) => !g);
      case 'blank':
        return send({ type: 'TOGGLE_BLANK' });
      case 'escape':
        if (help) return setHelp(false);
        if (goto) return setGoto(false);
        return send({ type: 'ESCAPE' });
      case 'open':
        if (mode === 'overview') send({ type: 'ESCAPE' });
        return;
      case 'fullscreen':
        return toggleFullscreen();
      case 'presenter':
        if (role !== 'presenter') openPresenter();
        return;
      case 'theme':
        return setProjector((p) => !p);
      case 'zoom-in':
      case 'zoom-out':
      case 'zoom-reset':
        return setZoom((z) => zoomed(z, command));
      case 'console':
        return lab.ui.getState().setConsoleOpen(!lab.ui.getState().consoleOpen);
      case 'help':
        return setHelp((h) => !h);
      case 'ctrl-c':
        // only on a slide whose program listens for Ctrl-C (the button shows there too)
        if (offersCtrlC('course', lab.store.getState().program.source)) perform(lab, command);
        return;
      default:
        return perform(lab, command);
    }
  };
  useDeckKeys(run);
  // The projector theme is sized in rem, and 1rem is 1/33.75 of the viewport's height
  // (mockups/README.md): the same picture at 720p and 1080p, only scaled.
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('rem-deck');
    root.classList.toggle('rem-projector', projector);
    root.style.setProperty('--zoom', String(zoom));
    return () => {
      root.classList.remove('rem-deck', 'rem-projector');
      root.style.removeProperty('--zoom');
    };
  }, [projector, zoom]);

  const slide = lesson.slides[index];
  const classes = ['deck', `deck-${role}`, projector ? 'theme-projector' : '', mode === 'blank' ? 'is-blank' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <LabContext.Provider value={session.lab}>
      <div className={classes} data-testid="deck" data-mode={String(mode)}>
        {!projector && (
          <header className="deck-header">
            <h1>
              <span className="brand">Task Lab</span>
              <span className="deck-title">
                {lesson.meta.course} · Day {lesson.meta.day}: {lesson.meta.title}
              </span>
            </h1>
            {role === 'presenter' && <span className="role-badge">presenter</span>}
            <OpenInLabLink className="deck-link" />
            <DeckTools role={role} projector={projector} run={run} />
          </header>
        )}
        <StorageNotice storage={session.book.storage} />
        {role === 'presenter' ? (
          <PresenterView lesson={lesson} index={index} sync={sync} />
        ) : (
          <main className="deck-main">
            <div className="words">
              {slide !== undefined && (
                <SlideView
                  key={slide.id}
                  session={session}
                  slide={slide}
                  index={index}
                  total={lesson.slides.length}
                  linkTo={linkTo}
                />
              )}
              <ConsolePanel drawer />
              <NarrationPanel />
            </div>
            <Stage />
          </main>
        )}
        <DeckBar
          index={index}
          total={lesson.slides.length}
          day={lesson.meta.day}
          role={role}
          projector={projector}
          run={run}
        />
        {mode === 'overview' && (
          <div className="overlay">
            <Overview
              lesson={lesson}
              course={course}
              selection={selection}
              current={index}
              visited={visited}
              open={(i) => session.actor.send({ type: 'GOTO', index: i })}
            />
          </div>
        )}
        {mode === 'blank' && (
          <div className="blank-screen" role="dialog" aria-label="Blank screen (press B to return)" data-testid="blank">
            <p className="visually-hidden">The screen is blank. Press B or Escape to return.</p>
          </div>
        )}
        {help && <KeysHelp close={() => setHelp(false)} />}
        {goto && (
          <GotoDialog
            total={lesson.slides.length}
            current={index}
            close={() => setGoto(false)}
            go={(i) => session.actor.send({ type: 'GOTO', index: i })}
          />
        )}
      </div>
    </LabContext.Provider>
  );
}
