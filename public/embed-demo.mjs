/*
 * The sample host page's script (a static file: the page allows no inline script). It builds one
 * iframe per `.demo-embed` section, sends commands from the buttons, checks that every event
 * comes from the Task Lab origin and from that section's iframe, and logs the events. Tests read
 * `window.taskLabDemo`.
 */
const PROTOCOL = 'task-lab-embed';
const VERSION = 1;
const page = new URL(window.location.href);
const appUrl = new URL(page.searchParams.get('app') ?? './index.html', page);
const origins = page.searchParams.get('origins');

/** Per embed: its iframe and every event it sent. */
const embeds = new Map();

function send(id, body) {
  const e = embeds.get(id);
  if (e === undefined) return;
  e.frame.contentWindow?.postMessage({ protocol: PROTOCOL, version: VERSION, ...body }, appUrl.origin);
}

function describe(ev) {
  switch (ev.type) {
    case 'ready':
      return `ready: API v${ev.version}, commands ${ev.commands.join(' ')}`;
    case 'step':
      return `step ${ev.step}/${ev.steps} (${ev.playback}) t=${ev.timeMs} ms`;
    case 'slideChange':
      return `slide ${ev.slide}/${ev.slides}: ${ev.title}`;
    case 'quizAnswered':
      return `quiz ${ev.quiz} on slide ${ev.slide}: “${ev.answer}” is ${ev.correct ? 'right' : 'wrong'}`;
    case 'challengePassed':
      return `challenge on slide ${ev.slide} passed`;
    case 'error':
      return `error: ${ev.message}`;
    default:
      return JSON.stringify(ev);
  }
}

window.addEventListener('message', (event) => {
  if (event.origin !== appUrl.origin) return;
  const data = event.data;
  if (typeof data !== 'object' || data === null || data.protocol !== PROTOCOL) return;
  for (const [id, e] of embeds) {
    if (event.source !== e.frame.contentWindow) continue;
    e.events.push(data);
    if (data.type === 'step' || data.type === 'ready') e.status.textContent = describe(data);
    const li = document.createElement('li');
    li.textContent = describe(data);
    e.log.prepend(li);
    while (e.log.children.length > 50) e.log.lastElementChild?.remove();
    return;
  }
});

function mount(section) {
  const id = section.dataset.embed;
  const template = document.getElementById('demo-controls');
  section.append(template.content.cloneNode(true));
  const frame = section.querySelector('iframe');
  const src = new URL(appUrl);
  const params = new URLSearchParams(section.dataset.params);
  params.set('embed', '1');
  params.set('id', id);
  if (origins !== null) params.set('origins', origins);
  src.search = `?${params.toString()}`;
  frame.title = `Task Lab embed ${id}`;
  frame.dataset.testid = `frame-${id}`;
  const e = {
    frame,
    events: [],
    log: section.querySelector('[data-log]'),
    status: section.querySelector('[data-status]'),
  };
  embeds.set(id, e);
  // Hello on load: an embed that could not tell who embeds it (no referrer) trusts the first hello.
  frame.addEventListener('load', () => send(id, { type: 'hello' }));
  frame.src = src.href;
  const field = (name) => section.querySelector(`[data-field="${name}"]`);
  section.querySelector('.demo-buttons').parentElement.addEventListener('click', (ev) => {
    const button = ev.target instanceof Element ? ev.target.closest('button[data-cmd]') : null;
    if (button === null) return;
    const cmd = button.dataset.cmd;
    if (cmd === 'back') send(id, { type: 'step', back: true });
    else if (cmd === 'seek') send(id, { type: 'seek', step: Number(field('seek').value) });
    else if (cmd === 'setSlide') send(id, { type: 'setSlide', slide: Number(field('slide').value) });
    else if (cmd === 'load') send(id, { type: 'load', source: field('source').value });
    else send(id, { type: cmd });
  });
}

for (const section of document.querySelectorAll('.demo-embed')) mount(section);

window.taskLabDemo = {
  appOrigin: appUrl.origin,
  events: (id) => embeds.get(id)?.events.slice() ?? [],
  send,
};
