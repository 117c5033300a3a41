package org.tongxin.org.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tongxin.org.internal.EmployeeRecord;
import org.tongxin.org.internal.UnitScope;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/**
 * An employee's page for the officers who manage them. Phone and ID number are masked; showing them
 * in full is a deliberate, audited act.
 */
@Controller
class EmployeeController {

    private final UnitScope scope;
    private final AuditTrail audit;

    EmployeeController(UnitScope scope, AuditTrail audit) {
        this.scope = scope;
        this.audit = audit;
    }

    @GetMapping("/org/employees/{employeeId}")
    String show(@PathVariable long employeeId, Model model) {
        model.addAttribute("employee", scope.employee(CurrentViewer.get(), employeeId));
        model.addAttribute("revealed", false);
        return "org/employee";
    }

    @PostMapping("/org/employees/{employeeId}/reveal")
    String reveal(@PathVariable long employeeId, Model model) {
        Viewer viewer = CurrentViewer.get();
        EmployeeRecord employee = scope.employee(viewer, employeeId);
        audit.record(viewer, "employee.reveal", "employee", employeeId, employee.unitId(),
                employee.employeeNo() + " " + employee.name(), null, Map.of("fields", "phone, idCard"));
        model.addAttribute("employee", employee);
        model.addAttribute("revealed", true);
        return "org/employee";
    }
}
