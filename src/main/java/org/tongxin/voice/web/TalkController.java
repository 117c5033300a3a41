package org.tongxin.voice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.Discussions;
import org.tongxin.voice.internal.Discussions.Post;
import org.tongxin.voice.internal.Discussions.Topic;

/**
 * Discussions (交流探讨) for employees: the open topics of their units, and a topic's page — its posts newest or most
 * liked first, a page at a time, each with its replies; writing a post or a reply, liking and taking a like back.
 * Authors are shown by name (it is a named discussion); people are never ranked. Moderators see the same page with
 * held and hidden posts marked and the buttons to hide them, lock and close the topic.
 */
@Controller
class TalkController {

    static final int PAGE = 20;

    /** A topic in the list: its unit, how many posts are shown, and whether it is locked or closed. */
    record TopicLine(Topic topic, String unitName, long posts, boolean locked, boolean closed) {
    }

    /** A post or reply as shown: its author's name and unit, whether the viewer liked it or wrote it. */
    record Line(Post post, String author, String unitName, boolean liked, boolean mine) {
    }

    /** A post with its replies. */
    record ThreadView(Line line, List<Line> replies) {
    }

    private final Discussions discussions;
    private final VoicePages pages;
    private final OrgDirectory org;

    TalkController(Discussions discussions, VoicePages pages, OrgDirectory org) {
        this.discussions = discussions;
        this.pages = pages;
        this.org = org;
    }

    @GetMapping("/voice/talk")
    String topics(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Topic> open = discussions.openFor(viewer);
        List<Topic> closed = discussions.closedFor(viewer, 10);
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("topics", lines(open));
        model.addAttribute("closed", lines(closed));
        model.addAttribute("moderator", viewer.isOfficerOrAbove());
        return "voice/talk";
    }

    private List<TopicLine> lines(List<Topic> topics) {
        Map<Long, String> names = pages.unitNames(topics.stream().map(Topic::unitId).toList());
        Map<Long, Discussions.Counts> counts = discussions.counts(topics.stream().map(Topic::id).toList());
        return topics.stream().map(t -> new TopicLine(t, names.get(t.unitId()),
                counts.containsKey(t.id()) ? counts.get(t.id()).posts() : 0, t.locked(),
                t.closed(discussions.today()))).toList();
    }

    static String sort(String typed) {
        return "liked".equals(typed) ? "liked" : "new";
    }

    @GetMapping("/voice/talk/topics/{talkTopicId}")
    String topic(@PathVariable long talkTopicId, @RequestParam(defaultValue = "new") String sort,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Viewer viewer = CurrentViewer.get();
        Topic topic = discussions.readable(viewer, talkTopicId);
        String s = sort(sort);
        Page<Discussions.PostThread> threads = discussions.page(viewer, topic, s, Page.clamp(page), PAGE);
        List<Post> all = new ArrayList<>();
        threads.items().forEach(t -> {
            all.add(t.post());
            all.addAll(t.replies());
        });
        Map<Long, EmployeeSummary> people = org.employees(all.stream().map(Post::authorId).distinct().toList());
        Set<Long> liked = discussions.likedBy(viewer, all.stream().map(Post::id).toList());
        Long me = viewer.employeeId();
        model.addAttribute("topic", topic);
        model.addAttribute("unitName", pages.unitNames(List.of(topic.unitId())).get(topic.unitId()));
        model.addAttribute("threads", threads.items().stream().map(t -> new ThreadView(
                line(t.post(), people, liked, me), t.replies().stream().map(r -> line(r, people, liked, me)).toList()))
                .toList());
        model.addAttribute("page", threads);
        model.addAttribute("sort", s);
        boolean moderator = discussions.moderates(viewer, topic);
        model.addAttribute("moderator", moderator);
        model.addAttribute("held", moderator ? discussions.counts(List.of(topic.id()))
                .getOrDefault(topic.id(), new Discussions.Counts(0, 0, 0)).held() : 0);
        boolean closed = topic.closed(discussions.today());
        model.addAttribute("closed", closed);
        model.addAttribute("canWrite", me != null && !closed && !topic.locked());
        model.addAttribute("canLike", me != null && !closed);
        model.addAttribute("minGap", discussions.minGapSeconds());
        model.addAttribute("perHour", discussions.perHour());
        return "voice/talk-topic";
    }

    private static Line line(Post p, Map<Long, EmployeeSummary> people, Set<Long> liked, Long me) {
        EmployeeSummary author = people.get(p.authorId());
        return new Line(p, author == null ? "#" + p.authorId() : author.name(),
                author == null ? "" : author.unitName(), liked.contains(p.id()), me != null && me == p.authorId());
    }

    static String back(long topicId, String sort, int page, Long anchor) {
        return "redirect:/voice/talk/topics/" + topicId + "?sort=" + sort(sort) + "&page=" + Page.clamp(page)
                + (anchor == null ? "" : "#post-" + anchor);
    }

    /** A post, or a reply when {@code parentId} is given; refused text comes back in the form. */
    @PostMapping("/voice/talk/topics/{talkTopicId}/posts")
    String post(@PathVariable long talkTopicId, @RequestParam(defaultValue = "") String body,
                @RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "new") String sort,
                @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        try {
            Discussions.Posted posted = discussions.post(viewer, talkTopicId, parentId, body);
            redirect.addFlashAttribute("flash", posted.held() ? "voice.talk.heldForReview" : "voice.talk.posted");
            // A new post shows first among the newest; a reply under its post where it was.
            return parentId == null ? back(talkTopicId, "new", 0, posted.id())
                    : back(talkTopicId, sort, page, posted.id());
        } catch (Refusal r) {
            redirect.addFlashAttribute("flashError", r.messageKey());
            redirect.addFlashAttribute("draft", body);
            redirect.addFlashAttribute("draftParent", parentId);
            return back(talkTopicId, sort, page, parentId);
        }
    }

    @PostMapping("/voice/talk/posts/{talkPostId}/like")
    String like(@PathVariable long talkPostId, @RequestParam(defaultValue = "new") String sort,
                @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        return likeOrNot(talkPostId, sort, page, redirect, true);
    }

    @PostMapping("/voice/talk/posts/{talkPostId}/unlike")
    String unlike(@PathVariable long talkPostId, @RequestParam(defaultValue = "new") String sort,
                  @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        return likeOrNot(talkPostId, sort, page, redirect, false);
    }

    private String likeOrNot(long postId, String sort, int page, RedirectAttributes redirect, boolean like) {
        Viewer viewer = CurrentViewer.get();
        Post p = discussions.post(postId);
        discussions.readable(viewer, p.topicId());
        try {
            if (like) {
                discussions.like(viewer, postId);
            } else {
                discussions.unlike(viewer, postId);
            }
        } catch (Refusal r) {
            redirect.addFlashAttribute("flashError", r.messageKey());
        }
        return back(p.topicId(), sort, page, p.id());
    }
}
