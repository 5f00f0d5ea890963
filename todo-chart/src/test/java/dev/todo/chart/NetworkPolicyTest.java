package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.todo.chart.NetworkPaths.Endpoint;
import dev.todo.chart.NetworkPaths.Port;
import dev.todo.chart.Rendered.PodTemplate;

/** The NetworkPolicies allow exactly the paths the app needs, and nothing else, between every pair of endpoints. */
class NetworkPolicyTest {

    private static final List<Port> PORTS = List.of(new Port(8080, "TCP"), new Port(5432, "TCP"), new Port(443, "TCP"),
            new Port(53, "UDP"), new Port(53, "TCP"), new Port(9092, "TCP"), new Port(9093, "TCP"));

    private static final Endpoint INGRESS_CONTROLLER = Endpoint.podElsewhere("ingress-controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of("http", 80));
    private static final Endpoint OTHER_APP = Endpoint.pod("other-app", Map.of("app", "other"), Map.of("http", 8080));
    private static final Endpoint KUBE_DNS = Endpoint.podElsewhere("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"),
            Map.of("dns", 53));
    private static final Endpoint OUTSIDE = Endpoint.outside("outside", "203.0.113.10");

    /** The release's pods, named by component (frontend, backend, ai, db, test). */
    private static List<Endpoint> releasePods(Rendered rendered) {
        List<Endpoint> pods = new ArrayList<>();
        for (PodTemplate pod : rendered.podTemplates()) {
            Map<String, Integer> ports = pod.spec().getContainers().stream()
                    .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty() : c.getPorts().stream())
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            pods.add(Endpoint.pod(pod.metadata().getLabels().get("app.kubernetes.io/component"), pod.metadata().getLabels(), ports));
        }
        return pods;
    }

    private static TreeSet<String> allowedPaths(Rendered rendered) {
        List<Endpoint> release = releasePods(rendered);
        List<Endpoint> everyone = new ArrayList<>(release);
        everyone.addAll(List.of(INGRESS_CONTROLLER, OTHER_APP, KUBE_DNS, OUTSIDE));
        NetworkPaths paths = new NetworkPaths(rendered.all(NetworkPolicy.class));
        TreeSet<String> allowed = new TreeSet<>(paths.allowed(release, everyone, PORTS));
        allowed.addAll(paths.allowed(everyone, release, PORTS));
        return allowed;
    }

    private static TreeSet<String> expectedPaths(boolean assistant, boolean ingress, boolean chartsDatabase) {
        TreeSet<String> expected = new TreeSet<>();
        // The frontend is the app's front door: anyone may open it (NodePort, the ingress controller, helm test).
        for (String source : List.of("test", "ingress-controller", "other-app", "outside", "kube-dns")) {
            expected.add(source + " -> frontend 8080/TCP");
        }
        expected.add("frontend -> backend 8080/TCP");
        expected.add("test -> backend 8080/TCP");
        if (ingress) {
            expected.add("ingress-controller -> backend 8080/TCP");
        }
        List<String> databaseClients = new ArrayList<>(List.of("backend"));
        List<String> resolvers = new ArrayList<>(List.of("frontend", "backend", "test"));
        List<String> modelClients = new ArrayList<>(List.of("backend"));
        if (assistant) {
            expected.add("ai -> backend 8080/TCP");
            expected.add("test -> ai 8080/TCP");
            if (ingress) {
                expected.add("ingress-controller -> ai 8080/TCP");
            }
            databaseClients.add("ai");
            resolvers.add("ai");
            modelClients.add("ai");
        }
        for (String client : databaseClients) {
            expected.add(client + (chartsDatabase ? " -> db 5432/TCP" : " -> outside 5432/TCP"));
        }
        for (String resolver : resolvers) {
            expected.add(resolver + " -> kube-dns 53/TCP");
            expected.add(resolver + " -> kube-dns 53/UDP");
        }
        for (String client : modelClients) {
            expected.add(client + " -> outside 443/TCP");
        }
        return expected;
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DEFAULT", "DEV", "PROD", "EXTERNAL_DATABASE", "EXISTING_SECRET",
            "ASSISTANT_OFF", "INGRESS_OFF", "DEV_EXTERNAL_DATABASE_NO_INGRESS", "OTHER_RELEASE_NAME"})
    void onlyThePathsTheAppNeedsAreOpen(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        boolean assistant = !List.of(Variant.DEV, Variant.ASSISTANT_OFF, Variant.DEV_EXTERNAL_DATABASE_NO_INGRESS).contains(variant);
        boolean ingress = !List.of(Variant.DEV, Variant.INGRESS_OFF, Variant.DEV_EXTERNAL_DATABASE_NO_INGRESS).contains(variant);
        boolean chartsDatabase = !List.of(Variant.PROD, Variant.EXTERNAL_DATABASE, Variant.EXISTING_SECRET,
                Variant.DEV_EXTERNAL_DATABASE_NO_INGRESS).contains(variant);

        assertThat(allowedPaths(rendered)).isEqualTo(expectedPaths(assistant, ingress, chartsDatabase));
    }

    @Test
    void withKafkaBrokersTheBackendAndTheAssistantReachThemOnTheBrokersPortsAndNothingElseOpens() {
        Rendered rendered = Chart.render(Variant.DEFAULT,
                Map.of("events.kafka.brokers", "b-1.kafka.example.com:9092,b-2.kafka.example.com:9093"));

        TreeSet<String> expected = expectedPaths(true, true, true);
        for (String client : List.of("backend", "ai")) {
            expected.add(client + " -> outside 9092/TCP");
            expected.add(client + " -> outside 9093/TCP");
        }
        assertThat(allowedPaths(rendered)).isEqualTo(expected);
    }

    @Test
    void theKafkaEgressPortsCanBeGivenInsteadOfTakenFromTheBrokers() {
        Rendered rendered = Chart.render(Variant.DEFAULT, Map.of("events.kafka.brokers", "kafka.example.com:9092",
                "networkPolicy.kafkaEgress.ports[0]", 9093));

        TreeSet<String> allowed = allowedPaths(rendered);
        assertThat(allowed).contains("backend -> outside 9093/TCP", "ai -> outside 9093/TCP")
                .doesNotContain("backend -> outside 9092/TCP", "ai -> outside 9092/TCP");
    }

    @Test
    void theDatabaseAcceptsOnlyTheBackendAndTheAssistantAndConnectsNowhere() {
        TreeSet<String> allowed = allowedPaths(Chart.rendered(Variant.DEFAULT));

        assertThat(allowed.stream().filter(path -> path.contains(" -> db "))).containsExactlyInAnyOrder(
                "backend -> db 5432/TCP", "ai -> db 5432/TCP");
        assertThat(allowed.stream().filter(path -> path.startsWith("db -> "))).isEmpty();
        assertThat(allowed).doesNotContain("frontend -> db 5432/TCP", "other-app -> backend 8080/TCP", "outside -> backend 8080/TCP");
    }

    @Test
    void withoutPoliciesEverythingWouldBeOpenSoThePoliciesAreWhatCloseIt() {
        Rendered rendered = Chart.render(Variant.DEFAULT, Map.of("networkPolicy.enabled", false));

        assertThat(rendered.all(NetworkPolicy.class)).isEmpty();
        assertThat(allowedPaths(rendered)).contains("frontend -> db 5432/TCP", "other-app -> backend 8080/TCP", "db -> outside 443/TCP");
    }

    @Test
    void everyPodOfTheReleaseIsUnderTheDefaultDeny() {
        Rendered rendered = Chart.rendered(Variant.DEFAULT);
        NetworkPolicy deny = rendered.get(NetworkPolicy.class, "todo-default-deny");

        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        for (PodTemplate pod : rendered.podTemplates()) {
            assertThat(NetworkPaths.selects(deny.getSpec().getPodSelector(), pod.metadata().getLabels())).as(pod.name()).isTrue();
        }
        assertThat(NetworkPaths.selects(deny.getSpec().getPodSelector(), Map.of("app", "other"))).isFalse();
    }
}
