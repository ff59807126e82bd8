// Proves that Confluent's own Schema Registry client for Node (@confluentinc/schemaregistry) works against
// newsflow's schema registry, and that Confluent's AvroDeserializer reads every record newsflow wrote.
//
// Usage: node check.mjs [--registry URL] [--bootstrap HOST:PORT] [--topics a,b] [--require a,b]
//                       [--min-records N] [--timeout-ms N] [--max-string-chars N] [--skip-registry-checks]
// Each option can also come from the environment: SCHEMA_REGISTRY_URL, BOOTSTRAP_SERVERS, CHECK_TOPICS,
// CHECK_REQUIRE_TOPICS, CHECK_MIN_RECORDS, CHECK_TIMEOUT_MS, CHECK_MAX_STRING_CHARS.
// Output on stdout: one JSON line per registry check and per record, then one line per topic
// `topic=<name> decoded=<n> failed=<n> tombstones=<n> reencoded=<n>` and a final `result=ok|failed ...` line.
// Exit code: 0 all good, 1 a check failed, 2 bad usage.

import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import schemaregistry from '@confluentinc/schemaregistry';
import { decompress as zstdDecompress } from 'fzstd';
import kafkajs from 'kafkajs';

const {
  AvroDeserializer, AvroSerializer, Compatibility, RestError, SchemaRegistryClient, SerdeType,
} = schemaregistry;
const { CompressionCodecs, CompressionTypes, Kafka, logLevel } = kafkajs;

// newsflow's producer compresses with zstd, which kafkajs cannot read on its own; fzstd is a pure-JS decoder, so
// nothing native has to be built. This script only reads, so compressing is never needed.
CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  async compress() {
    throw new Error('zstd compression is not supported by this read-only check');
  },
  async decompress(buffer) {
    const bytes = zstdDecompress(buffer);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
});

const DEFAULT_TOPICS = ['news.raw', 'news.articles', 'news.duplicates', 'news.trends', 'news.dlq'];

function readOptions() {
  const { values } = parseArgs({
    options: {
      registry: { type: 'string', default: process.env.SCHEMA_REGISTRY_URL ?? 'http://localhost:8081' },
      bootstrap: { type: 'string', default: process.env.BOOTSTRAP_SERVERS ?? 'localhost:9092' },
      topics: { type: 'string', default: process.env.CHECK_TOPICS ?? DEFAULT_TOPICS.join(',') },
      require: { type: 'string', default: process.env.CHECK_REQUIRE_TOPICS ?? '' },
      'min-records': { type: 'string', default: process.env.CHECK_MIN_RECORDS ?? '1' },
      'timeout-ms': { type: 'string', default: process.env.CHECK_TIMEOUT_MS ?? '90000' },
      'max-string-chars': { type: 'string', default: process.env.CHECK_MAX_STRING_CHARS ?? '240' },
      'skip-registry-checks': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const count = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) {
      throw new UsageError(`--${name} must be a whole number >= 0, got "${values[name]}"`);
    }
    return n;
  };
  return {
    help: values.help,
    registryUrl: values.registry.replace(/\/+$/, ''),
    brokers: list(values.bootstrap),
    topics: list(values.topics),
    required: list(values.require),
    minRecords: count('min-records'),
    timeoutMs: count('timeout-ms'),
    maxStringChars: count('max-string-chars'),
    skipRegistryChecks: values['skip-registry-checks'],
  };
}

class UsageError extends Error {}

function emit(object) {
  process.stdout.write(`${JSON.stringify(object, jsonSafe)}\n`);
}

// Buffers (Avro bytes/fixed) become base64 and int64s that avsc hands out as BigInt become strings, so that every
// record prints as one valid JSON line.
function jsonSafe(key, value) {
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (value && value.type === 'Buffer' && Array.isArray(value.data)) {
    return { base64: Buffer.from(value.data).toString('base64') };
  }
  return value;
}

function truncateStrings(value, max) {
  if (max === 0) {
    return value;
  }
  if (typeof value === 'string') {
    return value.length > max ? `${value.slice(0, max)}...(+${value.length - max} chars)` : value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => truncateStrings(v, max));
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, truncateStrings(v, max)]));
  }
  return value;
}

function describeError(err) {
  if (err instanceof RestError) {
    return `RestError status=${err.status} errorCode=${err.errorCode} message=${err.message}`;
  }
  return `${err?.name ?? 'Error'}: ${err?.message ?? String(err)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// (a) + (b): the registry's REST API as Confluent's client sees it.

const PROBE_V1 = {
  type: 'record',
  name: 'CompatProbe',
  namespace: 'io.newsflow.compat',
  doc: 'Registered by compat/confluent-js/check.mjs to test the registry with Confluent\'s client.',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'seenAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'kind', type: { type: 'enum', name: 'ProbeKind', symbols: ['FIRST', 'SECOND'] } },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'counts', type: { type: 'map', values: 'long' } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

// A new required field without a default: old records cannot be read with it, so BACKWARD must refuse it.
const PROBE_INCOMPATIBLE = { ...PROBE_V1, fields: [...PROBE_V1.fields, { name: 'score', type: 'int' }] };
// The same field with a default is a legal BACKWARD evolution.
const PROBE_V2 = { ...PROBE_V1, fields: [...PROBE_V1.fields, { name: 'score', type: 'int', default: 0 }] };

async function registryChecks(registryUrl) {
  const results = [];
  const check = async (name, body) => {
    try {
      const detail = await body();
      results.push(true);
      emit({ check: name, ok: true, ...detail });
    } catch (err) {
      results.push(false);
      emit({ check: name, ok: false, error: describeError(err) });
    }
  };
  const assert = (condition, message) => {
    if (!condition) {
      throw new Error(message);
    }
  };
  // Every step that reads back uses a fresh client so that the answer comes from the server, not the client's cache.
  const fresh = () => new SchemaRegistryClient({ baseURLs: [registryUrl], maxRetries: 0 });
  const subject = `compat-confluent-js-${Date.now()}-${randomUUID().slice(0, 8)}-value`;
  const v1 = { schemaType: 'AVRO', schema: JSON.stringify(PROBE_V1) };
  let id = -1;

  await check('register', async () => {
    id = await fresh().register(subject, v1);
    assert(Number.isInteger(id) && id > 0, `register returned id ${id}`);
    return { subject, id };
  });
  await check('get-by-id-equals-registered', async () => {
    const info = await fresh().getBySubjectAndId(subject, id);
    const fetched = JSON.parse(info.schema);
    assert(isDeepStrictEqual(fetched, PROBE_V1), `schema ${id} came back different: ${info.schema}`);
    assert(info.schemaType === undefined || info.schemaType === 'AVRO', `schemaType ${info.schemaType}`);
    return { id, schemaType: info.schemaType ?? null };
  });
  await check('latest-version-and-lookup', async () => {
    const client = fresh();
    const latest = await client.getLatestSchemaMetadata(subject);
    assert(latest.id === id && latest.version === 1 && latest.subject === subject,
      `latest is ${JSON.stringify({ id: latest.id, version: latest.version, subject: latest.subject })}`);
    assert(isDeepStrictEqual(JSON.parse(latest.schema), PROBE_V1), 'latest schema differs');
    const lookedUp = await client.getId(subject, v1);
    assert(lookedUp === id, `lookup returned id ${lookedUp}`);
    const again = await fresh().register(subject, v1);
    assert(again === id, `registering the same schema again returned id ${again}`);
    const versions = await client.getAllVersions(subject);
    assert(isDeepStrictEqual(versions, [1]), `versions ${JSON.stringify(versions)}`);
    const subjects = await client.getAllSubjects();
    assert(subjects.includes(subject), 'subject missing from GET /subjects');
    return { version: latest.version, versions };
  });
  await check('set-backward', async () => {
    const client = fresh();
    const set = await client.updateCompatibility(subject, Compatibility.BACKWARD);
    assert(set === Compatibility.BACKWARD, `update answered ${set}`);
    const read = await fresh().getCompatibility(subject);
    assert(read === Compatibility.BACKWARD, `read back ${read}`);
    return { compatibility: read };
  });
  await check('incompatible-is-409', async () => {
    const incompatible = { schemaType: 'AVRO', schema: JSON.stringify(PROBE_INCOMPATIBLE) };
    const compatible = await fresh().testSubjectCompatibility(subject, incompatible);
    assert(compatible === false, `testSubjectCompatibility answered ${compatible}`);
    try {
      const newId = await fresh().register(subject, incompatible);
      throw new Error(`incompatible schema was accepted with id ${newId}`);
    } catch (err) {
      if (!(err instanceof RestError)) {
        throw err;
      }
      assert(err.status === 409, `expected HTTP 409, got ${describeError(err)}`);
      assert(err.errorCode === 409, `expected error_code 409, got ${describeError(err)}`);
      return { status: err.status, errorCode: err.errorCode, message: err.message };
    }
  });
  await check('compatible-evolution-registers', async () => {
    const v2 = { schemaType: 'AVRO', schema: JSON.stringify(PROBE_V2) };
    const compatible = await fresh().testSubjectCompatibility(subject, v2);
    assert(compatible === true, `testSubjectCompatibility answered ${compatible}`);
    const id2 = await fresh().register(subject, v2);
    assert(Number.isInteger(id2) && id2 !== id, `v2 got id ${id2} (v1 is ${id})`);
    const latest = await fresh().getLatestSchemaMetadata(subject);
    assert(latest.version === 2 && latest.id === id2, `latest is version ${latest.version} id ${latest.id}`);
    return { id: id2, version: latest.version };
  });
  await check('probe-serializer-roundtrip', async () => {
    // Confluent's serializer and deserializer on the probe subject, both through newsflow's registry.
    const topic = subject.slice(0, -'-value'.length);
    const client = fresh();
    const ser = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
    const deser = new AvroDeserializer(fresh(), SerdeType.VALUE, {});
    const message = {
      id: 'p-1', seenAt: 1_700_000_000_000, kind: 'SECOND', tags: ['a', 'b'], counts: { x: 3 }, note: null, score: 7,
    };
    const bytes = await ser.serialize(topic, message);
    assert(bytes[0] === 0, `magic byte ${bytes[0]}`);
    const decoded = await deser.deserialize(topic, bytes);
    assert(isDeepStrictEqual({ ...decoded }, message), `decoded ${JSON.stringify(decoded)}`);
    return { schemaId: bytes.readInt32BE(1), bytes: bytes.length };
  });
  await check('delete-subject', async () => {
    const client = fresh();
    const soft = await client.deleteSubject(subject, false);
    const hard = await client.deleteSubject(subject, true);
    assert(isDeepStrictEqual(soft, [1, 2]) && isDeepStrictEqual(hard, [1, 2]),
      `deleted ${JSON.stringify(soft)} then ${JSON.stringify(hard)}`);
    return { deleted: hard };
  });

  const failed = results.filter((ok) => !ok).length;
  process.stdout.write(`check=schema-registry passed=${results.length - failed} failed=${failed}\n`);
  return failed;
}

// ---------------------------------------------------------------------------------------------------------------
// (c): every record of the topics, decoded by Confluent's AvroDeserializer.

async function endOffsets(admin, topics) {
  const existing = new Set(await admin.listTopics());
  const ends = new Map();
  for (const topic of topics) {
    if (!existing.has(topic)) {
      ends.set(topic, null);
      continue;
    }
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(topic, new Map(offsets.map((p) => [p.partition, { low: BigInt(p.low), high: BigInt(p.high) }])));
  }
  return ends;
}

function recordCount(partitions) {
  let total = 0n;
  for (const { low, high } of partitions?.values() ?? []) {
    total += high - low;
  }
  return total;
}

async function decodeTopics(options) {
  const kafka = new Kafka({
    clientId: 'newsflow-compat-confluent-js',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    // stdout carries the report; kafkajs' own logs go to stderr.
    logCreator: () => ({ namespace, level, log }) => {
      process.stderr.write(`kafkajs level=${level} namespace=${namespace} message=${log.message}\n`);
    },
  });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await endOffsets(admin, options.topics);

  const stats = new Map(options.topics.map((t) => [t, { decoded: 0, failed: 0, tombstones: 0, reencoded: 0 }]));
  const toRead = options.topics.filter((t) => recordCount(ends.get(t)) > 0n);
  for (const topic of options.topics) {
    if (!toRead.includes(topic)) {
      emit({ topic, skipped: ends.get(topic) === null ? 'topic does not exist' : 'topic has no records' });
    }
  }

  // As in Confluent's README: a plain client and an empty deserializer config, so the subject comes from the
  // client's default strategy, which must end up at <topic>-value against this registry.
  const registry = new SchemaRegistryClient({ baseURLs: [options.registryUrl] });
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
  const serializers = new Map();
  const reserialize = async (topic, schemaId, value) => {
    // Confluent's serializer, told to write with the record's own schema id, must produce the very same bytes.
    const key = `${topic}/${schemaId}`;
    if (!serializers.has(key)) {
      serializers.set(key, new AvroSerializer(registry, SerdeType.VALUE,
        { autoRegisterSchemas: false, useSchemaId: schemaId }));
    }
    return serializers.get(key).serialize(topic, value);
  };

  const positions = new Map();
  const done = () => toRead.every((topic) => [...ends.get(topic)].every(([partition, { low, high }]) => {
    const position = positions.get(`${topic}/${partition}`) ?? low;
    return position >= high;
  }));

  let consumer = null;
  let crash = null;
  if (toRead.length > 0) {
    consumer = kafka.consumer({ groupId: `newsflow-compat-${randomUUID()}`, readUncommitted: false });
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      // Also fires for batches that held only transaction markers, which never reach eachBatch.
      const next = BigInt(payload.lastOffset) + 1n;
      const key = `${payload.topic}/${payload.partition}`;
      if (next > (positions.get(key) ?? -1n)) {
        positions.set(key, next);
      }
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      crash = payload.error;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: toRead, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const stat = stats.get(batch.topic);
        for (const message of batch.messages) {
          const where = { topic: batch.topic, partition: batch.partition, offset: message.offset };
          const key = message.key === null ? null : message.key.toString('utf8');
          if (message.value === null) {
            stat.tombstones += 1;
            emit({ ...where, key, value: null });
            continue;
          }
          const framed = message.value.length >= 5 && message.value[0] === 0;
          const schemaId = framed ? message.value.readInt32BE(1) : null;
          try {
            const value = await deserializer.deserialize(batch.topic, message.value);
            stat.decoded += 1;
            let reencoded;
            try {
              const bytes = await reserialize(batch.topic, schemaId, value);
              reencoded = Buffer.compare(bytes, message.value) === 0 ? 'identical' : 'different';
            } catch (err) {
              reencoded = `error: ${describeError(err)}`;
            }
            if (reencoded === 'identical') {
              stat.reencoded += 1;
            } else {
              stat.failed += 1;
            }
            emit({ ...where, key, schemaId, reencoded, value: truncateStrings(value, options.maxStringChars) });
          } catch (err) {
            stat.failed += 1;
            emit({
              ...where, key, schemaId, error: describeError(err),
              valueBase64: message.value.subarray(0, 64).toString('base64'),
            });
          }
        }
      },
    });

    const deadline = Date.now() + options.timeoutMs;
    while (!done() && crash === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  let timedOut = false;
  if (crash !== null) {
    emit({ error: `consumer crashed: ${describeError(crash)}` });
  }
  if (!done()) {
    timedOut = crash === null;
    for (const topic of toRead) {
      for (const [partition, { low, high }] of ends.get(topic)) {
        const position = positions.get(`${topic}/${partition}`) ?? low;
        if (position < high) {
          emit({ topic, partition, error: `timed out at offset ${position}, end offset was ${high}` });
        }
      }
    }
  }
  if (consumer !== null) {
    await consumer.disconnect();
  }
  await admin.disconnect();
  await registry.close();

  for (const [topic, s] of stats) {
    process.stdout.write(
      `topic=${topic} decoded=${s.decoded} failed=${s.failed} tombstones=${s.tombstones} reencoded=${s.reencoded}\n`);
  }
  return { stats, timedOut, crashed: crash !== null };
}

async function main() {
  let options;
  try {
    options = readOptions();
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write('node check.mjs [--registry URL] [--bootstrap HOST:PORT] [--topics a,b] [--require a,b] '
      + '[--min-records N] [--timeout-ms N] [--max-string-chars N] [--skip-registry-checks]\n');
    return 0;
  }
  const problems = [];
  if (!options.skipRegistryChecks) {
    const failedChecks = await registryChecks(options.registryUrl);
    if (failedChecks > 0) {
      problems.push(`${failedChecks} registry check(s) failed`);
    }
  }
  const { stats, timedOut, crashed } = await decodeTopics(options);
  let decoded = 0;
  let failed = 0;
  for (const s of stats.values()) {
    decoded += s.decoded;
    failed += s.failed;
  }
  if (crashed) {
    problems.push('the Kafka consumer crashed');
  }
  if (timedOut) {
    problems.push(`not every record was read within ${options.timeoutMs} ms`);
  }
  if (failed > 0) {
    problems.push(`${failed} record(s) failed`);
  }
  if (decoded < options.minRecords) {
    problems.push(`decoded ${decoded} record(s), fewer than --min-records ${options.minRecords}`);
  }
  for (const topic of options.required) {
    if ((stats.get(topic)?.decoded ?? 0) === 0) {
      problems.push(`required topic ${topic} had no decoded records`);
    }
  }
  const result = problems.length === 0 ? 'ok' : 'failed';
  const reason = problems.length === 0 ? '' : ` problems="${problems.join('; ')}"`;
  process.stdout.write(`result=${result} decoded=${decoded} failed=${failed}${reason}\n`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stdout.write(`result=failed error="${describeError(err)}"\n`);
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exitCode = 1;
  },
);
