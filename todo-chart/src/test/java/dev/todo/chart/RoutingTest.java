package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How requests reach the components: the ingress routes, the Services, the database's StatefulSet, the helm test pod. */
class RoutingTest {

    /** path -> "service:port name", in the Ingress's order. */
    private static Map<String, String> routes(Rendered rendered, String ingress) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (HTTPIngressPath path : rendered.get(Ingress.class, ingress).getSpec().getRules().getFirst().getHttp().getPaths()) {
            assertThat(path.getPathType()).isEqualTo("Prefix");
            routes.put(path.getPath(), path.getBackend().getService().getName() + ":" + path.getBackend().getService().getPort().getName());
        }
        return routes;
    }

    @Test
    void theIngressSendsPagesToTheFrontendTheApiAndMcpToTheBackendAndTheChatToTheAssistant() {
        Rendered rendered = Chart.rendered(Variant.DEFAULT);

        assertThat(routes(rendered, "todo-ingress")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/", "todo-frontend-svc:http",
                "/api", "todo-backend-svc:http",
                "/mcp", "todo-backend-svc:http",
                "/api/v1/chat", "todo-ai-svc:http"));
        Ingress ingress = rendered.get(Ingress.class, "todo-ingress");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules().getFirst().getHost()).isEqualTo("todo.local");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyIngressRouteNamesAServiceAndAPortItHas(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        for (Ingress ingress : rendered.all(Ingress.class)) {
            routes(rendered, ingress.getMetadata().getName()).forEach((path, target) -> {
                String[] serviceAndPort = target.split(":");
                Service service = rendered.service(serviceAndPort[0]);
                assertThat(service.getSpec().getPorts()).as(path + " -> " + target).anyMatch(p -> p.getName().equals(serviceAndPort[1]));
            });
        }
    }

    @Test
    void withoutTheAssistantTheChatGoesToTheBackendAndNoAssistantRuns() {
        Rendered rendered = Chart.rendered(Variant.ASSISTANT_OFF);

        assertThat(routes(rendered, "todo-ingress")).doesNotContainKey("/api/v1/chat").containsEntry("/api", "todo-backend-svc:http");
        assertThat(rendered.find(Deployment.class, "todo-ai")).isEmpty();
        assertThat(rendered.find(Service.class, "todo-ai-svc")).isEmpty();
        assertThat(rendered.find(ServiceAccount.class, "todo-ai")).isEmpty();
        assertThat(rendered.find(NetworkPolicy.class, "todo-ai")).isEmpty();
        assertThat(rendered.get(Pod.class, "todo-test-services").getSpec().getContainers().getFirst().getCommand().get(2))
                .doesNotContain("todo-ai-svc");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"INGRESS_OFF", "DEV"})
    void theIngressCanBeTurnedOff(Variant variant) {
        assertThat(Chart.rendered(variant).all(Ingress.class)).isEmpty();
    }

    @Test
    void theFrontendIsANodePortByDefaultSoMinikubeServiceOpensIt() {
        Service frontend = Chart.rendered(Variant.DEFAULT).service("todo-frontend-svc");

        assertThat(frontend.getSpec().getType()).isEqualTo("NodePort");
        assertThat(frontend.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(Chart.rendered(Variant.PROD).service("todo-frontend-svc").getSpec().getType()).isEqualTo("ClusterIP");
    }

    @Test
    void prodTerminatesTlsAtTheIngress() {
        Ingress ingress = Chart.rendered(Variant.PROD).get(Ingress.class, "todo-ingress");

        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("todo-tls");
            assertThat(tls.getHosts()).containsExactly("todo.example.com");
        });
        assertThat(ingress.getSpec().getRules().getFirst().getHost()).isEqualTo("todo.example.com");
    }

    @Test
    void theDatabaseIsAStatefulSetWithAVolumeBehindAHeadlessService() {
        Rendered rendered = Chart.rendered(Variant.DEFAULT);
        StatefulSet db = rendered.get(StatefulSet.class, "todo-db");

        assertThat(db.getSpec().getReplicas()).isEqualTo(1);
        assertThat(db.getSpec().getServiceName()).isEqualTo("todo-db");
        assertThat(rendered.service("todo-db").getSpec().getClusterIP()).isEqualTo("None");
        PersistentVolumeClaim claim = db.getSpec().getVolumeClaimTemplates().getFirst();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("1Gi");
        var container = db.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getVolumeMounts()).anyMatch(m -> m.getName().equals(claim.getMetadata().getName())
                && m.getMountPath().equals("/var/lib/postgresql/data"));
        assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("PGDATA") && e.getValue().startsWith("/var/lib/postgresql/data/"));
        assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/var/run/postgresql"));
        assertThat(db.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
        assertThat(rendered.secret("todo-secrets").getMetadata().getAnnotations())
                .as("the password outlives uninstall with the volume").containsEntry("helm.sh/resource-policy", "keep");
        Rendered dev = Chart.rendered(Variant.DEV);
        assertThat(dev.get(StatefulSet.class, "todo-db").getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Delete");
        assertThat(dev.secret("todo-secrets").getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"EXTERNAL_DATABASE", "EXISTING_SECRET", "PROD", "DEV_EXTERNAL_DATABASE_NO_INGRESS"})
    void anExternalDatabaseOrAnExistingSecretTurnsTheChartsDatabaseOff(Variant variant) {
        Rendered rendered = Chart.rendered(variant);

        assertThat(rendered.all(StatefulSet.class)).isEmpty();
        assertThat(rendered.find(Service.class, "todo-db")).isEmpty();
        assertThat(rendered.find(ServiceAccount.class, "todo-db")).isEmpty();
        assertThat(rendered.find(NetworkPolicy.class, "todo-db")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void helmTestChecksEveryServiceByItsRenderedNameAndPort(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        Pod test = rendered.get(Pod.class, variant.name("todo-test-services"));

        assertThat(test.getMetadata().getAnnotations()).containsEntry(Chart.HOOK_ANNOTATION, "test");
        assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
        String script = test.getSpec().getContainers().getFirst().getCommand().get(2);
        for (Service service : rendered.all(Service.class)) {
            String name = service.getMetadata().getName();
            if (name.endsWith("-db")) {
                assertThat(script).doesNotContain(name + ":");
                continue;
            }
            int port = service.getSpec().getPorts().getFirst().getPort();
            assertThat(script).as("helm test reaches " + name).contains("http://" + name + ":" + port + "/");
        }
        assertThat(script).contains("set -e").contains(variant.name("todo-backend-svc") + ":8080/ready")
                .as("the frontend's proxy to the backend").contains(variant.name("todo-frontend-svc") + ":80/api/v1/openapi.json");
    }
}
