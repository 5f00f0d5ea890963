package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chart lints strictly and renders, for every variant, into objects the Kubernetes model fully understands. */
class ChartRenderTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void lintsStrictly(Variant variant) {
        LintResult result = Chart.lint(variant);

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).as("lint messages").noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void rendersOnlyKnownKindsWithOnlyKnownFields(Variant variant) {
        Rendered rendered = Chart.rendered(variant);

        assertThat(rendered.objects()).isNotEmpty();
        for (HasMetadata object : rendered.objects()) {
            assertThat(object).as(object.getKind() + " is a kind the model knows").isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(UnknownFields.in(object)).as("unknown fields in %s/%s", object.getKind(), object.getMetadata().getName())
                    .isEmpty();
        }
    }

    @Test
    void theUnknownFieldCheckFindsAMisspeltField() {
        Rendered rendered = Chart.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: todo-backend
                spec:
                  replicaz: 3
                  selector:
                    matchLabels: {app: x}
                  template:
                    metadata:
                      labels: {app: x}
                    spec:
                      containers:
                        - name: backend
                          image: todo-backend:1
                          livenessProbe:
                            httpGet: {path: /health, port: 8080}
                            periodSecond: 10
                """);

        assertThat(UnknownFields.in(rendered.objects().getFirst()))
                .containsExactlyInAnyOrder("spec.replicaz", "spec.template.spec.containers[0].livenessProbe.periodSecond");
    }

    @Test
    void theDefaultInstallHasEveryObjectOfTheSpecWithItsName() {
        List<String> names = Chart.rendered(Variant.DEFAULT).names();

        assertThat(names).contains(
                "Deployment/todo-backend", "Deployment/todo-frontend", "Deployment/todo-ai", "StatefulSet/todo-db",
                "Service/todo-backend-svc", "Service/todo-frontend-svc", "Service/todo-ai-svc", "Service/todo-db",
                "ConfigMap/todo-config", "Secret/todo-secrets", "Ingress/todo-ingress",
                "HorizontalPodAutoscaler/todo-backend-hpa", "PodDisruptionBudget/todo-backend-pdb",
                "PodDisruptionBudget/todo-frontend-pdb", "NetworkPolicy/todo-default-deny",
                "ServiceAccount/todo-backend", "ServiceAccount/todo-frontend", "ServiceAccount/todo-ai",
                "ServiceAccount/todo-db", "Pod/todo-test-services");
    }
}
