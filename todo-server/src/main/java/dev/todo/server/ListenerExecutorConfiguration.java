package dev.todo.server;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run event listeners after a commit ({@code @ApplicationModuleListener}: history, repeats,
 * emails): a few, with a queue. Each listener holds a database connection while it works, so an unbounded number of
 * them would drain the pool and starve the requests; a queue never makes the publisher wait. A queued event is
 * also in the event publication registry until its listener finishes, so a restart loses none.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration implements AsyncConfigurer {

    private final int threads;

    ListenerExecutorConfiguration(@Value("${todo.events.listener-threads:4}") int threads) {
        this.threads = threads;
    }

    @Override
    public Executor getAsyncExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("event-listener-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }
}
