// The replay viewer (/replays/:id): a sample game re-simulated in the browser (work in progress).
export function ReplayPage({ id }: { id: string }) {
  return (
    <main>
      <h1>Replay</h1>
      <p>Loading replay {id}…</p>
    </main>
  );
}

export default ReplayPage;
