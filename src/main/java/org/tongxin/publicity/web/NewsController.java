package org.tongxin.publicity.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.publicity.internal.Sharing;
import org.tongxin.shared.web.Page;

/**
 * The news list of everyone logged in: published items, internal notices included, newest first, as cards with
 * the cover's thumbnail, filtered by category. Each card opens the item's share page, from which it can be passed on.
 */
@Controller
class NewsController {

    static final int PAGE_SIZE = 10;

    private final Sharing sharing;

    NewsController(Sharing sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/news")
    String news(@RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page,
                Model model) {
        String cat = category == null ? null : category.strip().toUpperCase(Locale.ROOT);
        if (cat != null && !Sharing.CATEGORIES.contains(cat)) {
            cat = null;
        }
        Page<Sharing.Card> items = sharing.news(cat, Page.clamp(page), PAGE_SIZE);
        model.addAttribute("items", items);
        model.addAttribute("category", cat);
        model.addAttribute("categories", Sharing.CATEGORIES);
        return "publicity/news";
    }
}
