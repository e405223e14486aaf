// Contributing compute from the browser (/contribute): opt in, then play volunteer tickets (work in progress).
export function ContributePage() {
  return (
    <main>
      <h1>Contribute</h1>
      <p>Nothing runs on your machine until you agree.</p>
    </main>
  );
}

export default ContributePage;
