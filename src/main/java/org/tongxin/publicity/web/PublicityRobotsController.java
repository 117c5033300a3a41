package org.tongxin.publicity.web;

import java.util.HashMap;
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
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/**
 * Chat-group robots (企业微信 / 钉钉 group webhooks) of the units an officer manages: adding one, switching it off,
 * and the pushes that gave up after their last attempt, with the reason, to send again.
 */
@Controller
class PublicityRobotsController {

    /** A push that gave up, with the item it carried. */
    record Failed(Pushes.Push push, String itemTitle) {
    }

    private final Pushes pushes;
    private final Items items;
    private final OrgDirectory org;

    PublicityRobotsController(Pushes pushes, Items items, OrgDirectory org) {
        this.pushes = pushes;
        this.items = items;
        this.org = org;
    }

    @GetMapping("/publicity-admin/robots")
    String robots(@RequestParam(required = false) Long unit, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<OrgUnit> units = org.manageableUnits(viewer);
        model.addAttribute("units", units);
        if (unit != null || !units.isEmpty()) {
            OrgUnit chosen = org.managedUnit(viewer, unit != null ? unit : units.getFirst().id());
            model.addAttribute("unit", chosen);
            model.addAttribute("robots", pushes.ofUnit(chosen.id()));
        }
        Set<Long> mine = org.manageableUnitIds(viewer)
                .orElseGet(() -> Set.copyOf(units.stream().map(OrgUnit::id).toList()));
        Map<Long, String> titles = new HashMap<>();
        model.addAttribute("failed", pushes.failedOf(mine).stream()
                .map(p -> new Failed(p, titles.computeIfAbsent(p.itemId(),
                        id -> items.find(id).map(Items.Item::title).orElse("#" + id))))
                .toList());
        return "publicity-admin/robots";
    }

    @PostMapping("/publicity-admin/robots")
    String add(@RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "") String kind,
               @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
               @RequestParam(defaultValue = "") String secret, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit unit = org.managedUnit(viewer, unitId);
        try {
            pushes.add(viewer, unit.id(), kind, name, url, kind.equals("DINGTALK") ? secret : null);
            redirect.addFlashAttribute("flash", "publicity.desk.robotAdded");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("robotName", name);
        }
        return "redirect:/publicity-admin/robots?unit=" + unit.id();
    }

    @PostMapping("/publicity-admin/robots/{webhookId}/deactivate")
    String deactivate(@PathVariable long webhookId, @RequestParam(required = false) Long unit,
                      RedirectAttributes redirect) {
        pushes.deactivate(CurrentViewer.get(), webhookId);
        redirect.addFlashAttribute("flash", "publicity.desk.robotOff");
        return "redirect:/publicity-admin/robots" + (unit == null ? "" : "?unit=" + unit);
    }

    /** Sends a push that gave up again, from the robots page or the item's page ({@code itemId}). */
    @PostMapping("/publicity-admin/pushes/{pushId}/retry")
    String retry(@PathVariable long pushId, @RequestParam(required = false) Long itemId,
                 RedirectAttributes redirect) {
        pushes.retry(CurrentViewer.get(), pushId);
        redirect.addFlashAttribute("flash", "publicity.desk.retrying");
        return itemId == null ? "redirect:/publicity-admin/robots" : "redirect:/publicity-admin/items/" + itemId;
    }
}
