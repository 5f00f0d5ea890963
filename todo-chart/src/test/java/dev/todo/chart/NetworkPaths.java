package dev.todo.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * What NetworkPolicies allow, evaluated as the Kubernetes documentation defines it: a connection is allowed when the
 * source's Egress policies (if any select it) and the destination's Ingress policies (if any select it) each have a
 * rule whose peers and ports match. Pods of other namespaces and addresses outside the cluster are modelled as
 * endpoints too, so "the frontend is open to the world" and "the assistant reaches the model on 443" are checkable.
 */
final class NetworkPaths {

    static final String NAMESPACE = "todo";

    /** Something that connects or is connected to: a pod (labels, namespace, named ports) or an outside address. */
    record Endpoint(String name, Map<String, String> labels, String namespace, Map<String, String> namespaceLabels,
                    Map<String, Integer> namedPorts, String ip) {

        static Endpoint pod(String name, Map<String, String> labels, Map<String, Integer> namedPorts) {
            return new Endpoint(name, labels, NAMESPACE, Map.of("kubernetes.io/metadata.name", NAMESPACE), namedPorts, "10.244.0.10");
        }

        static Endpoint podElsewhere(String name, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
            return new Endpoint(name, labels, namespace, Map.of("kubernetes.io/metadata.name", namespace), namedPorts, "10.244.1.10");
        }

        static Endpoint outside(String name, String ip) {
            return new Endpoint(name, Map.of(), null, Map.of(), Map.of(), ip);
        }

        boolean isPod() {
            return namespace != null;
        }
    }

    record Port(int number, String protocol) {
        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    private final List<NetworkPolicy> policies;

    NetworkPaths(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    /** "frontend -> backend 8080/TCP" for every allowed connection between the endpoints on the ports given. */
    TreeSet<String> allowed(List<Endpoint> sources, List<Endpoint> destinations, List<Port> ports) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Endpoint from : sources) {
            for (Endpoint to : destinations) {
                for (Port port : ports) {
                    if (from != to && allows(from, to, port)) {
                        allowed.add(from.name() + " -> " + to.name() + " " + port);
                    }
                }
            }
        }
        return allowed;
    }

    boolean allows(Endpoint from, Endpoint to, Port port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, Port port) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> nullSafe(p.getSpec().getEgress()).stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), to, port));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, Port port) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> nullSafe(p.getSpec().getIngress()).stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), to, port));
    }

    private List<NetworkPolicy> selecting(Endpoint endpoint, String type) {
        if (!endpoint.isPod() || !endpoint.namespace().equals(NAMESPACE)) {
            return List.of();
        }
        return policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains(type))
                .filter(p -> selects(p.getSpec().getPodSelector(), endpoint.labels()))
                .toList();
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, endpoint));
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            // ipBlock is meant for addresses outside the cluster; pod addresses are ephemeral.
            return !endpoint.isPod() && Cidr.contains(peer.getIpBlock().getCidr(), endpoint.ip())
                    && nullSafe(peer.getIpBlock().getExcept()).stream().noneMatch(except -> Cidr.contains(except, endpoint.ip()));
        }
        if (!endpoint.isPod()) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? endpoint.namespace().equals(NAMESPACE)
                : selects(peer.getNamespaceSelector(), endpoint.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || selects(peer.getPodSelector(), endpoint.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint to, Port port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(rule -> {
            String protocol = rule.getProtocol() == null ? "TCP" : rule.getProtocol();
            if (!protocol.equals(port.protocol())) {
                return false;
            }
            IntOrString number = rule.getPort();
            if (number == null) {
                return true;
            }
            if (number.getStrVal() != null) {
                return Integer.valueOf(port.number()).equals(to.namedPorts().get(number.getStrVal()));
            }
            return number.getIntVal() == port.number();
        });
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not modelled: " + selector);
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(required.entrySet());
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }

    /** IPv4 CIDR membership. */
    static final class Cidr {
        private Cidr() {
        }

        static boolean contains(String cidr, String ip) {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
        }

        private static long toLong(String ip) {
            long value = 0;
            for (String octet : ip.split("\\.")) {
                value = (value << 8) | Integer.parseInt(octet);
            }
            return value;
        }
    }
}
