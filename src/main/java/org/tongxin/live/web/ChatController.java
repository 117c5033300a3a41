package org.tongxin.live.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tongxin.live.internal.Chat;
import org.tongxin.live.internal.LiveService;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/** The chat of a session for its page's script: the event stream, writing, upvoting and moderating. */
@RestController
class ChatController {

    private final Chat chat;
    private final ChatFeed feed;
    private final LiveService live;
    private final MessageSource messages;

    ChatController(Chat chat, ChatFeed feed, LiveService live, MessageSource messages) {
        this.chat = chat;
        this.feed = feed;
        this.live = live;
        this.messages = messages;
    }

    @GetMapping(path = "/live/{id}/chat/stream", produces = "text/event-stream")
    ResponseEntity<SseEmitter> stream(@PathVariable long id,
                                      @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        Viewer viewer = CurrentViewer.find().orElse(null);
        live.watchable(viewer, id);
        // Proxies such as nginx would otherwise hold events back in their buffers.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no")
                .body(feed.subscribe(id, lastEventId, chat.moderates(viewer, id)));
    }

    @PostMapping("/live/{id}/chat")
    Map<String, Object> post(@PathVariable long id, @RequestParam String text,
                             @RequestParam(defaultValue = "false") boolean question) {
        return Map.of("id", chat.post(CurrentViewer.get(), id, text, question));
    }

    @PostMapping("/live/chat/{messageId}/upvote")
    ResponseEntity<Void> upvote(@PathVariable long messageId) {
        chat.upvote(CurrentViewer.get(), messageId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/live/chat/{messageId}/answer")
    ResponseEntity<Void> answer(@PathVariable long messageId) {
        chat.answer(CurrentViewer.get(), messageId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/live/chat/{messageId}/hide")
    ResponseEntity<Void> hide(@PathVariable long messageId) {
        chat.hide(CurrentViewer.get(), messageId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/live/chat/{messageId}/mute")
    ResponseEntity<Void> mute(@PathVariable long messageId) {
        chat.muteAuthor(CurrentViewer.get(), messageId);
        return ResponseEntity.noContent().build();
    }

    /** A refusal as the page's script shows it: the reason in the reader's language. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal refusal, Locale locale) {
        return ResponseEntity.unprocessableEntity().body(Map.of("error",
                messages.getMessage(refusal.messageKey(), null, refusal.messageKey(), locale)));
    }
}
