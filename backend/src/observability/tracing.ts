// OpenTelemetry tracing, instrumented by hand: the API's server span per request, the prediction
// run, and a PRODUCER / CONSUMER span around each queue message (queue/trace.ts), linked through
// W3C trace context (`traceparent`). Configured from the standard environment: with
// OTEL_EXPORTER_OTLP_ENDPOINT unset nothing is installed, and the API's no-op tracer costs next to
// nothing. The engine's game loop is never traced. docs/operations.md (Tracing) lists the spans.
import { SpanStatusCode, context, propagation, trace, type Attributes, type Context, type Span, type SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface Tracing {
  /** Exports the spans still buffered and uninstalls the provider. */
  shutdown(): Promise<void>;
}

/**
 * Installs a global tracer provider exporting to `exporter`: the AsyncLocalStorage context
 * manager (the active span follows awaits) and the W3C trace-context propagator. Tests pass an
 * InMemorySpanExporter (`batch` false: each span exported as it ends).
 */
export function installTracing(exporter: SpanExporter, o: { service: string; batch?: boolean }): Tracing {
  const processor = o.batch === false ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: o.service }), spanProcessors: [processor] });
  provider.register();
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/**
 * Tracing as the environment configures it: OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; the exporter reads the rest of OTEL_EXPORTER_OTLP_*), as
 * OTEL_SERVICE_NAME (default `defaultService`); undefined, and nothing installed, when unset.
 */
export function startTracing(defaultService: string): Tracing | undefined {
  const env = process.env;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return undefined;
  return installTracing(new OTLPTraceExporter(), { service: env.OTEL_SERVICE_NAME || defaultService });
}

/** Runs `f` in a new span, child of `parent` (default: the active context), ending it when `f` settles; an error marks it failed. */
export function inSpan<T>(name: string, o: { kind: SpanKind; attributes?: Attributes; parent?: Context }, f: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer('spellgrid').startActiveSpan(name, { kind: o.kind, attributes: o.attributes }, o.parent ?? context.active(), async (span) => {
    try {
      return await f(span);
    } catch (e) {
      span.recordException(e as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
      throw e;
    } finally {
      span.end();
    }
  });
}
