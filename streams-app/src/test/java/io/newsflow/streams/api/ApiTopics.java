package io.newsflow.streams.api;

import io.newsflow.avro.RawArticle;
import io.newsflow.registry.serde.AvroSerializer;
import io.newsflow.streams.topics.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics and records for the API's integration tests: created and written as the producer and the app do. */
final class ApiTopics {

  /** Twelve Korean news bodies that all mention 딥시크 (DeepSeek), for trends with one clear top keyword. */
  static final List<String> DEEPSEEK_BODIES = List.of(
      "중국 스타트업 딥시크가 새 추론 모델을 공개했다. 서울의 반도체 업계는 수요 변화를 주시하고 있다.",
      "딥시크 모델이 화제가 되자 부산의 한 대학 연구팀이 성능 비교 실험을 시작했다. 결과는 다음 달 학회에서 발표된다.",
      "정부는 딥시크 앱의 개인정보 처리 방식을 점검하겠다고 밝혔다. 점검 결과에 따라 이용 자제 권고가 나올 수 있다.",
      "증권가에서는 딥시크 충격 이후 엔비디아 주가의 변동성이 커졌다는 분석이 나왔다. 투자자들은 실적 발표를 기다린다.",
      "국내 클라우드 기업들이 딥시크 오픈소스 모델을 자체 서버에 올려 시험 서비스를 내놓았다. 요금은 기존보다 낮다.",
      "교육부는 학교 현장의 생성형 인공지능 사용 지침을 고치기로 했다. 딥시크 같은 해외 서비스도 검토 대상이다.",
      "딥시크 열풍에 국내 개발자 커뮤니티의 가입자가 일주일 만에 두 배로 늘었다. 운영진은 서버를 증설했다.",
      "유럽 규제 당국이 딥시크의 데이터 이전 문제를 조사한다. 한국 기업들도 해외 법규 변화에 대비하고 있다.",
      "반도체 장비 수출 통제가 강화되면서 딥시크를 비롯한 중국 기업의 학습 비용 논란이 다시 불거졌다.",
      "한 통신사는 딥시크 기반 상담 챗봇을 시범 도입했다. 고객 응대 시간이 평균 삼십 초 줄었다고 회사는 설명했다.",
      "딥시크 사례를 계기로 적은 비용의 모델 학습 기법에 대한 관심이 커지고 있다. 대학원 강의 신청자도 늘었다.",
      "게임 업계에서는 딥시크 모델을 활용해 대사 생성 도구를 만드는 실험이 이어진다. 출시 일정은 정해지지 않았다.");

  private ApiTopics() {}

  /** All newsflow topics with {@code partitions} each; output topics stamped by the broker, as in production. */
  static void create(String bootstrapServers, int partitions) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      List<NewTopic> topics = TopicNames.defaults().all().stream()
          .map(name -> {
            NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
            return name.equals(TopicNames.RAW) ? topic
                : topic.configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
          })
          .toList();
      admin.createTopics(topics).all().get();
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("cannot create topics", e);
    }
  }

  /** A JSON-sourced article as the producer sends it: title, body, url and publication time already mapped. */
  static RawArticle json(String id, String url, String title, String body, Instant publishedAt) {
    return RawArticle.newBuilder()
        .setId(id)
        .setSource("file:test/" + id + ".json")
        .setUrl(url)
        .setContentType("application/json")
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(publishedAt)
        .setFetchedAt(publishedAt.plusSeconds(60))
        .setAttributes(Map.of("publisher", "예시일보"))
        .build();
  }

  /**
   * One article about 딥시크 per body, in order: ids from {@code idFormat} (given the index), at {@code urlBase} + id,
   * published {@code step} apart from {@code first}.
   */
  static Map<String, RawArticle> series(String idFormat, String urlBase, List<String> bodies, Instant first,
      Duration step) {
    Map<String, RawArticle> articles = new LinkedHashMap<>();
    for (int i = 0; i < bodies.size(); i++) {
      String id = String.format(idFormat, i);
      articles.put(id, json(id, urlBase + id, "기사 " + i + ": 딥시크 소식", bodies.get(i), first.plus(step.multipliedBy(i))));
    }
    return articles;
  }

  /** Writes {@code records} (key = id) to {@code topic}, Avro in Confluent's wire format, and waits for the acks. */
  static <T extends SpecificRecord> void send(String bootstrapServers, String registryUrl, String topic,
      Map<String, T> records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    AvroSerializer<T> values = new AvroSerializer<>();
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    try (KafkaProducer<String, T> producer = new KafkaProducer<>(props, new StringSerializer(), values)) {
      for (Map.Entry<String, T> record : records.entrySet()) {
        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get();
      }
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }
}
