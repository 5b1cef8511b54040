package dev.gttrainset.testing;

import java.lang.reflect.Method;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Beam's {@link TestPipeline} under JUnit 5. TestPipeline is a JUnit 4 rule: it checks that the
 * test ran the pipeline it built and that every PAssert was reached. This extension gives each
 * test method a fresh TestPipeline as a parameter and runs the method inside the rule, so those
 * checks hold exactly as under JUnit 4.
 *
 * <pre>
 * &#64;ExtendWith(TestPipelineExtension.class)
 * class MyTransformTest {
 *   &#64;Test
 *   void works(TestPipeline pipeline) { ...; pipeline.run(); }
 * }
 * </pre>
 */
public final class TestPipelineExtension implements ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestPipelineExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPipeline.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return pipelineFor(context);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    TestPipeline pipeline = pipelineFor(context);
    Statement test =
        new Statement() {
          @Override
          public void evaluate() throws Throwable {
            invocation.proceed();
          }
        };
    Description description =
        Description.createTestDescription(
            context.getRequiredTestClass(), context.getRequiredTestMethod().getName());
    pipeline.apply(test, description).evaluate();
  }

  private static TestPipeline pipelineFor(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "pipeline", key -> TestPipeline.create().enableAbandonedNodeEnforcement(true), TestPipeline.class);
  }
}
