package chat.server.cluster;

import java.net.URI;
import java.util.Objects;

/**
 * How a node joins a cluster: the Redis to use ({@code redis://[:password@]host[:port]}) and the
 * node's name, which other nodes show (WHOIS, LUSERS) and which must be unique among live nodes.
 */
public record ClusterConfig(String redisHost, int redisPort, String redisPassword, String nodeName) {
    public static final int DEFAULT_REDIS_PORT = 6379;

    public ClusterConfig {
        Objects.requireNonNull(redisHost, "redisHost");
        if (redisPort <= 0 || redisPort > 65_535) {
            throw new IllegalArgumentException("Redis port must be 1-65535: " + redisPort);
        }
        if (nodeName == null || !nodeName.matches("[A-Za-z0-9._:-]{1,40}")) {
            throw new IllegalArgumentException("node name must be 1-40 letters, digits, '.', '_', ':' or '-': " + nodeName);
        }
    }

    /** From {@code redis://[:password@]host[:port]}. */
    public static ClusterConfig parse(String uri, String nodeName) {
        URI parsed;
        try {
            parsed = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a redis:// address: " + uri);
        }
        if (!"redis".equals(parsed.getScheme()) || parsed.getHost() == null) {
            throw new IllegalArgumentException("not a redis://HOST:PORT address: " + uri);
        }
        String password = null;
        String userInfo = parsed.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            password = userInfo.startsWith(":") ? userInfo.substring(1) : userInfo;
        }
        return new ClusterConfig(parsed.getHost(), parsed.getPort() < 0 ? DEFAULT_REDIS_PORT : parsed.getPort(),
                password, nodeName);
    }

    String redisAddress() {
        return redisHost + ":" + redisPort;
    }
}
