package org.tongxin.library.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.Rooms;
import org.tongxin.library.search.LibrarySearch;
import org.tongxin.library.search.LibrarySearch.SearchQuery;

/**
 * The reader's way into the library ({@code /library}): search by words, parts of words, author or ISBN, narrowed
 * by category, room and "on the shelf now"; with nothing typed, the new arrivals. The catalogue is the whole
 * enterprise's, open to everyone signed in.
 */
@Controller
class LibrarySearchController {

    private final LibrarySearch search;
    private final Catalogue catalogue;
    private final Rooms rooms;

    LibrarySearchController(LibrarySearch search, Catalogue catalogue, Rooms rooms) {
        this.search = search;
        this.catalogue = catalogue;
        this.rooms = rooms;
    }

    @GetMapping("/library")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Long category,
                  @RequestParam(required = false) Long room, @RequestParam(defaultValue = "false") boolean available,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q == null ? "" : q.strip();
        SearchQuery query = new SearchQuery(text, category, room, available, page);
        model.addAttribute("q", text);
        model.addAttribute("category", category);
        model.addAttribute("room", room);
        model.addAttribute("available", available);
        model.addAttribute("newArrivals", query.blank());
        model.addAttribute("results", search.search(query));
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("rooms", rooms.all());
        return "library/search";
    }
}
