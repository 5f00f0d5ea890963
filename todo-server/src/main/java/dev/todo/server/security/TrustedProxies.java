package dev.todo.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.todo.server.StartupProblem;

/**
 * Who may say who the client is ({@code X-Forwarded-For}) and that it came over https
 * ({@code X-Forwarded-Proto}, which turns on HSTS): only the proxies the operator names in
 * {@code todo.trusted-proxies} ({@code TODO_TRUSTED_PROXIES}), IP addresses or CIDR ranges. None by
 * default: the socket's peer is the client and those headers are ignored, so a client on this machine
 * or in the cluster's network cannot choose the address its rate limits are counted against. Behind
 * trusted proxies the client is the right-most address in {@code X-Forwarded-For} that is not one of
 * them (Tomcat's {@link RemoteIpValve}, which only trusts these when {@code server.forward-headers-strategy}
 * leaves it to us). Nothing reads the RFC 7239 {@code Forwarded} header.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> forwardedHeaders(
            @Value("${todo.trusted-proxies:}") String setting) {
        List<String> ranges = ranges(setting);
        return factory -> {
            if (ranges.isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(String.join(",", ranges));
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
        };
    }

    /**
     * The setting as CIDR ranges ({@code 10.0.0.7} becomes {@code 10.0.0.7/32}): Tomcat reads a list
     * without a {@code /} as a regular expression. Only literal addresses are accepted, so nothing here
     * or later asks DNS.
     */
    static List<String> ranges(String setting) {
        List<String> ranges = new ArrayList<>();
        for (String entry : setting == null ? new String[0] : setting.split(",")) {
            String value = entry.strip();
            if (!value.isEmpty()) {
                ranges.add(range(value));
            }
        }
        return List.copyOf(ranges);
    }

    private static String range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        int length = addressLength(address, entry);
        if (slash < 0) {
            return address + "/" + length;
        }
        String bits = entry.substring(slash + 1);
        if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > length) {
            throw invalid(entry, "its prefix length must be 0 to " + length);
        }
        return entry;
    }

    /** 32 for an IPv4 address, 128 for IPv6. */
    private static int addressLength(String address, String entry) {
        Matcher ipv4 = IPV4.matcher(address);
        if (ipv4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                if (Integer.parseInt(ipv4.group(octet)) > 255) {
                    throw invalid(entry, "each part of an IPv4 address is 0 to 255");
                }
            }
            return 32;
        }
        if (IPV6.matcher(address).matches()) {
            try {
                // In brackets the JDK parses the literal and never falls back to a DNS lookup.
                InetAddress.getByName("[" + address + "]");
                return 128;
            } catch (UnknownHostException e) {
                throw invalid(entry, "it is not a valid IPv6 address");
            }
        }
        throw invalid(entry, "it is not an IP address");
    }

    private static StartupProblem invalid(String entry, String why) {
        return new StartupProblem("TODO_TRUSTED_PROXIES (todo.trusted-proxies): '" + entry
                + "' is not an IP address or CIDR range such as 10.0.0.0/8 or fd00::/8: " + why);
    }
}
