package org.tongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.tongxin.support.IntegrationTestSupport;

class SchedulingSwitchTests extends IntegrationTestSupport {

    @Autowired
    List<ScheduledTaskHolder> holders;

    @Test
    void withSchedulingSwitchedOffNoJobOfTheApplicationRunsButTheLiveChatFeed() {
        List<String> ours = holders.stream()
                .flatMap(h -> h.getScheduledTasks().stream())
                .map(t -> t.getTask().toString())
                .filter(name -> name.startsWith("org.tongxin."))
                .toList();
        assertThat(ours).containsExactly("org.tongxin.live.web.ChatFeed.poll");
    }
}
