package org.tongxin.training.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Uploads;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.CourseAudience;
import org.tongxin.training.internal.CourseReports;
import org.tongxin.training.internal.CourseService;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.Courses.Course;
import org.tongxin.training.internal.LessonMaterials;
import org.tongxin.training.internal.TrainingAdmin;

/**
 * Officers' courses (/training-admin): the training index, courses of the units they manage, the course form,
 * lessons of each kind, their order, publishing, and assigning the course to people with a due date.
 */
@Controller
class CourseAdminController {

    private final TrainingAdmin admin;
    private final CourseService service;
    private final Courses courses;
    private final CourseAudience audience;
    private final CourseReports reports;
    private final LessonMaterials materials;
    private final OrgDirectory org;

    CourseAdminController(TrainingAdmin admin, CourseService service, Courses courses, CourseAudience audience,
                          CourseReports reports, LessonMaterials materials, OrgDirectory org) {
        this.admin = admin;
        this.service = service;
        this.courses = courses;
        this.audience = audience;
        this.reports = reports;
        this.materials = materials;
        this.org = org;
    }

    /** The course form as posted; invitees are employee numbers, one per line or separated by commas. */
    record CourseForm(String title, String summary, String audience, Long audienceUnitId, Long ownerUnitId,
                      Integer certificateMonths, String invitees) {

        Courses.Draft draft(long ownerUnitId) {
            return new Courses.Draft(title == null ? null : title.strip(), summary == null ? "" : summary.strip(),
                    audience, "LIST".equals(audience) ? null : audienceUnitId, ownerUnitId, certificateMonths);
        }
    }

    /** A course in the officer's list with how many are taking it and have completed it. */
    record Row(Course course, String ownerName, CourseReports.Counts counts) {
    }

    /** A person in a course: name, number, lessons done, due date. */
    record Enrolee(String name, String employeeNo, CourseReports.Enrolee enrolment) {
    }

    @GetMapping("/training-admin")
    String index() {
        return "training/admin-index";
    }

    @GetMapping("/training-admin/courses")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Course> list = org.manageableUnitIds(viewer).map(courses::ofUnits).orElseGet(courses::all);
        Map<Long, CourseReports.Counts> counts = reports.counts(list.stream().map(Course::id).toList());
        model.addAttribute("rows", list.stream().map(c -> new Row(c, unitName(c.ownerUnitId()),
                counts.getOrDefault(c.id(), new CourseReports.Counts(0, 0)))).toList());
        return "training/admin-courses";
    }

    @GetMapping("/training-admin/courses/new")
    String form(Model model) {
        formOptions(model, CurrentViewer.get());
        return "training/course-form";
    }

    private void formOptions(Model model, Viewer viewer) {
        model.addAttribute("units", org.manageableUnits(viewer));
    }

    @PostMapping("/training-admin/courses")
    String create(@ModelAttribute CourseForm form, Model model, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        try {
            long id = audience.save(viewer, null, form.draft(form.ownerUnitId() == null ? -1 : form.ownerUnitId()),
                    employeeIds(form.audience(), form.invitees()));
            redirect.addFlashAttribute("flash", "training.courseSaved");
            return "redirect:/training-admin/courses/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", form);
            formOptions(model, viewer);
            return "training/course-form";
        }
    }

    /** The course's own page for its officers: settings, lessons, publishing, assigning, who is taking it. */
    @GetMapping("/training-admin/courses/{courseId}")
    String manage(@PathVariable long courseId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Course c = admin.managedCourse(viewer, courseId);
        model.addAttribute("course", c);
        model.addAttribute("form", new CourseForm(c.title(), c.summary(), c.audience(), c.audienceUnitId(),
                c.ownerUnitId(), c.certificateMonths(), String.join("\n", audience.invitees(courseId).stream()
                .map(org::employee).flatMap(Optional::stream).map(EmployeeSummary::employeeNo).toList())));
        model.addAttribute("ownerName", unitName(c.ownerUnitId()));
        model.addAttribute("lessons", courses.lessons(courseId));
        model.addAttribute("enrolees", reports.enrolees(courseId, 500).stream()
                .map(e -> org.employee(e.employeeId()).map(p -> new Enrolee(p.name(), p.employeeNo(), e))
                        .orElse(new Enrolee("#" + e.employeeId(), "", e))).toList());
        model.addAttribute("pdfMaxMb", materials.pdfMaxMb());
        model.addAttribute("videoMaxMb", materials.videoMaxMb());
        model.addAttribute("probesVideos", materials.probesVideos());
        model.addAttribute("maxPictures", LessonMaterials.MAX_PICTURES);
        model.addAttribute("today", LocalDate.now());
        formOptions(model, viewer);
        return "training/course-manage";
    }

    @PostMapping("/training-admin/courses/{courseId}")
    String update(@PathVariable long courseId, @ModelAttribute CourseForm form, RedirectAttributes redirect) {
        return act(courseId, redirect, "training.courseSaved", () -> {
            Viewer viewer = CurrentViewer.get();
            Course c = admin.managedCourse(viewer, courseId);
            audience.save(viewer, courseId, form.draft(c.ownerUnitId()), employeeIds(form.audience(), form.invitees()));
        });
    }

    @PostMapping("/training-admin/courses/{courseId}/publish")
    String publish(@PathVariable long courseId, RedirectAttributes redirect) {
        return act(courseId, redirect, "training.coursePublished",
                () -> admin.publishCourse(CurrentViewer.get(), courseId));
    }

    @PostMapping("/training-admin/courses/{courseId}/lessons/text")
    String addText(@PathVariable long courseId, @RequestParam(defaultValue = "") String title,
                   @RequestParam(defaultValue = "") String body,
                   @RequestParam(name = "pictures", required = false) List<MultipartFile> pictures,
                   RedirectAttributes redirect) {
        return act(courseId, redirect, "training.lessonAdded", () -> materials.addText(CurrentViewer.get(), courseId,
                title, body, Uploads.chosen(pictures).stream().map(Uploads::bytes).toList()));
    }

    @PostMapping("/training-admin/courses/{courseId}/lessons/pdf")
    String addPdf(@PathVariable long courseId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        // The course is checked before the upload, so another unit's course answers 404 whatever is sent.
        admin.managedCourse(viewer, courseId);
        return act(courseId, redirect, "training.lessonAdded", () -> Uploads.spooled(file,
                upload -> materials.addPdf(viewer, courseId, title, upload)));
    }

    @PostMapping("/training-admin/courses/{courseId}/lessons/video")
    String addVideo(@PathVariable long courseId, @RequestParam(defaultValue = "") String title,
                    @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        // The course is checked before the upload, so another unit's course answers 404 whatever is sent.
        admin.managedCourse(viewer, courseId);
        return act(courseId, redirect, "training.lessonAdded", () -> Uploads.spooled(file,
                upload -> materials.addVideo(viewer, courseId, title, upload)));
    }

    @PostMapping("/training-admin/courses/{courseId}/lessons/{lessonId}/move")
    String move(@PathVariable long courseId, @PathVariable long lessonId,
                @RequestParam(defaultValue = "down") String direction, RedirectAttributes redirect) {
        return act(courseId, redirect, "training.lessonMoved", () -> materials.move(CurrentViewer.get(), courseId,
                lessonId, direction.equals("up") ? -1 : 1));
    }

    /** Assigns the course to a group of the officer's subtree or to people by employee number, with a due date. */
    @PostMapping("/training-admin/courses/{courseId}/assign")
    String assign(@PathVariable long courseId, @RequestParam(defaultValue = "LIST") String group,
                  @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "") String people,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                  RedirectAttributes redirect) {
        try {
            Viewer viewer = CurrentViewer.get();
            admin.managedCourse(viewer, courseId);
            AssessmentService.Group g = switch (group) {
                case "EMPLOYEES" -> AssessmentService.Group.EMPLOYEES;
                case "OFFICERS" -> AssessmentService.Group.OFFICERS;
                default -> AssessmentService.Group.LIST;
            };
            List<Long> ids = audience.group(viewer, g, unitId, employeeIds("LIST", people));
            if (ids.isEmpty()) {
                throw new Refusal("training.error.nobodyToAssign");
            }
            int added = service.assign(viewer, courseId, ids, dueOn);
            redirect.addFlashAttribute("flash", "training.assigned");
            redirect.addFlashAttribute("assignedCount", added);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/training-admin/courses/" + courseId + "#enrolees";
    }

    /** Employee ids for the numbers written, when the audience is a list; every number must exist. */
    private List<Long> employeeIds(String audienceKind, String numbers) {
        if (!"LIST".equals(audienceKind) || numbers == null || numbers.isBlank()) {
            return List.of();
        }
        List<String> list = Arrays.stream(numbers.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).distinct().toList();
        Map<String, Long> ids = org.employeeIdsByNumber(list);
        List<Long> out = new ArrayList<>();
        for (String n : list) {
            Long id = ids.get(n);
            if (id == null) {
                throw new Refusal("training.error.unknownPeople");
            }
            out.add(id);
        }
        return out;
    }

    private String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("");
    }

    private static String act(long courseId, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/training-admin/courses/" + courseId;
    }
}
