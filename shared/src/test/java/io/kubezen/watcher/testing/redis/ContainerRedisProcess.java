package io.kubezen.watcher.testing.redis;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code redis:7} container. Its port is bound to a fixed host port rather than a random one, so that a
 * stopped and started container answers on the same port, as the other kinds do.
 */
final class ContainerRedisProcess implements RedisProcess {

    private static final DockerImageName IMAGE = DockerImageName.parse("redis:7");
    private static final int REDIS_PORT = 6379;
    private static final String CONFIG_PATH = "/usr/local/etc/redis/redis.conf";

    private final GenericContainer<?> container;
    private boolean created;
    private boolean running;

    ContainerRedisProcess(int hostPort, RedisServerOptions options) {
        this.container = new GenericContainer<>(IMAGE)
                .withExposedPorts(REDIS_PORT)
                .withCopyToContainer(Transferable.of(options.configText("0.0.0.0", REDIS_PORT, "/data")), CONFIG_PATH)
                .withCommand("redis-server", CONFIG_PATH)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(new PortBinding(
                        Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), ExposedPort.tcp(REDIS_PORT))));
    }

    @Override
    public synchronized void start() {
        if (!created) {
            container.start();
            created = true;
        } else if (!running) {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (running) {
            container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
            running = false;
        }
    }

    @Override
    public synchronized void kill() {
        if (running) {
            container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
            running = false;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public String logTail() {
        return created ? container.getLogs() : "(container not created)";
    }

    @Override
    public synchronized void close() {
        container.stop();
        running = false;
    }
}
