// Spellgrid's own Prometheus metrics, beside the HTTP ones (middleware/metrics.ts) in the same
// registry: games simulated and batch latency by who played them, predictions waiting and
// running, each running prediction's games and precision, volunteer tickets issued, results
// received and verification verdicts; with KAFKA_BROKERS, the cluster's metrics as well
// (cluster.ts). Names and meaning are documented in docs/api.md (Metrics).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { metricsRegistry } from '@spellgrid/backend/src/observability/metrics.ts';
import type { PredictionStatus } from '@spellgrid/backend/src/predictions/service.ts';

export interface Telemetry {
  registry: Registry;
  /** A batch of `games` freshly played (not read back from storage) by `compute` in `seconds`. */
  batchPlayed(compute: string, games: number, seconds: number): void;
  /** A volunteer batch settled by replay, or a verification that failed to run. */
  verdict(verdict: 'verified' | 'rejected' | 'error'): void;
  /** A volunteer ticket issued. */
  ticketIssued(): void;
  /** A volunteer result submitted: accepted (to be verified) or refused. */
  resultReceived(outcome: 'accepted' | 'rejected'): void;
  /** Where the live predictions are read from at each scrape. */
  watch(live: () => PredictionStatus[]): void;
}

export function telemetry(): Telemetry {
  const registry = metricsRegistry();
  const registers = [registry];
  let live: () => PredictionStatus[] = () => [];
  const games = new Counter({ name: 'spellgrid_games_simulated_total', help: 'Games played for predictions (rate() gives games per second)', labelNames: ['compute'], registers });
  const batches = new Histogram({
    name: 'spellgrid_batch_duration_seconds', help: 'Time to play one batch of a prediction, from asking to having its games', labelNames: ['compute'], registers,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  });
  const tickets = new Counter({ name: 'spellgrid_tickets_issued_total', help: 'Volunteer tickets issued', registers });
  const results = new Counter({ name: 'spellgrid_results_received_total', help: 'Volunteer results submitted: accepted (to be verified) or rejected (refused on submission)', labelNames: ['outcome'], registers });
  const verdicts = new Counter({ name: 'spellgrid_verifications_total', help: 'Volunteer batches verified or rejected by replay, and verifications that failed to run', labelNames: ['verdict'], registers });
  new Gauge({
    name: 'spellgrid_predictions', help: 'Predictions queued or running now', labelNames: ['status'], registers,
    collect() {
      this.reset();
      const all = live();
      for (const status of ['queued', 'running'] as const) this.set({ status }, all.filter((p) => p.status === status).length);
    },
  });
  new Gauge({
    name: 'spellgrid_prediction_games', help: 'Games counted so far by each running prediction', labelNames: ['prediction'], registers,
    collect() {
      this.reset();
      for (const p of live()) if (p.status === 'running') this.set({ prediction: p.id }, p.progress.games);
    },
  });
  new Gauge({
    name: 'spellgrid_prediction_half_width', help: "Each running prediction's current 95% half-width of the field win rate (convergence)", labelNames: ['prediction'], registers,
    collect() {
      this.reset();
      for (const p of live()) if (p.status === 'running' && p.progress.halfWidth !== null) this.set({ prediction: p.id }, p.progress.halfWidth);
    },
  });
  return {
    registry,
    batchPlayed(compute, n, seconds) {
      games.inc({ compute }, n);
      batches.observe({ compute }, seconds);
    },
    verdict: (verdict) => verdicts.inc({ verdict }),
    ticketIssued: () => tickets.inc(),
    resultReceived: (outcome) => results.inc({ outcome }),
    watch(f) { live = f; },
  };
}
