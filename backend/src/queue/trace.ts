// Tracing and correlation across the queue. Every message carries W3C trace context
// (`traceparent`, written by the OpenTelemetry propagator: https://www.w3.org/TR/trace-context/)
// and a correlation id (the prediction id). Publishing is a PRODUCER span whose context the
// messages carry; handling one is a CONSUMER span, child of the message's context, with the
// correlation id on every log line. Messaging attributes follow OpenTelemetry's conventions.
import { ROOT_CONTEXT, SpanKind, context, propagation, type Attributes } from '@opentelemetry/api';
import {
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT, ATTR_MESSAGING_CONSUMER_GROUP_NAME, ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID, ATTR_MESSAGING_KAFKA_CONSUMER_GROUP, ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_OPERATION_TYPE, ATTR_MESSAGING_SYSTEM,
} from '@opentelemetry/semantic-conventions/incubating';
import { withLogFields } from '../observability/log.ts';
import { inSpan } from '../observability/tracing.ts';
import type { Consumer, Delivery, OutgoingMessage, Queue, SubscribeOptions } from './queue.ts';
import type { TopicName } from './topics.ts';

export const TRACEPARENT = 'traceparent';
export const CORRELATION_ID = 'correlation-id';

/**
 * Publishes `messages` to `topic` in a PRODUCER span (child of the active context), each carrying
 * its trace context and `correlationId`; `attributes` are added to the span.
 */
export function publishTraced(queue: Queue, topic: TopicName, messages: Omit<OutgoingMessage, 'headers'>[], correlationId: string, attributes: Attributes = {}): Promise<void> {
  return inSpan(`send ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: { [ATTR_MESSAGING_SYSTEM]: queue.system, [ATTR_MESSAGING_DESTINATION_NAME]: topic, [ATTR_MESSAGING_OPERATION_TYPE]: 'send', [ATTR_MESSAGING_BATCH_MESSAGE_COUNT]: messages.length, ...attributes },
  }, async () => {
    const headers: Record<string, string> = { [CORRELATION_ID]: correlationId };
    propagation.inject(context.active(), headers);
    await queue.publish(topic, messages.map((m) => ({ ...m, headers })));
  });
}

/** Subscribes with each message handled in a CONSUMER span, child of the message's trace context, logging with its correlation id as `prediction`. */
export function subscribeTraced(queue: Queue, s: SubscribeOptions): Promise<Consumer> {
  return queue.subscribe({ ...s, handler: (m: Delivery) => inSpan(`process ${s.topic}`, {
    kind: SpanKind.CONSUMER,
    parent: propagation.extract(ROOT_CONTEXT, m.headers),
    attributes: {
      [ATTR_MESSAGING_SYSTEM]: queue.system, [ATTR_MESSAGING_DESTINATION_NAME]: s.topic, [ATTR_MESSAGING_OPERATION_TYPE]: 'process',
      [ATTR_MESSAGING_CONSUMER_GROUP_NAME]: s.group, [ATTR_MESSAGING_KAFKA_CONSUMER_GROUP]: s.group,
      [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(m.partition), [ATTR_MESSAGING_KAFKA_OFFSET]: m.offset,
    },
  }, () => withLogFields(m.headers[CORRELATION_ID] === undefined ? {} : { prediction: m.headers[CORRELATION_ID] }, () => s.handler(m))) });
}
