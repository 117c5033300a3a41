package org.tongxin.org.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.org.UnitOfficers;
import org.tongxin.org.UnitSection;
import org.tongxin.org.internal.Departments;
import org.tongxin.org.internal.Employees;
import org.tongxin.org.internal.OrgTree;
import org.tongxin.org.internal.OrgUnits;
import org.tongxin.org.internal.TreeChanges;
import org.tongxin.org.internal.UnitScope;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Page;

/** The tree and a unit's page, with the officer's changes to the tree. */
@Controller
class TreeController {

    private final OrgTree tree;
    private final OrgUnits units;
    private final UnitScope scope;
    private final Employees employees;
    private final Departments departments;
    private final TreeChanges changes;
    private final List<UnitOfficers> officers;
    private final List<UnitSection> sections;

    TreeController(OrgTree tree, OrgUnits units, UnitScope scope, Employees employees, Departments departments,
                   TreeChanges changes, List<UnitOfficers> officers, List<UnitSection> sections) {
        this.tree = tree;
        this.units = units;
        this.scope = scope;
        this.employees = employees;
        this.departments = departments;
        this.changes = changes;
        this.officers = officers;
        this.sections = sections;
    }

    @GetMapping("/org/tree")
    String tree(@RequestParam(required = false) String q, Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("rootKinds", List.of(UnitKind.COMPANY_UNION, UnitKind.GRASSROOTS_UNION));
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", tree.search(viewer, q));
        } else {
            model.addAttribute("roots", tree.treeFor(viewer));
        }
        return "org/tree";
    }

    @GetMapping("/org/units/{unitId}")
    String unit(@PathVariable long unitId, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit unit = scope.unit(viewer, unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("breadcrumb", tree.breadcrumb(unit));
        model.addAttribute("children", units.children(unitId));
        model.addAttribute("partners", units.partnersBeside(List.of(unitId)));
        model.addAttribute("officers", officers.stream().flatMap(o -> o.officersOf(unitId).stream()).toList());
        model.addAttribute("departments", departments.ofUnit(unitId));
        model.addAttribute("employees", employees.inSubtree(unit, q, Page.clamp(page), 20));
        model.addAttribute("activeCount", employees.countActiveInSubtree(unit));
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("panels", sections.stream().flatMap(s -> s.panel(viewer, unit).stream()).toList());
        model.addAttribute("departmentTargets", tree.rootsFor(viewer).stream().flatMap(r -> units.subtree(r).stream())
                .filter(u -> !u.isClosed() && !u.kind().isPartner() && u.id() != unitId).toList());
        model.addAttribute("moveTargets", tree.rootsFor(viewer).stream().flatMap(r -> units.subtree(r).stream())
                .filter(u -> !u.isClosed() && !u.kind().isPartner() && !unit.contains(u)
                        && u.kind().ordinal() < unit.kind().ordinal()
                        && (unit.parentId() == null || u.id() != unit.parentId()))
                .toList());
        return "org/unit";
    }

    @PostMapping("/org/units")
    String addRoot(@RequestParam String name, @RequestParam UnitKind kind, RedirectAttributes redirect) {
        try {
            OrgUnit root = changes.addRoot(CurrentViewer.get(), name, kind);
            redirect.addFlashAttribute("flash", "unit.created");
            return "redirect:/org/units/" + root.id();
        } catch (TreeChanges.RejectedChange e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/org/tree";
        }
    }

    @PostMapping("/org/units/{unitId}/departments")
    String addDepartment(@PathVariable long unitId, @RequestParam String code, @RequestParam String name,
                         RedirectAttributes redirect) {
        return apply(unitId, redirect, "unit.departmentAdded",
                () -> changes.addDepartment(CurrentViewer.get(), unitId, code, name));
    }

    @PostMapping("/org/units/{unitId}/departments/{departmentId}/move")
    String moveDepartment(@PathVariable long unitId, @PathVariable long departmentId, @RequestParam long toUnitId,
                          RedirectAttributes redirect) {
        return apply(unitId, redirect, "unit.departmentMoved",
                () -> changes.moveDepartment(CurrentViewer.get(), departmentId, toUnitId));
    }

    @PostMapping("/org/units/{unitId}/children")
    String addChild(@PathVariable long unitId, @RequestParam String name, @RequestParam UnitKind kind,
                    RedirectAttributes redirect) {
        return apply(unitId, redirect, "unit.created",
                () -> changes.addChild(CurrentViewer.get(), unitId, name, kind));
    }

    @PostMapping("/org/units/{unitId}/rename")
    String rename(@PathVariable long unitId, @RequestParam String name, RedirectAttributes redirect) {
        return apply(unitId, redirect, "unit.renamed", () -> changes.rename(CurrentViewer.get(), unitId, name));
    }

    @PostMapping("/org/units/{unitId}/move")
    String move(@PathVariable long unitId, @RequestParam long parentId, RedirectAttributes redirect) {
        return apply(unitId, redirect, "unit.moved", () -> changes.move(CurrentViewer.get(), unitId, parentId));
    }

    @PostMapping("/org/units/{unitId}/close")
    String close(@PathVariable long unitId, RedirectAttributes redirect) {
        return apply(unitId, redirect, "unit.closedDone", () -> changes.close(CurrentViewer.get(), unitId));
    }

    private String apply(long unitId, RedirectAttributes redirect, String doneKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (TreeChanges.RejectedChange e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/org/units/" + unitId;
    }
}
