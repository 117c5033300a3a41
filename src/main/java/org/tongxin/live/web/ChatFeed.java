package org.tongxin.live.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tongxin.live.internal.Chat;

/**
 * The chat as server-sent events. Each node polls the database once a second for the chat changes of the sessions
 * it has listeners for, and sends them on; so the feed works the same behind any number of nodes, and a thousand
 * viewers cost one query a second, not a thousand. Each event carries the change number as its id: a reconnecting
 * browser sends it back (Last-Event-ID) and gets what it missed. Hidden messages reach moderators marked hidden and
 * everyone else only as "remove this one".
 */
@Component
class ChatFeed {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int BACKLOG = 100;

    private record Listener(SseEmitter emitter, boolean moderator) {
    }

    /** What a viewer receives for a hidden message: only that it is gone. */
    record Removed(long id, boolean hidden) {
    }

    private final Chat chat;
    private final Map<Long, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final Map<Long, Long> sent = new ConcurrentHashMap<>();

    ChatFeed(Chat chat) {
        this.chat = chat;
    }

    SseEmitter subscribe(long sessionId, Long lastEventId, boolean moderator) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Listener listener = new Listener(emitter, moderator);
        listeners.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        sent.computeIfAbsent(sessionId, chat::lastChange);
        Runnable remove = () -> {
            Set<Listener> of = listeners.get(sessionId);
            if (of != null) {
                of.remove(listener);
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        List<Chat.Message> backlog = lastEventId == null ? chat.recent(sessionId, BACKLOG)
                : chat.since(sessionId, lastEventId, BACKLOG * 5);
        try {
            // Sent at once, so the response starts now (and the page knows it is connected) even in a quiet chat.
            emitter.send(SseEmitter.event().name("ready").data(""));
        } catch (IOException gone) {
            remove.run();
            return emitter;
        }
        for (Chat.Message m : backlog) {
            if (!send(listener, m)) {
                break;
            }
        }
        return emitter;
    }

    // Not a background job (tongxin.scheduling.enabled leaves it on): it delivers what connected browsers wait for,
    // and costs nothing while nobody listens.
    @Scheduled(fixedDelayString = "${tongxin.live.chat-poll:PT1S}")
    void poll() {
        for (Map.Entry<Long, Set<Listener>> entry : listeners.entrySet()) {
            long sessionId = entry.getKey();
            if (entry.getValue().isEmpty()) {
                listeners.remove(sessionId, entry.getValue());
                sent.remove(sessionId);
                continue;
            }
            long after = sent.getOrDefault(sessionId, 0L);
            List<Chat.Message> changes = chat.since(sessionId, after, 500);
            for (Chat.Message m : changes) {
                entry.getValue().removeIf(l -> !send(l, m));
                after = Math.max(after, m.changeNo());
            }
            sent.put(sessionId, after);
        }
    }

    /** Sends one change; false when the browser has gone. */
    private static boolean send(Listener listener, Chat.Message m) {
        Object data = m.hidden() && !listener.moderator() ? new Removed(m.id(), true) : m;
        try {
            listener.emitter().send(SseEmitter.event().id(Long.toString(m.changeNo())).name("message")
                    .data(data, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }
}
