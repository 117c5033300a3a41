package org.tongxin.activity.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The volunteers' side: projects open to an employee, a place per person per shift (the places are kept by
 * the database, see {@link VolunteerShifts#take}), cancelling before the shift starts, and a person's own
 * hours. Nobody sees anyone else's hours here.
 */
@Service
public class Volunteering {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The outcome of signing up. */
    public enum Result { TAKEN, ALREADY }

    /** A project in the employee's list, with its next shift still open. */
    public record ProjectCard(VolunteerProject project, String leadName, Shift next, int openShifts) {
    }

    /** A shift on the project page, with whether the viewer holds a place on it. */
    public record ShiftLine(Shift shift, Shift.State state, boolean mine) {
    }

    /** The project page for an employee: the shifts still to come, and the viewer's own past ones. */
    public record ProjectPage(VolunteerProject project, List<VolunteerService.Body> hosts, List<ShiftLine> shifts,
                              boolean eligible) {
    }

    /**
     * "My volunteering" for a year: confirmed totals, the shifts to come (cancelled ones too, so a notice's
     * link shows them), and every shift of the year that has started.
     */
    public record Mine(int year, ServiceHours.Personal totals, List<VolunteerShifts.MyShift> upcoming,
                       List<VolunteerShifts.MyShift> shifts) {
    }

    private final VolunteerProjects projects;
    private final VolunteerShifts shifts;
    private final VolunteerService service;
    private final Audience audience;

    Volunteering(VolunteerProjects projects, VolunteerShifts shifts, VolunteerService service, Audience audience) {
        this.projects = projects;
        this.shifts = shifts;
        this.service = service;
        this.audience = audience;
    }

    /** Published projects whose audience includes the employee. */
    public List<ProjectCard> open(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        long employeeId = viewer.employeeId();
        Optional<List<Long>> path = audience.unitPath(employeeId);
        if (path.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = service.now();
        return projects.openTo(path.get(), audience.isMember(employeeId), now, 100).stream().map(p -> {
            List<Shift> open = shifts.ofProject(p.id()).stream().filter(s -> s.openForSignUp(now)).toList();
            return new ProjectCard(p, service.hosts(p.id()).getFirst().name(), open.isEmpty() ? null : open.getFirst(),
                    open.size());
        }).toList();
    }

    /**
     * The project if the viewer may see it: published (or closed) and open to them, or one they served in;
     * its organisers preview it in any state. 404 otherwise.
     */
    public VolunteerProject visible(Viewer viewer, long projectId) {
        VolunteerProject p = projects.find(projectId).orElseThrow(() -> new NotFoundException("volunteer project " + projectId));
        if (service.manages(viewer, p)) {
            return p;
        }
        Long employeeId = viewer.employeeId();
        if (p.isDraft() || employeeId == null || !(eligible(p, employeeId) || shifts.servedIn(projectId, employeeId))) {
            throw new NotFoundException("volunteer project " + projectId);
        }
        return p;
    }

    /** The shift if its project is visible to the viewer; 404 otherwise. */
    public Shift visibleShift(Viewer viewer, long shiftId) {
        Shift s = shifts.find(shiftId).orElseThrow(() -> new NotFoundException("volunteer shift " + shiftId));
        visible(viewer, s.projectId());
        return s;
    }

    private boolean eligible(VolunteerProject p, long employeeId) {
        return audience.includes(p.audience(), p.audienceUnitId(), employeeId);
    }

    public ProjectPage page(Viewer viewer, long projectId) {
        VolunteerProject p = visible(viewer, projectId);
        OffsetDateTime now = service.now();
        Set<Long> mine = viewer.employeeId() == null ? Set.of()
                : Set.copyOf(shifts.shiftsHeld(projectId, viewer.employeeId()));
        return new ProjectPage(p, service.hosts(projectId), shifts.ofProject(projectId).stream()
                .filter(s -> !s.hasEnded(now) || mine.contains(s.id()))
                .map(s -> new ShiftLine(s, s.state(now), mine.contains(s.id()))).toList(),
                viewer.employeeId() != null && eligible(p, viewer.employeeId()));
    }

    /**
     * Takes a place on a shift of a published project the employee is in the audience of, until the shift
     * starts. A person holds one place per shift and none on two shifts at the same time.
     */
    @Transactional
    public Result signUp(Viewer viewer, long shiftId) {
        Shift s = visibleShift(viewer, shiftId);
        long employeeId = employeeOf(viewer);
        VolunteerProject p = projects.find(s.projectId()).orElseThrow();
        if (!eligible(p, employeeId)) {
            throw new Refusal("volunteer.error.notInAudience");
        }
        if (!p.status().equals("PUBLISHED") || !s.openForSignUp(service.now())) {
            throw new Refusal("volunteer.error.signupClosed");
        }
        if (shifts.busy(employeeId, shiftId, s.startsAt(), s.endsAt())) {
            throw new Refusal("volunteer.error.busy");
        }
        return switch (shifts.take(shiftId, employeeId)) {
            case TAKEN -> Result.TAKEN;
            case ALREADY -> Result.ALREADY;
            // Throwing rolls back the sign-up row inserted before the count refused it.
            case FULL -> throw new Refusal("volunteer.error.full");
        };
    }

    /** Gives a place back, until the shift starts. */
    @Transactional
    public void cancel(Viewer viewer, long shiftId) {
        Shift s = visibleShift(viewer, shiftId);
        long employeeId = employeeOf(viewer);
        if (!s.openForSignUp(service.now())) {
            throw new Refusal("volunteer.error.tooLateToCancel");
        }
        if (!shifts.release(shiftId, employeeId)) {
            throw new Refusal("volunteer.error.notSignedUp");
        }
    }

    /** The viewer's own volunteering in {@code year}. */
    public Mine mine(Viewer viewer, int year) {
        if (viewer.employeeId() == null) {
            return new Mine(year, new ServiceHours.Personal(0, 0), List.of(), List.of());
        }
        long employeeId = viewer.employeeId();
        OffsetDateTime now = service.now();
        List<VolunteerShifts.MyShift> upcoming = shifts.ofEmployee(employeeId, now, now.plusYears(2)).reversed();
        List<VolunteerShifts.MyShift> ofYear = shifts.ofEmployee(employeeId, ServiceHours.yearStart(year),
                        ServiceHours.yearStart(year + 1)).stream()
                .filter(m -> !m.startsAt().isAfter(now)).toList();
        return new Mine(year, yearTotals(employeeId, year), upcoming, ofYear);
    }

    public ServiceHours.Personal yearTotals(long employeeId, int year) {
        return shifts.ofPerson(employeeId, ServiceHours.yearStart(year), ServiceHours.yearStart(year + 1));
    }

    /** A shift's start as notices name it. */
    static String when(Shift s) {
        return WHEN.format(s.startsAt().atZoneSameInstant(ZoneId.systemDefault()));
    }

    private static long employeeOf(Viewer viewer) {
        if (viewer.employeeId() == null) {
            throw new Refusal("volunteer.error.employeesOnly");
        }
        return viewer.employeeId();
    }
}
