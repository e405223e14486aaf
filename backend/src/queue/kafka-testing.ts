// For tests against a real Kafka: the brokers are named by TEST_KAFKA_BROKERS
// (infra/dev/kafka.sh starts one and prints it).
export const TEST_KAFKA_BROKERS = process.env.TEST_KAFKA_BROKERS || undefined;

/** node:test's `skip` for a test that needs Kafka: false when there is one, else why it is skipped. */
export const withoutKafka: string | false = TEST_KAFKA_BROKERS === undefined
  ? 'TEST_KAFKA_BROKERS is unset: run `infra/dev/kafka.sh start && eval "$(infra/dev/kafka.sh env)"` (or infra/dev/with-servers.sh) to test against a real Kafka'
  : false;
