package io.newsflow.cli;

import io.newsflow.kafka.clients.KafkaClientSettings;
import io.newsflow.registry.client.SchemaRegistryClients;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * What a command that reads the pipeline's output topics hands {@link io.newsflow.streams.verify.PipelineOutput}:
 * the consumer settings and the registry client settings of its whole configuration.
 *
 * @param clients the consumers' settings, security included, under the command's own client.id
 * @param serde the deserializers' registry client settings (URL, auth, TLS)
 */
record OutputReaders(Map<String, Object> clients, Map<String, Object> serde) {

  OutputReaders {
    clients = Map.copyOf(clients);
    serde = Map.copyOf(serde);
  }

  static OutputReaders of(Map<String, String> config, String clientId) {
    Map<String, Object> clients = KafkaClientSettings.consumer(config);
    clients.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    return new OutputReaders(clients, SchemaRegistryClients.clientSettings(config));
  }
}
