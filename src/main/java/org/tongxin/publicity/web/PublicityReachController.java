package org.tongxin.publicity.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.PersonalDates;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityDesk;
import org.tongxin.publicity.internal.PublicityReading;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/**
 * Reach of an item for the officers of its unit: unique and logged-in readers, readers by union unit, shares by
 * channel and the chat-group pushes; for an internal notice, who of a chosen unit below the officer has read it and
 * who has not yet, counts first. Counts only otherwise, and no list of readers ranked by anything.
 */
@Controller
class PublicityReachController {

    /** Names listed at most under each of read and not read. */
    static final int LISTED = 1000;

    /** Readers from one union unit. */
    record UnitRow(String unitName, long readers) {
    }

    /** A person of the chosen unit, for the read / not-read lists. */
    record Person(String name, String unitName) {
    }

    private final PublicityService publicity;
    private final PublicityReading reading;
    private final Readership readership;
    private final PublicityDesk desk;
    private final Pushes pushes;
    private final OrgDirectory org;

    PublicityReachController(PublicityService publicity, PublicityReading reading, Readership readership,
                             PublicityDesk desk, Pushes pushes, OrgDirectory org) {
        this.publicity = publicity;
        this.reading = reading;
        this.readership = readership;
        this.desk = desk;
        this.pushes = pushes;
        this.org = org;
    }

    @GetMapping("/publicity-admin/items/{itemId}/reach")
    String reach(@PathVariable long itemId, @RequestParam(required = false) Long unit, Model model) {
        Viewer viewer = CurrentViewer.get();
        Items.Item item = publicity.managed(viewer, itemId);
        model.addAttribute("item", item);
        model.addAttribute("stage", PublicityDesk.Stage.of(item));
        model.addAttribute("figures", readership.figures(itemId));
        Map<Long, String> names = new HashMap<>();
        List<UnitRow> byUnit = new ArrayList<>();
        reading.readersByUnit(itemId).forEach((unitId, readers) -> byUnit.add(new UnitRow(names.computeIfAbsent(unitId,
                k -> org.unit(k).map(OrgUnit::name).orElse("#" + k)), readers)));
        model.addAttribute("byUnit", byUnit);
        model.addAttribute("shares", desk.sharesByChannel(itemId));
        model.addAttribute("pushes", pushes.ofItem(itemId));
        if (item.internal()) {
            OrgUnit chosen = org.managedUnit(viewer, unit != null ? unit : item.unitId());
            PublicityReading.Reach reach = reading.internalReach(viewer, itemId, chosen.id());
            Set<Long> readIds = new HashSet<>(reach.read());
            List<Person> read = new ArrayList<>();
            List<Person> notRead = new ArrayList<>();
            // In name order; the lists stop at LISTED names each, the counts above them do not.
            for (PersonalDates p : org.activeEmployeesWithDates(chosen)) {
                List<Person> list = readIds.contains(p.employeeId()) ? read : notRead;
                if (list.size() < LISTED) {
                    list.add(new Person(p.name(), p.unitName()));
                }
            }
            model.addAttribute("units", org.manageableUnits(viewer));
            model.addAttribute("unit", chosen);
            model.addAttribute("readCount", reach.read().size());
            model.addAttribute("notReadCount", reach.notRead().size());
            model.addAttribute("read", read);
            model.addAttribute("notRead", notRead);
            model.addAttribute("listed", LISTED);
        }
        return "publicity-admin/reach";
    }
}
