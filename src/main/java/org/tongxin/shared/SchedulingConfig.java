package org.tongxin.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Background jobs (deadline escalation, reminders); tests switch them off and call the jobs themselves. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tongxin.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {

    /**
     * Jobs run side by side on {@code tongxin.scheduling.threads} threads. With virtual threads on, Spring Boot's own
     * scheduler runs every fixed-delay job (all of ours) on its one thread, in turn: a job waiting for a row lock or
     * working through a long first round after a start held back all the others, the exam deadline job among them.
     * Each job still never overlaps itself.
     */
    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder,
                                          @Value("${tongxin.scheduling.threads:4}") int threads) {
        return builder.poolSize(threads).build();
    }
}
