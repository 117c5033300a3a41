package org.tongxin.voice.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.Discussions;
import org.tongxin.voice.internal.Discussions.Post;
import org.tongxin.voice.internal.Discussions.Topic;
import org.tongxin.voice.internal.SensitiveWords;

/**
 * Discussions for officers: the topics of the units they manage with their counts, opening one, locking, unlocking
 * and closing it; the review queue of posts held for a sensitive word (approve, or reject with a reason); hiding and
 * showing again a post from the topic's page; and the sensitive-word list, kept by the committee (other officers read
 * it). Every action is scoped to the topic's unit and audited by {@link Discussions}; another unit's topic is 404.
 */
@Controller
class TalkAdminController {

    static final int QUEUE = 200;

    /** A topic of the officer's units, with its unit's name, counts and whether it still takes posts. */
    record TopicRow(Topic topic, String unitName, Discussions.Counts counts, boolean closed) {
    }

    /** A held post in the review queue, with its topic and author. */
    record Held(Post post, Topic topic, String author, String unitName) {
    }

    private final Discussions discussions;
    private final SensitiveWords words;
    private final VoicePages pages;
    private final OrgDirectory org;

    TalkAdminController(Discussions discussions, SensitiveWords words, VoicePages pages, OrgDirectory org) {
        this.discussions = discussions;
        this.words = words;
        this.pages = pages;
        this.org = org;
    }

    @GetMapping("/voice-admin/talk")
    String topics(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Topic> topics = discussions.topicsOf(viewer);
        Map<Long, String> names = pages.unitNames(topics.stream().map(Topic::unitId).toList());
        Map<Long, Discussions.Counts> counts = discussions.counts(topics.stream().map(Topic::id).toList());
        LocalDate today = discussions.today();
        List<TopicRow> rows = topics.stream().map(t -> new TopicRow(t, names.get(t.unitId()),
                counts.getOrDefault(t.id(), new Discussions.Counts(0, 0, 0)), t.closed(today))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("heldTotal", discussions.held(viewer, QUEUE).size());
        model.addAttribute("units", org.manageableUnits(viewer));
        model.addAttribute("mayEditWords", SensitiveWords.mayEdit(viewer));
        return "voice-admin/talk";
    }

    @PostMapping("/voice-admin/talk")
    String create(@RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String intro, @RequestParam(defaultValue = "") String closesOn,
                  @RequestParam(defaultValue = "false") boolean tell, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit unit = org.managedUnit(viewer, unitId);
        try {
            long id = discussions.create(viewer, unit.id(), title, intro, date(closesOn), tell);
            redirect.addFlashAttribute("flash", "voice.talk.created");
            return "redirect:/voice/talk/topics/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/voice-admin/talk";
        }
    }

    private static LocalDate date(String typed) {
        try {
            return typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("voice.error.talk.badDate");
        }
    }

    /** Where a moderation goes back to: the topic's page (with the sort, page and post) or the officers' list. */
    private static String back(String back, long topicId, String sort, int page, Long postId) {
        return "topic".equals(back) ? TalkController.back(topicId, sort, page, postId) : "redirect:/voice-admin/talk";
    }

    /** Runs a moderation after the scope check (404 outside it); a refusal becomes the flash error. */
    private static void act(RedirectAttributes redirect, String done, LongSupplier action) {
        try {
            action.getAsLong();
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
    }

    private Topic moderated(Viewer viewer, long topicId) {
        Topic t = discussions.find(topicId);
        org.managedUnit(viewer, t.unitId());
        return t;
    }

    @PostMapping("/voice-admin/talk/topics/{talkTopicId}/lock")
    String lock(@PathVariable long talkTopicId, @RequestParam(defaultValue = "") String back,
                RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        moderated(viewer, talkTopicId);
        act(redirect, "voice.talk.locked", () -> {
            discussions.lock(viewer, talkTopicId);
            return talkTopicId;
        });
        return back(back, talkTopicId, "new", 0, null);
    }

    @PostMapping("/voice-admin/talk/topics/{talkTopicId}/unlock")
    String unlock(@PathVariable long talkTopicId, @RequestParam(defaultValue = "") String back,
                  RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        moderated(viewer, talkTopicId);
        act(redirect, "voice.talk.unlocked", () -> {
            discussions.unlock(viewer, talkTopicId);
            return talkTopicId;
        });
        return back(back, talkTopicId, "new", 0, null);
    }

    @PostMapping("/voice-admin/talk/topics/{talkTopicId}/close")
    String close(@PathVariable long talkTopicId, @RequestParam(defaultValue = "") String back,
                 RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        moderated(viewer, talkTopicId);
        act(redirect, "voice.talk.closedDone", () -> {
            discussions.close(viewer, talkTopicId);
            return talkTopicId;
        });
        return back(back, talkTopicId, "new", 0, null);
    }

    /** Posts held for review in the officer's topics, oldest first, with the count per topic. */
    @GetMapping("/voice-admin/talk/review")
    String review(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Post> held = discussions.held(viewer, QUEUE);
        Map<Long, Topic> topics = new LinkedHashMap<>();
        held.forEach(p -> topics.computeIfAbsent(p.topicId(), discussions::find));
        Map<Long, EmployeeSummary> people = org.employees(held.stream().map(Post::authorId).distinct().toList());
        model.addAttribute("held", held.stream().map(p -> {
            EmployeeSummary a = people.get(p.authorId());
            return new Held(p, topics.get(p.topicId()), a == null ? "#" + p.authorId() : a.name(),
                    a == null ? "" : a.unitName());
        }).toList());
        Map<Topic, Long> perTopic = new LinkedHashMap<>();
        held.forEach(p -> perTopic.merge(topics.get(p.topicId()), 1L, Long::sum));
        model.addAttribute("perTopic", perTopic);
        return "voice-admin/talk-review";
    }

    /** The post's topic when the officer moderates it; 404 otherwise. */
    private Post moderatedPost(Viewer viewer, long postId) {
        Post p = discussions.post(postId);
        moderated(viewer, p.topicId());
        return p;
    }

    @PostMapping("/voice-admin/talk/posts/{talkPostId}/approve")
    String approve(@PathVariable long talkPostId, @RequestParam(defaultValue = "") String back,
                   @RequestParam(defaultValue = "new") String sort, @RequestParam(defaultValue = "0") int page,
                   RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Post p = moderatedPost(viewer, talkPostId);
        act(redirect, "voice.talk.approved", () -> discussions.approve(viewer, talkPostId));
        return "topic".equals(back) ? TalkController.back(p.topicId(), sort, page, talkPostId)
                : "redirect:/voice-admin/talk/review";
    }

    @PostMapping("/voice-admin/talk/posts/{talkPostId}/reject")
    String reject(@PathVariable long talkPostId, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String back, @RequestParam(defaultValue = "new") String sort,
                  @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Post p = moderatedPost(viewer, talkPostId);
        act(redirect, "voice.talk.rejected", () -> discussions.reject(viewer, talkPostId, reason));
        return "topic".equals(back) ? TalkController.back(p.topicId(), sort, page, talkPostId)
                : "redirect:/voice-admin/talk/review";
    }

    @PostMapping("/voice-admin/talk/posts/{talkPostId}/hide")
    String hide(@PathVariable long talkPostId, @RequestParam(defaultValue = "new") String sort,
                @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Post p = moderatedPost(viewer, talkPostId);
        act(redirect, "voice.talk.hiddenDone", () -> discussions.hide(viewer, talkPostId));
        return TalkController.back(p.topicId(), sort, page, talkPostId);
    }

    @PostMapping("/voice-admin/talk/posts/{talkPostId}/unhide")
    String unhide(@PathVariable long talkPostId, @RequestParam(defaultValue = "new") String sort,
                  @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Post p = moderatedPost(viewer, talkPostId);
        act(redirect, "voice.talk.unhiddenDone", () -> discussions.unhide(viewer, talkPostId));
        return TalkController.back(p.topicId(), sort, page, talkPostId);
    }

    /** The sensitive-word list, one a line: the committee and administrators edit it, other officers read it. */
    @GetMapping("/voice-admin/talk/words")
    String words(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<String> list = words.words();
        model.addAttribute("words", list);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", String.join("\n", list));
        }
        model.addAttribute("mayEdit", SensitiveWords.mayEdit(viewer));
        return "voice-admin/talk-words";
    }

    @PostMapping("/voice-admin/talk/words")
    String saveWords(@RequestParam(defaultValue = "") String words, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        if (!SensitiveWords.mayEdit(viewer)) {
            throw new NotFoundException("sensitive words for this viewer");
        }
        try {
            SensitiveWords.Change c = this.words.replace(viewer, words);
            redirect.addFlashAttribute("flash", "voice.talk.wordsSaved");
            redirect.addFlashAttribute("change", c);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("typed", words);
        }
        return "redirect:/voice-admin/talk/words";
    }
}
