package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The jobs' scheduler as the application sets it up, virtual threads on as in application.properties. */
class SchedulingConfigTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withPropertyValues("spring.threads.virtual.enabled=true")
            .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
            .withUserConfiguration(SchedulingConfig.class, Jobs.class);

    @Test
    void aJobThatWaitsDoesNotHoldBackTheOthers() {
        context.run(c -> {
            Jobs jobs = c.getBean(Jobs.class);
            try {
                assertThat(jobs.waiting.await(10, TimeUnit.SECONDS)).as("the first job runs and waits").isTrue();
                assertThat(jobs.otherRan.await(10, TimeUnit.SECONDS)).as("the second runs meanwhile").isTrue();
            } finally {
                jobs.release.countDown();
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        final CountDownLatch waiting = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch otherRan = new CountDownLatch(1);

        @Bean
        Jobs.Waiter waiter() {
            return new Waiter(this);
        }

        @Bean
        Jobs.Other other() {
            return new Other(this);
        }

        record Waiter(Jobs jobs) {

            @Scheduled(fixedDelay = 50)
            void run() throws InterruptedException {
                jobs.waiting.countDown();
                jobs.release.await();
            }
        }

        record Other(Jobs jobs) {

            @Scheduled(initialDelay = 200, fixedDelay = 50)
            void run() {
                jobs.otherRan.countDown();
            }
        }
    }
}
