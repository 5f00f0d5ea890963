package dev.todo.chart;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** The objects one `helm template` produced, typed, with the lookups the tests need. */
record Rendered(String manifests, List<HasMetadata> objects) {

    /** A pod as a workload runs it: the workload's kind and name, its pod metadata and spec. */
    record PodTemplate(String kind, String name, ObjectMeta metadata, PodSpec spec) {
        List<Container> allContainers() {
            return java.util.stream.Stream.concat(spec.getContainers().stream(),
                    Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream()).toList();
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "no " + type.getSimpleName() + " " + name + " in " + names()));
    }

    List<String> names() {
        return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }

    Deployment deployment(String name) {
        return get(Deployment.class, name);
    }

    Service service(String name) {
        return get(Service.class, name);
    }

    ConfigMap configMap(String name) {
        return get(ConfigMap.class, name);
    }

    Secret secret(String name) {
        return get(Secret.class, name);
    }

    /** Every pod the chart runs: the Deployments', the StatefulSet's, and the helm test pods. */
    List<PodTemplate> podTemplates() {
        List<PodTemplate> deployments = all(Deployment.class).stream()
                .map(d -> new PodTemplate("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata(),
                        d.getSpec().getTemplate().getSpec()))
                .toList();
        List<PodTemplate> statefulSets = all(StatefulSet.class).stream()
                .map(s -> new PodTemplate("StatefulSet", s.getMetadata().getName(), s.getSpec().getTemplate().getMetadata(),
                        s.getSpec().getTemplate().getSpec()))
                .toList();
        List<PodTemplate> pods = all(Pod.class).stream()
                .map(p -> new PodTemplate("Pod", p.getMetadata().getName(), p.getMetadata(), p.getSpec()))
                .toList();
        return java.util.stream.Stream.of(deployments, statefulSets, pods).flatMap(List::stream).toList();
    }

    PodTemplate podTemplate(String workloadName) {
        return podTemplates().stream().filter(p -> p.name().equals(workloadName)).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + workloadName + " in " + names()));
    }
}
