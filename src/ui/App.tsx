/** The application shell: header and the regions of the lab (design.md §6). */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Task Lab</h1>
        <p className="tagline">Watch Tokio 1.48 run your tasks, one step at a time.</p>
      </header>
      <main className="lab" aria-label="Lab">
        <section className="region slide" aria-label="Slide">
          <h2>Slide</h2>
          <p>Lessons open here.</p>
        </section>
        <section className="region stage" aria-label="Stage">
          <h2>Stage</h2>
          <p>The runtime's tasks and queues appear here.</p>
        </section>
      </main>
    </div>
  );
}
