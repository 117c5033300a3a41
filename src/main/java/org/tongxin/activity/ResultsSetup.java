package org.tongxin.activity;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.results.HonourKind;
import org.tongxin.activity.results.HonourService;
import org.tongxin.activity.results.Honours;
import org.tongxin.activity.results.ResultsService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.files.Photos;

/**
 * Start-up set-up of activity results for the demo enterprise and for records carried over from an earlier
 * system: summaries and galleries of activities that took place (see {@link ActivitySetup}), and honours. No
 * officer scope is checked and nothing is audited, so only start-up code (the demo loader, benchmarks) calls it.
 */
@Service
public class ResultsSetup {

    private final ResultsService results;
    private final Honours honours;
    private final Photos photos;
    private final OrgDirectory org;

    ResultsSetup(ResultsService results, Honours honours, Photos photos, OrgDirectory org) {
        this.results = results;
        this.honours = honours;
        this.photos = photos;
        this.org = org;
    }

    /** The summary of an activity with its photos (JPEG, PNG or WebP, resized as on upload), as of {@code at}. */
    @Transactional
    public void summary(long activityId, String outcomes, List<byte[]> photoFiles, long publishedBy,
                        OffsetDateTime at) {
        results.record(activityId, outcomes, photoFiles.stream().map(photos::prepare).toList(), publishedBy, at);
    }

    /**
     * An honour given by {@code awardingUnitId} to a person ({@code employeeId}) or a team ({@code teamUnitId});
     * {@code kind} is one of MODEL_WORKER, CRAFTSMAN, ADVANCED_INDIVIDUAL, ADVANCED_TEAM, OUTSTANDING_VOLUNTEER,
     * OTHER (which needs a {@code title}); {@code photo} may be null.
     */
    @Transactional
    public long honour(long awardingUnitId, String kind, String title, int year, String citation, Long employeeId,
                       Long teamUnitId, byte[] photo, long givenBy) {
        long recipientUnit = employeeId != null ? org.employee(employeeId).orElseThrow().unitId() : teamUnitId;
        Photos.Stored stored = photo == null ? null : photos.store(HonourService.FOLDER, photos.prepare(photo));
        return honours.insert(new Honours.NewHonour(HonourKind.valueOf(kind), title, year, citation, awardingUnitId,
                employeeId, teamUnitId, recipientUnit, stored, givenBy));
    }
}
