package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.todo.chart.Rendered.PodTemplate;

/** The rules every rendered workload keeps, whatever the values: limits, probes, security, labels, selectors, ports. */
class WorkloadRulesTest {

    private static final Set<String> HOOK_PODS = Set.of("Pod");

    private static boolean isTestPod(PodTemplate pod) {
        return HOOK_PODS.contains(pod.kind());
    }

    private static String component(PodTemplate pod) {
        return pod.metadata().getLabels().get("app.kubernetes.io/component");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyContainerHasMemoryAndCpuLimitsAndRequests(Variant variant) {
        for (PodTemplate pod : Chart.rendered(variant).podTemplates()) {
            for (Container container : pod.allContainers()) {
                String where = pod.name() + "/" + container.getName();
                Map<String, Quantity> limits = container.getResources().getLimits();
                Map<String, Quantity> requests = container.getResources().getRequests();
                assertThat(limits).as("limits of " + where).containsKeys("memory", "cpu");
                assertThat(requests).as("requests of " + where).containsKeys("memory", "cpu");
                for (String resource : List.of("memory", "cpu")) {
                    assertThat(requests.get(resource).getNumericalAmount())
                            .as(resource + " request of " + where + " within its limit")
                            .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DEFAULT", "DEV", "PROD", "EXTERNAL_DATABASE"})
    void limitsAreTheSpecs(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        Map<String, List<String>> expected = new HashMap<>(Map.of(
                "todo-backend", List.of("256Mi", "250m"),
                "todo-frontend", List.of("128Mi", "100m")));
        if (variant != Variant.EXTERNAL_DATABASE && variant != Variant.PROD) {
            expected.put("todo-db", List.of("512Mi", "500m"));
        }
        expected.forEach((workload, limits) -> {
            Map<String, Quantity> actual = rendered.podTemplate(workload).spec().getContainers().getFirst().getResources().getLimits();
            assertThat(List.of(actual.get("memory").toString(), actual.get("cpu").toString())).as(workload).isEqualTo(limits);
        });
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyServerContainerHasLivenessReadinessAndStartupProbes(Variant variant) {
        for (PodTemplate pod : Chart.rendered(variant).podTemplates()) {
            if (isTestPod(pod)) {
                continue;
            }
            Container container = pod.spec().getContainers().getFirst();
            assertThat(container.getLivenessProbe()).as("liveness of " + pod.name()).isNotNull();
            assertThat(container.getReadinessProbe()).as("readiness of " + pod.name()).isNotNull();
            assertThat(container.getStartupProbe()).as("startup probe of " + pod.name()).isNotNull();
            if (List.of("backend", "ai").contains(component(pod))) {
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
                assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
                int startupSeconds = container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold();
                assertThat(startupSeconds).as("time the JVM gets to start on a quarter CPU").isGreaterThanOrEqualTo(120);
            }
            if ("frontend".equals(component(pod))) {
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
            }
            if ("db".equals(component(pod))) {
                assertThat(container.getReadinessProbe().getExec().getCommand()).startsWith("pg_isready");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyPodRunsRestrictedAsUser10001WithAReadOnlyRootAndAWritableTmp(Variant variant) {
        for (PodTemplate pod : Chart.rendered(variant).podTemplates()) {
            PodSecurityContext podContext = pod.spec().getSecurityContext();
            assertThat(podContext.getRunAsNonRoot()).as(pod.name()).isTrue();
            assertThat(podContext.getRunAsUser()).as(pod.name()).isEqualTo(10001L);
            assertThat(podContext.getSeccompProfile().getType()).as(pod.name()).isEqualTo("RuntimeDefault");
            for (Container container : pod.allContainers()) {
                String where = pod.name() + "/" + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertThat(context.getRunAsNonRoot()).as(where).isTrue();
                assertThat(context.getRunAsUser()).as(where).isEqualTo(10001L);
                assertThat(context.getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(context.getReadOnlyRootFilesystem()).as(where).isTrue();
                assertThat(context.getCapabilities().getDrop()).as(where).containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as(where).isNullOrEmpty();
                assertThat(context.getPrivileged()).as(where).isNotEqualTo(Boolean.TRUE);
                assertThat(context.getSeccompProfile().getType()).as(where).isEqualTo("RuntimeDefault");
                if (!isTestPod(pod)) {
                    String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                            .findFirst().orElseThrow(() -> new AssertionError("no /tmp mount in " + where)).getName();
                    Volume volume = pod.spec().getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst()
                            .orElseThrow();
                    assertThat(volume.getEmptyDir()).as("/tmp of " + where + " is an emptyDir").isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyWorkloadHasItsOwnServiceAccountWithoutAToken(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        List<PodTemplate> workloads = rendered.podTemplates().stream().filter(p -> !isTestPod(p)).toList();
        for (PodTemplate pod : workloads) {
            ServiceAccount account = rendered.get(ServiceAccount.class, pod.spec().getServiceAccountName());
            assertThat(account.getAutomountServiceAccountToken()).as(account.getMetadata().getName()).isFalse();
            assertThat(pod.spec().getAutomountServiceAccountToken()).as(pod.name()).isFalse();
        }
        assertThat(workloads.stream().map(p -> p.spec().getServiceAccountName()).distinct().count())
                .as("one ServiceAccount per component").isEqualTo(workloads.size());
        for (PodTemplate pod : rendered.podTemplates()) {
            assertThat(pod.spec().getAutomountServiceAccountToken()).as(pod.name()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyObjectHasTheStandardLabels(Variant variant) {
        for (HasMetadata object : Chart.rendered(variant).objects()) {
            assertThat(object.getMetadata().getLabels()).as(object.getKind() + "/" + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/name", "todo")
                    .containsEntry("app.kubernetes.io/instance", variant.release)
                    .containsEntry("app.kubernetes.io/version", "0.1.0-SNAPSHOT")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "todo")
                    .containsEntry("helm.sh/chart", "todo-0.1.0");
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void workloadSelectorsMatchTheirPodsAndNoOtherWorkloads(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        Map<String, Map<String, String>> selectors = new HashMap<>();
        rendered.all(Deployment.class).forEach(d -> selectors.put(d.getMetadata().getName(), d.getSpec().getSelector().getMatchLabels()));
        rendered.all(StatefulSet.class).forEach(s -> selectors.put(s.getMetadata().getName(), s.getSpec().getSelector().getMatchLabels()));
        selectors.forEach((workload, selector) -> {
            for (PodTemplate pod : rendered.podTemplates()) {
                boolean selected = pod.metadata().getLabels().entrySet().containsAll(selector.entrySet());
                assertThat(selected).as(workload + "'s selector on " + pod.name() + "'s pods").isEqualTo(pod.name().equals(workload));
            }
        });
        rendered.all(Deployment.class).forEach(d -> assertThat(d.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyServiceSelectsExactlyOneWorkloadAndTargetsAPortItsContainersOpen(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        for (Service service : rendered.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<PodTemplate> selected = rendered.podTemplates().stream()
                    .filter(pod -> !isTestPod(pod))
                    .filter(pod -> pod.metadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            String name = service.getMetadata().getName();
            assertThat(selected).as("workloads behind " + name).hasSize(1);
            List<ContainerPort> containerPorts = selected.getFirst().spec().getContainers().stream()
                    .flatMap(c -> c.getPorts().stream()).toList();
            for (ServicePort port : service.getSpec().getPorts()) {
                Object target = port.getTargetPort().getStrVal() != null ? port.getTargetPort().getStrVal() : port.getTargetPort().getIntVal();
                assertThat(containerPorts).as(name + " port " + port.getPort() + " -> " + target)
                        .anyMatch(c -> c.getName().equals(target) || Integer.valueOf(c.getContainerPort()).equals(target));
            }
        }
        assertThat(rendered.service(variant.name("todo-backend-svc")).getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(rendered.service(variant.name("todo-backend-svc")).getSpec().getPorts().getFirst().getPort()).isEqualTo(8080);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void pdbsAndHpasTargetTheRightWorkload(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        for (PodDisruptionBudget pdb : rendered.all(PodDisruptionBudget.class)) {
            String name = pdb.getMetadata().getName();
            Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
            List<String> selected = rendered.podTemplates().stream()
                    .filter(pod -> pod.metadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .map(PodTemplate::name).toList();
            assertThat(selected).as(name).containsExactly(name.replaceFirst("-pdb$", ""));
            int replicas = replicasOf(rendered, name.replaceFirst("-pdb$", ""));
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).as(name + " leaves a pod to evict").isLessThan(replicas);
        }
        for (HorizontalPodAutoscaler hpa : rendered.all(HorizontalPodAutoscaler.class)) {
            String name = hpa.getMetadata().getName();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            Deployment target = rendered.deployment(hpa.getSpec().getScaleTargetRef().getName());
            assertThat(target.getMetadata().getName() + "-hpa").isEqualTo(name);
            assertThat(target.getSpec().getReplicas()).as(name + ": the HPA owns the replica count").isNull();
            assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
                assertThat(metric.getResource().getName()).isEqualTo("cpu");
                assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
            });
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(name.contains("backend") ? 10 : 6);
        }
    }

    private static int replicasOf(Rendered rendered, String workload) {
        Deployment deployment = rendered.deployment(workload);
        if (deployment.getSpec().getReplicas() != null) {
            return deployment.getSpec().getReplicas();
        }
        return rendered.get(HorizontalPodAutoscaler.class, workload + "-hpa").getSpec().getMinReplicas();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void deploymentsRollOnePodAtATimeAndStopGracefully(Variant variant) {
        for (Deployment deployment : Chart.rendered(variant).all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getStrategy().getType()).as(name).isEqualTo("RollingUpdate");
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).as(name).isZero();
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).as(name).isEqualTo(1);
            var spec = deployment.getSpec().getTemplate().getSpec();
            var preStop = spec.getContainers().getFirst().getLifecycle().getPreStop();
            assertThat(preStop.getSleep()).as(name + " preStop sleep (no shell in the images)").isNotNull();
            long sleep = preStop.getSleep().getSeconds();
            assertThat(sleep).as(name).isPositive();
            assertThat(spec.getTerminationGracePeriodSeconds()).as(name + ": grace covers the sleep and a drain")
                    .isGreaterThanOrEqualTo(sleep + 20);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DEFAULT", "PROD", "EXTERNAL_DATABASE", "ASSISTANT_OFF", "INGRESS_OFF"})
    void theBackendRunsAtLeastTwoReplicas(Variant variant) {
        assertThat(replicasOf(Chart.rendered(variant), variant.name("todo-backend"))).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void imagesArePinnedToAVersion(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        Map<String, String> images = rendered.podTemplates().stream().collect(Collectors.toMap(PodTemplate::name,
                p -> p.spec().getContainers().getFirst().getImage()));
        assertThat(images).containsEntry(variant.name("todo-backend"), "todo-backend:0.1.0-SNAPSHOT")
                .containsEntry(variant.name("todo-frontend"), "todo-frontend:0.1.0-SNAPSHOT")
                .containsEntry(variant.name("todo-test-services"), "busybox:1.37.0");
        rendered.find(StatefulSet.class, variant.name("todo-db"))
                .ifPresent(db -> assertThat(db.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("postgres:17.6"));
        rendered.find(Deployment.class, variant.name("todo-ai"))
                .ifPresent(ai -> assertThat(ai.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("todo-backend:0.1.0-SNAPSHOT"));
        assertThat(images.values()).noneMatch(image -> image.endsWith(":latest") || !image.contains(":"));
    }
}
