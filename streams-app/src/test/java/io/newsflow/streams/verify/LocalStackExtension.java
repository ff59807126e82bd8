package io.newsflow.streams.verify;

import io.newsflow.localstack.LocalStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local stack (a real KRaft broker and the registry, free ports, temporary data) for the tests of one class:
 * {@code @RegisterExtension static final LocalStackExtension STACK = new LocalStackExtension();}.
 */
public final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback {

  private LocalStack stack;

  @Override
  public void beforeAll(ExtensionContext context) {
    stack = LocalStack.start(LocalStack.Config.forTests());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (stack != null) {
      stack.close();
    }
  }

  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return stack.schemaRegistryUrl();
  }
}
